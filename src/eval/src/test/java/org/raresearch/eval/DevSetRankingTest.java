package org.raresearch.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.ScoredId;
import org.raresearch.testing.OpenDataIndex;
import org.raresearch.testing.SharedData;

/**
 * Ranking on the shared dev sets (real patients' findings, names from other sources), in both
 * configurations users run: an index of the 9,960 report texts, against the bare BM25 baseline
 * computed in the same run, with names also through {@code resolve}; and an index of the open data
 * (Orphanet's packets and the HPO's annotations, imported). Pins the figures RareSearch reaches
 * today so that a change cannot silently undo them: each must stay within 0.02 of its floor below.
 * Skipped when {@code ../shared} is absent.
 */
class DevSetRankingTest {
  @TempDir static Path tmp;
  private static RareSearch rare;
  private static RareSearch openData;
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
    rare = RareSearch.builder(index).readOnly().searchTimeout(BUDGET).open();
    baseline = BaselineIndex.build(corpus);

    // Opened as a user opens it: the index keeps the ontology, none is given.
    Path open = OpenDataIndex.get().path();
    openData = RareSearch.builder(open).readOnly().searchTimeout(BUDGET).open();
  }

  /** A generous time budget per query: what is measured here is the ranking, not the machine's load. */
  private static final Duration BUDGET = Duration.ofMinutes(1);

  @AfterAll
  static void close() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {rare, openData, baseline}) {
      if (closeable != null) {
        closeable.close();
      }
    }
    report.forEach(System.out::println);
  }

  private static Metrics[] measure(String set) throws IOException {
    List<EvalQuery> list = EvalQuery.read(queries.resolve(set + ".tsv"), DevSetRankingTest::noWarning);
    Qrels qrels = Qrels.read(queries.resolve(set + ".qrels"), DevSetRankingTest::noWarning);
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
    List<EvalQuery> list = EvalQuery.read(queries.resolve("dev-symptoms-lay.tsv"), DevSetRankingTest::noWarning);
    Qrels qrels = Qrels.read(queries.resolve("dev-symptoms-lay.qrels"), DevSetRankingTest::noWarning);
    Metrics withHpo;
    try (RareSearch vocabulary = RareSearch.builder(rare.path()).readOnly().hpo(hpo).searchTimeout(BUDGET).open()) {
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

  private static Metrics measureOpenData(String set) throws IOException {
    List<EvalQuery> list = EvalQuery.read(queries.resolve(set + ".tsv"), DevSetRankingTest::noWarning);
    Metrics m = Evaluator.evaluate(openData::rank, list, Qrels.read(queries.resolve(set + ".qrels"), DevSetRankingTest::noWarning));
    report.add(String.format(
        "%-24s open data  MRR %.3f S@1 %.3f S@10 %.3f nDCG@10 %.3f R@100 %.3f",
        set, m.mrr(), m.successAt1(), m.successAt10(), m.ndcgAt10(), m.recallAt100()));
    return m;
  }

  @Test
  void openData_symptoms_clinicalWords() throws IOException {
    Metrics m = measureOpenData("dev-symptoms");
    atLeast("open-data dev-symptoms MRR", m.mrr(), 0.49);
    atLeast("open-data dev-symptoms success@10", m.successAt10(), 0.68);
  }

  @Test
  void openData_symptoms_layWords() throws IOException {
    Metrics m = measureOpenData("dev-symptoms-lay");
    atLeast("open-data dev-symptoms-lay MRR", m.mrr(), 0.48);
    atLeast("open-data dev-symptoms-lay success@10", m.successAt10(), 0.65);
  }

  @Test
  void openData_namesFromAnotherSource_rankTheirOrphanetDisease() throws IOException {
    Metrics m = measureOpenData("dev-names-crosssource");
    atLeast("open-data dev-names-crosssource success@1", m.successAt1(), 0.95);
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
    List<EvalQuery> list = EvalQuery.read(queries.resolve(set + ".tsv"), DevSetRankingTest::noWarning);
    Qrels qrels = Qrels.read(queries.resolve(set + ".qrels"), DevSetRankingTest::noWarning);
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

  private static void noWarning(String warning) {
    throw new AssertionError("the shared query files have no line over the limit: " + warning);
  }
}
