package org.raresearch.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raresearch.InvalidQueryException;
import org.raresearch.SearchTimeoutException;
import org.raresearch.ScoredId;

/**
 * Runs a query set through a {@link Ranker} and measures the rankings against qrels. Queries the
 * ranker refuses or stops for their time budget count as ranking nothing; any other failure, such
 * as an index that cannot be used, stops the run.
 */
public final class Evaluator {
  /** How deep rankings go: recall is measured at 100. */
  public static final int DEPTH = 100;

  private Evaluator() {}

  /**
   * Ranks every query.
   *
   * @param ranker what ranks
   * @param queries the queries
   * @param limit how deep each ranking goes
   * @return each query's ranking by query id, in query order
   * @throws org.raresearch.RareSearchException when the ranker fails otherwise than by refusing a
   *     query, such as {@link org.raresearch.IndexAccessException} for an index that cannot be used
   */
  public static Map<String, List<ScoredId>> run(Ranker ranker, List<EvalQuery> queries, int limit) {
    Map<String, List<ScoredId>> rankings = new LinkedHashMap<>();
    for (EvalQuery query : queries) {
      List<ScoredId> ranking;
      try {
        ranking = ranker.rank(query.text(), limit);
      } catch (InvalidQueryException | SearchTimeoutException refused) {
        ranking = List.of();
      }
      rankings.put(query.id(), ranking);
    }
    return rankings;
  }

  /**
   * Measures rankings against judgements.
   *
   * @param rankings each query's ranking by query id
   * @param qrels the judgements; queries without a relevant report are not measured
   * @return the mean measures over the judged queries
   */
  public static Metrics measure(Map<String, List<ScoredId>> rankings, Qrels qrels) {
    List<Metrics> perQuery = new ArrayList<>();
    for (String queryId : rankings.keySet()) {
      if (!qrels.relevant(queryId).isEmpty()) {
        List<String> ids = rankings.get(queryId).stream().map(ScoredId::id).toList();
        perQuery.add(Metrics.of(ids, qrels.relevant(queryId)));
      }
    }
    return Metrics.mean(perQuery);
  }

  /**
   * Ranks every query {@value #DEPTH} deep and measures the rankings in one go.
   *
   * @param ranker what ranks
   * @param queries the queries
   * @param qrels the judgements
   * @return the mean measures over the judged queries
   */
  public static Metrics evaluate(Ranker ranker, List<EvalQuery> queries, Qrels qrels) {
    return measure(run(ranker, queries, DEPTH), qrels);
  }
}
