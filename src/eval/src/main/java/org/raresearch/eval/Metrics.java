package org.raresearch.eval;

import java.util.List;
import java.util.Set;

/**
 * The ranking measures RareSearch reports, averaged over queries: mean reciprocal rank, success at
 * 1 and 10 (a relevant report at rank 1, or in the top 10), nDCG at 10 with binary gains, and recall
 * at 100.
 *
 * @param queries the number of queries averaged
 * @param mrr the mean reciprocal rank of the first relevant report
 * @param successAt1 the share of queries with a relevant report first
 * @param successAt10 the share of queries with a relevant report in the top 10
 * @param ndcgAt10 the mean nDCG at 10, with binary gains
 * @param recallAt100 the mean share of relevant reports in the top 100
 */
public record Metrics(int queries, double mrr, double successAt1, double successAt10, double ndcgAt10, double recallAt100) {

  /**
   * The measures of one ranking against one set of relevant reports.
   *
   * @param ranking report ids, best first
   * @param relevant the relevant report ids
   * @return the measures of this one query
   */
  public static Metrics of(List<String> ranking, Set<String> relevant) {
    double rr = 0;
    int hitsIn100 = 0;
    double dcg = 0;
    for (int i = 0; i < ranking.size() && i < 100; i++) {
      if (relevant.contains(ranking.get(i))) {
        if (rr == 0) {
          rr = 1.0 / (i + 1);
        }
        hitsIn100++;
        if (i < 10) {
          dcg += 1 / log2(i + 2);
        }
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(10, relevant.size()); i++) {
      ideal += 1 / log2(i + 2);
    }
    return new Metrics(
        1,
        rr,
        rr == 1 ? 1 : 0,
        rr >= 0.1 ? 1 : 0,
        ideal == 0 ? 0 : dcg / ideal,
        relevant.isEmpty() ? 0 : hitsIn100 / (double) relevant.size());
  }

  /**
   * The mean of per-query measures.
   *
   * @param perQuery the measures of each query
   * @return their mean, over as many queries as there are
   */
  public static Metrics mean(List<Metrics> perQuery) {
    int n = perQuery.size();
    if (n == 0) {
      return new Metrics(0, 0, 0, 0, 0, 0);
    }
    return new Metrics(
        n,
        perQuery.stream().mapToDouble(Metrics::mrr).sum() / n,
        perQuery.stream().mapToDouble(Metrics::successAt1).sum() / n,
        perQuery.stream().mapToDouble(Metrics::successAt10).sum() / n,
        perQuery.stream().mapToDouble(Metrics::ndcgAt10).sum() / n,
        perQuery.stream().mapToDouble(Metrics::recallAt100).sum() / n);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
