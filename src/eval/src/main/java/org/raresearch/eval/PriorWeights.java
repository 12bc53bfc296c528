package org.raresearch.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.raresearch.RareSearch;
import org.raresearch.api.RankingConfig;
import org.raresearch.api.ScoredId;
import org.raresearch.report.DiseaseReport;

/**
 * Chooses the weights of the disease prior ({@link RankingConfig.Prior}) by cross-validation on
 * query sets, with folds by gold disease: every query of one disease, in whichever set, is in the
 * same fold, so a weight is never chosen on the disease it is measured on.
 *
 * <p>The prior only adds to a disease's score ({@code score + w x prior + d x diagnosis}), so each
 * query is ranked once through the library without the prior, {@value #DEPTH} deep; each hit's
 * features are read from its disease's own report as the index computes them, and every pair of
 * weights re-ranks those hits. The weights chosen are then to be confirmed by a run of the library
 * itself with them (a disease below the depth could rise with a large weight).
 *
 * <p>Each fold chooses, among the grid, the weights with the best mean over the sets of (MRR +
 * success@10) / 2 on the other folds' queries; every query is then scored with its own fold's
 * choice. Printed: the whole curve (every pair of weights on all queries) and the cross-validated
 * figures.
 *
 * <pre>
 * java -cp target/raresearch-cli.jar org.raresearch.eval.PriorWeights INDEX QUERY_DIR [--course-off | --course-mismatch=M] SET...
 * </pre>
 */
public final class PriorWeights {
  /** Hits re-ranked per query. */
  static final int DEPTH = 200;
  /** Cross-validation folds. */
  static final int FOLDS = 5;

  static final float[] PRIOR_WEIGHTS = {0f, 0.05f, 0.1f, 0.15f, 0.2f, 0.3f, 0.4f, 0.5f, 0.75f, 1f};
  static final float[] DIAGNOSIS_WEIGHTS = {0f, 0.5f, 1f, 2f, 3f, 5f};

  private PriorWeights() {}

  /** One hit as the features of its score. */
  record Hit(String id, double base, double prior, double diagnosis) {}

  /** One query: its set, gold diseases and hits without the prior. */
  record Query(String set, String id, Set<String> relevant, List<Hit> hits) {
    String disease() {
      return relevant.isEmpty() ? id : new TreeSet<>(relevant).first();
    }
  }

