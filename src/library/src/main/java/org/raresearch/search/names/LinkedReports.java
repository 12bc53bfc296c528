package org.raresearch.search.names;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.raresearch.api.NameMatch;
import org.raresearch.index.IndexSchema;
import org.raresearch.index.StoredReports;

/**
 * The reports a disease is made of (see {@link IndexSchema#MEMBER}), so that a disease imported
 * from several sources is one answer that lists them all.
 */
final class LinkedReports {
  private LinkedReports() {}

  /**
   * The matches, at most {@code limit}, each listing the ids of its disease's reports (its own
   * first); a disease matched twice is kept once, at its surer match.
   */
  static List<NameMatch> collapse(IndexSearcher searcher, List<NameMatch> matches, int limit) throws IOException {
    List<NameMatch> kept = new ArrayList<>(Math.min(limit, matches.size()));
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (NameMatch match : matches) {
      if (kept.size() == limit) {
        break;
      }
      if (seen.add(match.id())) {
        List<String> ids = reportIds(searcher, match.id());
        kept.add(ids.size() == 1 ? match : match.withSourceIds(ids));
      }
    }
    return kept;
  }

  /** The ids of the reports of the disease with this id, its own first; just the id when unknown. */
  static List<String> reportIds(IndexSearcher searcher, String diseaseId) throws IOException {
    int doc = StoredReports.find(searcher.getIndexReader(), new Term(IndexSchema.ID, diseaseId));
    return doc < 0 ? List.of(diseaseId) : reportIds(searcher, doc);
  }

  /** The ids of the reports of the disease document {@code doc}, its own first. */
  static List<String> reportIds(IndexSearcher searcher, int doc) throws IOException {
    return List.of(searcher.storedFields().document(doc, Set.of(IndexSchema.MEMBER)).getValues(IndexSchema.MEMBER));
  }
}
