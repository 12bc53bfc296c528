/**
 * The types RareSearch's answers, progress reports and settings are made of: search results and
 * their hits, snippets and phenotype matches, name matches, suggestions, ranked ids, what an
 * indexing run did, and the ranking's settings ({@link org.raresearch.api.RankingConfig}). Immutable
 * records. The facade, {@code RareSearch}, hands them out.
 */
package org.raresearch.api;
