/**
 * Hits as users see them ({@code SymptomSearcher}): the ranked diseases with their stored reports,
 * the sections they matched, highlighted snippets ({@code HitHighlighter}) and the phenotypes that
 * fit or contradict each finding ({@code PhenotypeExplainer}). Internal.
 */
package org.raresearch.search.hits;