  /**
   * Runs the cross-validation and prints the curve and the figures.
   *
   * @param args the index, the folder of the query sets, the names of the sets
   */
  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: PriorWeights INDEX QUERY_DIR SET...");
      System.exit(2);
    }
    Path index = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    List<String> sets = List.of(args).subList(2, args.length);
    RankingConfig none = RankingConfig.defaults().toBuilder().prior(RankingConfig.Prior.NONE).build();
    for (String option : sets.stream().filter(a -> a.startsWith("--")).toList()) {
      if (option.equals("--course-off")) {
        none = none.toBuilder().course(RankingConfig.Course.OFF).build();
      } else if (option.startsWith("--course-mismatch=")) {
        none = none.toBuilder().course(new RankingConfig.Course(true, Float.parseFloat(option.substring(option.indexOf('=') + 1)))).build();
      } else {
        throw new IllegalArgumentException("unknown option " + option);
      }
    }
    sets = sets.stream().filter(a -> !a.startsWith("--")).toList();
    System.out.println("ranking without the prior: " + none.course());
    Map<String, List<EvalQuery>> queries = new LinkedHashMap<>();
    Map<String, Qrels> qrels = new HashMap<>();
    for (String set : sets) {
      queries.put(set, EvalQuery.read(dir.resolve(set + ".tsv"), System.err::println));
      qrels.put(set, Qrels.read(dir.resolve(set + ".qrels"), System.err::println));
    }
    List<Query> all = new ArrayList<>();
    int unread = 0;
    try (RareSearch rare = RareSearch.builder(index).readOnly().ranking(none).searchTimeout(java.time.Duration.ofMinutes(1)).open()) {
      Map<String, double[]> features = new HashMap<>();
      for (String set : sets) {
        Map<String, List<ScoredId>> run = Evaluator.run(rare::rank, queries.get(set), DEPTH);
        for (EvalQuery q : queries.get(set)) {
          List<Hit> hits = new ArrayList<>();
          for (ScoredId hit : run.getOrDefault(q.id(), List.of())) {
            double[] f = features.computeIfAbsent(hit.id(), id -> features(rare, id));
            hits.add(new Hit(hit.id(), hit.score(), f[0], f[1]));
          }
          all.add(new Query(set, q.id(), qrels.get(set).relevant(q.id()), hits));
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d queries; %d hits whose features were not read (counted as the default)%n", all.size(), unread);

    System.out.printf(Locale.ROOT, "%nCurve (all queries), MRR / S@10 per set%n%-6s %-6s", "w", "d");
    sets.forEach(set -> System.out.printf(Locale.ROOT, " %-18s", set));
    System.out.printf(Locale.ROOT, " %s%n", "objective");
    for (float w : PRIOR_WEIGHTS) {
      for (float d : DIAGNOSIS_WEIGHTS) {
        System.out.printf(Locale.ROOT, "%-6.2f %-6.1f", w, d);
        Map<String, double[]> bySet = measure(all, w, d, sets);
        for (String set : sets) {
          double[] m = bySet.get(set);
          System.out.printf(Locale.ROOT, " %.3f / %.3f     ", m[0], m[1]);
        }
        System.out.printf(Locale.ROOT, " %.4f%n", objective(bySet));
      }
    }

    Map<Integer, float[]> chosen = new HashMap<>();
    for (int fold = 0; fold < FOLDS; fold++) {
      int f = fold;
      List<Query> training = all.stream().filter(q -> fold(q) != f).toList();
      float[] best = null;
      double bestObjective = -1;
      for (float w : PRIOR_WEIGHTS) {
        for (float d : DIAGNOSIS_WEIGHTS) {
          double o = objective(measure(training, w, d, sets));
          if (o > bestObjective + 1e-9) {
            bestObjective = o;
            best = new float[] {w, d};
          }
        }
      }
      chosen.put(fold, best);
      System.out.printf(Locale.ROOT, "fold %d (%d held-out queries): w %.2f, d %.1f%n", fold, all.size() - training.size(), best[0], best[1]);
    }
    Map<String, double[]> cv = new LinkedHashMap<>();
    Map<String, double[]> without = measure(all, 0, 0, sets);
    Map<String, Integer> counts = new HashMap<>();
    for (Query q : all) {
      float[] weights = chosen.get(fold(q));
      double[] m = metrics(q, weights[0], weights[1]);
      double[] sum = cv.computeIfAbsent(q.set(), k -> new double[2]);
      sum[0] += m[0];
      sum[1] += m[1];
      counts.merge(q.set(), 1, Integer::sum);
    }
    System.out.printf(Locale.ROOT, "%nCross-validated, MRR / S@10 (without the prior -> with the weights of the query's fold)%n");
    for (String set : sets) {
      double[] sum = cv.get(set);
      int n = counts.get(set);
      System.out.printf(Locale.ROOT, "%-22s %.3f / %.3f -> %.3f / %.3f%n", set, without.get(set)[0], without.get(set)[1], sum[0] / n, sum[1] / n);
    }
  }

  /**
   * A disease's prior and diagnosis features, as the index holds them: the log of its own report's
   * stated prevalence (or the default) over the floor, and 1 unless it is a group. A disease of
   * report files alone has neither.
   */
  private static double[] features(RareSearch rare, String id) {
    DiseaseReport own = rare.get(id).orElse(null);
    if (own == null) {
      return new double[] {0, 0};
    }
    boolean structured = !own.facts().isEmpty() || !own.phenotypes().isEmpty() || !own.crossReferences().isEmpty();
    if (!structured) {
      return new double[] {0, 0};
    }
    double prevalence = own.facts().prevalence().orElse(RankingConfig.Prior.DEFAULT_PREVALENCE);
    return new double[] {Math.log(Math.max(prevalence, RankingConfig.Prior.PREVALENCE_FLOOR * Math.E) / RankingConfig.Prior.PREVALENCE_FLOOR),
        own.facts().isGroup() ? 0 : 1};
  }

  /** The fold of a query's gold disease. */
  static int fold(Query q) {
    return Math.floorMod(q.disease().hashCode(), FOLDS);
  }

  /** Reciprocal rank and success@10 of one query re-ranked with weights w and d. */
  static double[] metrics(Query q, double w, double d) {
    List<Hit> ranked = new ArrayList<>(q.hits());
    ranked.sort((a, b) -> {
      int c = Double.compare(b.base() + w * b.prior() + d * b.diagnosis(), a.base() + w * a.prior() + d * a.diagnosis());
      return c != 0 ? c : a.id().compareTo(b.id());
    });
    for (int i = 0; i < Math.min(100, ranked.size()); i++) {
      if (q.relevant().contains(ranked.get(i).id())) {
        return new double[] {1.0 / (i + 1), i < 10 ? 1 : 0};
      }
    }
    return new double[] {0, 0};
  }

  /** MRR and success@10 per set. */
  static Map<String, double[]> measure(List<Query> queries, double w, double d, List<String> sets) {
    Map<String, double[]> sums = new LinkedHashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Query q : queries) {
      double[] m = metrics(q, w, d);
      double[] sum = sums.computeIfAbsent(q.set(), k -> new double[2]);
      sum[0] += m[0];
      sum[1] += m[1];
      counts.merge(q.set(), 1, Integer::sum);
    }
    Map<String, double[]> means = new LinkedHashMap<>();
    for (String set : sets) {
      double[] sum = sums.getOrDefault(set, new double[2]);
      int n = Math.max(1, counts.getOrDefault(set, 0));
      means.put(set, new double[] {sum[0] / n, sum[1] / n});
    }
    return means;
  }

  /** The mean over the sets of (MRR + success@10) / 2. */
  static double objective(Map<String, double[]> bySet) {
    return bySet.values().stream().mapToDouble(m -> (m[0] + m[1]) / 2).average().orElse(0);
  }
}
