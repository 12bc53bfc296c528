package org.raresearch.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.raresearch.api.ScoredId;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.errors.SearchTimeoutException;

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
   * Ranks every query, several at a time (one per processor): the ranker is called from several
   * threads at once, as a thread-safe {@link org.raresearch.RareSearch} allows. The rankings are the
   * same as one at a time.
   *
   * @param ranker what ranks; thread-safe
   * @param queries the queries
   * @param limit how deep each ranking goes
   * @return each query's ranking by query id, in query order
   * @throws org.raresearch.errors.RareSearchException when the ranker fails otherwise than by refusing a
   *     query, such as {@link org.raresearch.errors.IndexAccessException} for an index that cannot be used
   *     (the first such failure in query order; the queries still running are abandoned)
   */
  public static Map<String, List<ScoredId>> run(Ranker ranker, List<EvalQuery> queries, int limit) {
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), queries.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
      Thread thread = new Thread(task, "raresearch-evaluator");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<List<ScoredId>>> rankings = new ArrayList<>(queries.size());
      for (EvalQuery query : queries) {
        rankings.add(pool.submit(() -> rankOne(ranker, query.text(), limit)));
      }
      Map<String, List<ScoredId>> byQuery = new LinkedHashMap<>();
      for (int i = 0; i < queries.size(); i++) {
        byQuery.put(queries.get(i).id(), await(rankings.get(i)));
      }
      return byQuery;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<ScoredId> rankOne(Ranker ranker, String query, int limit) {
    try {
      return ranker.rank(query, limit);
    } catch (InvalidQueryException | SearchTimeoutException refused) {
      return List.of();
    }
  }

  private static List<ScoredId> await(Future<List<ScoredId>> ranking) {
    try {
      return ranking.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while ranking queries");
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case RuntimeException failure -> throw failure;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
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
