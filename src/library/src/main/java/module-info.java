/**
 * RareSearch: makes rare-disease reports searchable by symptoms, and resolves disease names, on
 * Apache Lucene. Start with {@link org.raresearch.RareSearch}.
 *
 * <ul>
 *   <li>{@link org.raresearch}: the entry point;
 *   <li>{@link org.raresearch.api}: the types its answers, progress reports and settings are made of;
 *   <li>{@link org.raresearch.errors}: the exceptions it throws;
 *   <li>{@link org.raresearch.report}: the report model and the reader of NORD-layout report files;
 *   <li>{@link org.raresearch.sources}: open-data sources (Orphanet, HPO annotations) to import;
 *   <li>{@link org.raresearch.vocabulary}: the Human Phenotype Ontology.
 * </ul>
 *
 * <p>The index, its analysis chains, the reading of queries and the searches are internal. The
 * token filters of the analysis chains are also offered to Lucene by name ({@code
 * TokenFilterFactory.forName}), for analyzers of one's own.
 */
@SuppressWarnings("module") // org.raresearch.eval, built after the library, is not observable here
module org.raresearch {
  requires org.apache.lucene.core;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.highlighter;
  requires org.apache.lucene.suggest;
  requires com.fasterxml.jackson.databind;
  requires org.apache.commons.compress;

  exports org.raresearch;
  exports org.raresearch.api;
  exports org.raresearch.errors;
  exports org.raresearch.report;
  exports org.raresearch.sources;
  exports org.raresearch.vocabulary;

  // Evaluation (module org.raresearch.eval) reads its query and judgement files within the same bounds.
  exports org.raresearch.io to org.raresearch.eval;

  // Lucene reads each factory's NAME and calls its constructor by reflection.
  exports org.raresearch.analysis to org.apache.lucene.core;

  provides org.apache.lucene.analysis.TokenFilterFactory with
      org.raresearch.analysis.ClosePositionGapsFilterFactory,
      org.raresearch.analysis.ParentheticalVariantsFilterFactory,
      org.raresearch.analysis.QualifierWordFilterFactory,
      org.raresearch.analysis.RomanNumeralFilterFactory,
      org.raresearch.analysis.TypeFillerFilterFactory;
}
