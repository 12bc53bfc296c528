package org.raresearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.raresearch.index.IndexSchema;
import org.raresearch.index.ReportCodec;
import org.raresearch.report.DiseaseReport;

/** Reads reports back from their stored documents. */
public final class StoredReports {
  private StoredReports() {}

  /** The report with this id, if the index holds it. */
  public static Optional<DiseaseReport> get(IndexSearcher searcher, String id) throws IOException {
    ScoreDoc[] hits = searcher.search(new TermQuery(new Term(IndexSchema.REPORT_ID, id)), 1).scoreDocs;
    if (hits.length == 0) {
      return Optional.empty();
    }
    String json = searcher.storedFields().document(hits[0].doc, Set.of(IndexSchema.REPORT)).get(IndexSchema.REPORT);
    return Optional.of(ReportCodec.decode(json));
  }

  /** The reports with these ids that the index holds, in order. */
  static List<DiseaseReport> all(IndexSearcher searcher, List<String> ids) throws IOException {
    List<DiseaseReport> reports = new ArrayList<>(ids.size());
    for (String id : ids) {
      get(searcher, id).ifPresent(reports::add);
    }
    return reports;
  }
}
