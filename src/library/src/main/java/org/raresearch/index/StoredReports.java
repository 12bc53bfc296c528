package org.raresearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.raresearch.report.DiseaseReport;

/**
 * Reads documents back by id. Looks the id's term up in the postings directly rather than running
 * a search: a lookup is no search, and must neither be scored nor stopped by a search's time
 * budget.
 */
public final class StoredReports {
  private StoredReports() {}

  /** The report with this id, if the index holds it. */
  public static Optional<DiseaseReport> get(IndexReader reader, String id) throws IOException {
    int doc = find(reader, new Term(IndexSchema.REPORT_ID, id));
    if (doc < 0) {
      return Optional.empty();
    }
    String json = reader.storedFields().document(doc, Set.of(IndexSchema.REPORT)).get(IndexSchema.REPORT);
    return Optional.of(ReportCodec.decode(json));
  }

  /** The number of reports the searcher's index holds. */
  public static int count(IndexSearcher searcher) throws IOException {
    return searcher.count(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_REPORT)));
  }

  /** The reports with these ids that the index holds, in order. */
  public static List<DiseaseReport> all(IndexReader reader, List<String> ids) throws IOException {
    List<DiseaseReport> reports = new ArrayList<>(ids.size());
    for (String id : ids) {
      get(reader, id).ifPresent(reports::add);
    }
    return reports;
  }

  /**
   * The ids of the diseases a report is part of (one, or several when anchors share it), by id;
   * empty when the index holds no such report.
   */
  public static List<String> diseasesOf(IndexReader reader, String reportId) throws IOException {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>();
    Term member = new Term(IndexSchema.MEMBER, reportId);
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = leaf.reader().postings(member, PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      org.apache.lucene.index.SortedDocValues values = org.apache.lucene.index.DocValues.getSorted(leaf.reader(), IndexSchema.ID);
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if ((live == null || live.get(doc)) && values.advanceExact(doc)) {
          ids.add(values.lookupOrd(values.ordValue()).utf8ToString());
        }
      }
    }
    return List.copyOf(ids);
  }

  /** The live document holding a term, or -1; the first one when several do. */
  public static int find(IndexReader reader, Term term) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live == null || live.get(doc)) {
          return leaf.docBase + doc;
        }
      }
    }
    return -1;
  }
}
