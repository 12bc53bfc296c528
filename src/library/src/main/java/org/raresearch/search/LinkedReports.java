package org.raresearch.search;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.raresearch.NameMatch;
import org.raresearch.index.IndexSchema;

/**
 * Finds the reports that describe the same disease as another (they share a {@link
 * IndexSchema#DISEASE_KEY}), so that a disease imported from several sources is one answer.
 */
final class LinkedReports {
  /** More reports of one disease than any real linking gives; guards against a runaway key. */
  private static final int MAX_LINKED = 20;

  private LinkedReports() {}

  /**
   * Keeps the first (surest) match of each disease, listing the ids of all its reports in the
   * index, the matched one first then by id; later matches of the same disease are dropped. Stops
   * once {@code limit} matches are kept.
   */
  static List<NameMatch> collapse(IndexSearcher searcher, List<NameMatch> matches, int limit) throws IOException {
    List<NameMatch> kept = new ArrayList<>(Math.min(limit, matches.size()));
    Set<String> covered = new HashSet<>();
    for (NameMatch match : matches) {
      if (kept.size() == limit) {
        break;
      }
      if (covered.contains(match.id())) {
        continue;
      }
      List<String> ids = linkedIds(searcher, match.id());
      covered.addAll(ids);
      kept.add(ids.size() == 1 ? match : match.withSourceIds(ids));
    }
    return kept;
  }

  /**
   * The report's id, then by id the other reports linked to it, directly (sharing one of its disease
   * keys) or through others ({@code HPO_ORPHA_586} to {@code ORPHA_586} to {@code OMIM_219700}).
   */
  static List<String> linkedIds(IndexSearcher searcher, String id) throws IOException {
    StoredFields stored = searcher.storedFields();
    Set<String> ids = new TreeSet<>();
    Set<String> keys = new HashSet<>();
    Deque<Query> pending = new ArrayDeque<>();
    pending.add(new TermQuery(new Term(IndexSchema.ID, id)));
    while (!pending.isEmpty() && ids.size() < MAX_LINKED) {
      for (ScoreDoc hit : searcher.search(pending.poll(), MAX_LINKED).scoreDocs) {
        var document = stored.document(hit.doc, Set.of(IndexSchema.ID, IndexSchema.DISEASE_KEY));
        ids.add(document.get(IndexSchema.ID));
        for (String key : document.getValues(IndexSchema.DISEASE_KEY)) {
          if (keys.add(key)) {
            pending.add(new TermQuery(new Term(IndexSchema.DISEASE_KEY, key)));
          }
        }
      }
    }
    ids.remove(id);
    List<String> linked = new ArrayList<>(1 + ids.size());
    linked.add(id);
    linked.addAll(ids);
    return List.copyOf(linked);
  }
}
