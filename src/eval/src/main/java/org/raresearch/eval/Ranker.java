package org.raresearch.eval;

import java.util.List;
import org.raresearch.api.ScoredId;

/**
 * Anything that ranks report ids for a query: RareSearch, the bare baseline, a variant. {@link
 * Evaluator} calls it from several threads at once.
 */
@FunctionalInterface
public interface Ranker {
  /**
   * Ranks reports for a query.
   *
   * @param query the query text
   * @param limit the most report ids to return
   * @return at most {@code limit} report ids, best first; an empty list when the query is refused
   */
  List<ScoredId> rank(String query, int limit);
}
