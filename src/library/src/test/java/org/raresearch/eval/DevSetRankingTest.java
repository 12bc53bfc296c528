package org.raresearch.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.ScoredId;
import org.raresearch.testing.SharedData;

/**
 * Ranking on the shared dev sets (9,960 reports, real patients' findings, names from other
 * sources), against the bare BM25 baseline computed in the same run, and names through {@code
 * resolve} as well as through the ranking. Pins the figures RareSearch
 * reaches today so that a change cannot silently undo them: each must stay within 0.02 of its floor
 * below, and above the baseline. Skipped when {@code ../shared} is absent.
 */
class DevSetRankingTest {
  @TempDir static Path tmp;
  private static RareSearch rare;
  private static BaselineIndex baseline;
  private static Path queries;
  private static final List<String> report = new ArrayList<>();

  @BeforeAll
  static void build() throws IOException {
    Path corpus = SharedData.require("eval/corpus");
    queries = SharedData.require("eval/queries");
    Path index = tmp.resolve("index");
    try (RareSearch writer = RareSearch.open(index)) {
      writer.sync(corpus);
    }
    rare = RareSearch.builder(index).readOnly().open();
    baseline = BaselineIndex.build(corpus);
  }

  @AfterAll
  static void close() throws IOException {
    if (rare != null) {
      rare.close();
      baseline.close();
    }
    report.forEach(System.out::println);
  }

  private static Metrics[] measure(String set) throws IOException {
    List<EvalQuery> list = EvalQuery.read(queries.resolve(set + ".tsv"));
    Qrels qrels = Qrels.read(queries.resolve(set + ".qrels"));
    Metrics system = Evaluator.evaluate(rare::rank, list, qrels);
    Metrics bare = Evaluator.evaluate(baseline, list, qrels);
    report.add(String.format(
        "%-24s RareSearch MRR %.3f S@1 %.3f S@10 %.3f nDCG@10 %.3f R@100 %.3f | baseline MRR %.3f S@1 %.3f S@10 %.3f",
        set, system.mrr(), system.successAt1(), system.successAt10(), system.ndcgAt10(), system.recallAt100(),
        bare.mrr(), bare.successAt1(), bare.successAt10()));
    return new Metrics[] {system, bare};
  }

  private static void atLeast(String what, double value, double floor) {
    assertTrue(value >= floor - 0.02, what + " fell to " + String.format("%.3f", value) + ", floor " + floor);
  }

  @Test
  void symptoms_clinicalWords() throws IOException {
    Metrics[] m = measure("dev-symptoms");
    atLeast("dev-symptoms MRR", m[0].mrr(), 0.33);
    atLeast("dev-symptoms success@10", m[0].successAt10(), 0.52);
    assertTrue(m[0].mrr() > m[1].mrr(), "RareSearch must beat the bare baseline");
  }

  @Test
  void symptoms_layWords() throws IOException {
    Metrics[] m = measure("dev-symptoms-lay");
    atLeast("dev-symptoms-lay MRR", m[0].mrr(), 0.29);
    atLeast("dev-symptoms-lay success@10", m[0].successAt10(), 0.40);
    assertTrue(m[0].mrr() > m[1].mrr(), "RareSearch must beat the bare baseline");
  }

  @Test
  void symptoms_layWords_withHpo() throws IOException {
    Path hpo = SharedData.require("data/raw/hpo/hp_2023-01-27.json.gz");
    List<EvalQuery> list = EvalQuery.read(queries.resolve("dev-symptoms-lay.tsv"));
    Qrels qrels = Qrels.read(queries.resolve("dev-symptoms-lay.qrels"));
    Metrics withHpo;
    try (RareSearch vocabulary = RareSearch.builder(rare.path()).readOnly().hpo(hpo).open()) {
      withHpo = Evaluator.evaluate(vocabulary::rank, list, qrels);
    }
    Metrics without = Evaluator.evaluate(rare::rank, list, qrels);
    report.add(String.format("dev-symptoms-lay with HPO  RareSearch MRR %.3f S@1 %.3f S@10 %.3f (without HPO MRR %.3f)",
        withHpo.mrr(), withHpo.successAt1(), withHpo.successAt10(), without.mrr()));
    atLeast("dev-symptoms-lay MRR with HPO", withHpo.mrr(), 0.33);
    assertTrue(withHpo.mrr() > without.mrr(), "HPO must help lay queries");
  }

  @Test
  void names_fromAnotherSource() throws IOException {
    Metrics[] m = measure("dev-names-crosssource");
    atLeast("dev-names-crosssource success@1", m[0].successAt1(), 0.68);
    assertTrue(m[0].successAt1() > m[1].successAt1(), "RareSearch must beat the bare baseline");
  }

  @Test
  void names_perturbed() throws IOException {
    Metrics[] m = measure("dev-names-perturbed");
    atLeast("dev-names-perturbed success@1", m[0].successAt1(), 0.95);
  }

  @Test
  void names_acronyms() throws IOException {
    Metrics[] m = measure("dev-names-acronym");
    atLeast("dev-names-acronym success@1", m[0].successAt1(), 0.97);
  }

  /** Names through {@code resolve}, as users resolve them: success@1, and every owner in the top 10. */
  private static double[] resolve(String set) throws IOException {
    List<EvalQuery> list = EvalQuery.read(queries.resolve(set + ".tsv"));
    Qrels qrels = Qrels.read(queries.resolve(set + ".qrels"));
    Map<String, List<ScoredId>> rankings = Evaluator.run(new NameRanker(rare), list, Evaluator.DEPTH);
    Metrics metrics = Evaluator.measure(rankings, qrels);
    int judged = 0;
    int allOwners = 0;
    for (var ranking : rankings.entrySet()) {
      Set<String> relevant = qrels.relevant(ranking.getKey());
      if (!relevant.isEmpty()) {
        judged++;
        List<String> top = ranking.getValue().stream().limit(10).map(ScoredId::id).toList();
        allOwners += top.containsAll(relevant) ? 1 : 0;
      }
    }
    double owners = (double) allOwners / judged;
    report.add(String.format("%-24s resolve    MRR %.3f S@1 %.3f S@10 %.3f, every owner in the top 10 %.3f",
        set, metrics.mrr(), metrics.successAt1(), metrics.successAt10(), owners));
    return new double[] {metrics.successAt1(), owners};
  }

  @Test
  void names_perturbed_resolved() throws IOException {
    atLeast("dev-names-perturbed success@1 through resolve", resolve("dev-names-perturbed")[0], 0.99);
  }

  @Test
  void names_acronyms_resolved_withEveryOwner() throws IOException {
    double[] m = resolve("dev-names-acronym");
    atLeast("dev-names-acronym success@1 through resolve", m[0], 0.99);
    atLeast("dev-names-acronym, every owner in the top 10 through resolve", m[1], 0.99);
  }

  @Test
  void names_fromAnotherSource_resolved() throws IOException {
    atLeast("dev-names-crosssource success@1 through resolve", resolve("dev-names-crosssource")[0], 0.66);
  }
}
