/**
 * RareSearch's own Lucene queries: the phenotype evidence of a term ({@code PhenotypeEvidenceQuery},
 * {@code PhenotypeTermQuery}), a ranking lowered for what contradicts a disease ({@code
 * ContradictedQuery}), and a fuzzy query that expands only to terms within reach ({@code
 * ReachableFuzzyQuery}, {@code NearTerms}). Each reads what it needs from the searcher's statistics
 * when rewritten, as Lucene's queries do. Internal.
 */
package org.raresearch.search.queries;
