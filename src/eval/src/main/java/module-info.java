/**
 * Measuring RareSearch's ranking: query sets and their judgements (TREC qrels), the measures (MRR,
 * success@k, nDCG@10, recall@100), TREC runs, the ablation's ranking variants, and the bare Lucene
 * baseline every figure is compared with. Built on the library's exported API.
 */
module org.raresearch.eval {
  requires transitive org.raresearch;
  requires org.apache.lucene.core;
  requires org.apache.lucene.queryparser;

  exports org.raresearch.eval;
}
