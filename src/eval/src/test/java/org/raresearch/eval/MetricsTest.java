package org.raresearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.api.ScoredId;

class MetricsTest {

  @Test
  void relevantAtRankThree_givesReciprocalRankAThird() {
    Metrics m = Metrics.of(List.of("a", "b", "c", "d"), Set.of("c"));
    assertEquals(1 / 3.0, m.mrr(), 1e-9);
    assertEquals(0, m.successAt1());
    assertEquals(1, m.successAt10());
    assertEquals(1 / (Math.log(4) / Math.log(2)), m.ndcgAt10(), 1e-9);
    assertEquals(1, m.recallAt100());
  }

  @Test
  void severalRelevant_ndcgAndRecallCountAll() {
    Metrics m = Metrics.of(List.of("a", "x", "b"), Set.of("a", "b", "c"));
    assertEquals(1, m.mrr());
    assertEquals(2 / 3.0, m.recallAt100(), 1e-9);
    double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
    double ideal = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
    assertEquals(dcg / ideal, m.ndcgAt10(), 1e-9);
  }

  @Test
  void nothingFound_scoresZero_andMeanAveragesQueries() {
    Metrics none = Metrics.of(List.of("x"), Set.of("a"));
    Metrics first = Metrics.of(List.of("a"), Set.of("a"));
    Metrics mean = Metrics.mean(List.of(none, first));
    assertEquals(2, mean.queries());
    assertEquals(0.5, mean.mrr());
    assertEquals(0.5, mean.successAt1());
  }

  @Test
  void queryAndQrelsFiles_roundTripThroughARun(@TempDir Path tmp) throws Exception {
    Path queries = Files.writeString(tmp.resolve("q.tsv"), "q1\tataxia; nystagmus\nq2\trash\n");
    Path qrels = Files.writeString(tmp.resolve("q.qrels"), "q1 0 A 1\nq2 0 B 1\nq2 0 C 0\n");
    List<String> warnings = new java.util.ArrayList<>();
    List<EvalQuery> list = EvalQuery.read(queries, warnings::add);
    Qrels judgements = Qrels.read(qrels, warnings::add);
    assertEquals(List.of(), warnings);
    assertEquals(Set.of("B"), judgements.relevant("q2"));
    Ranker ranker = (query, limit) -> query.startsWith("ataxia")
        ? List.of(new ScoredId("A", 2f), new ScoredId("B", 1f))
        : List.of(new ScoredId("A", 2f), new ScoredId("B", 1f));
    Map<String, List<ScoredId>> run = Evaluator.run(ranker, list, 10);
    Metrics m = Evaluator.measure(run, judgements);
    assertEquals(0.75, m.mrr());
    Path out = tmp.resolve("run.trec");
    TrecRun.write(out, run, "test");
    assertEquals("q1 Q0 A 1 2.000000 test", Files.readAllLines(out).get(0));
    assertEquals(4, Files.readAllLines(out).size());
  }

  @Test
  void queriesRankedSeveralAtATime_giveTheRankingsOfOneAtATime_inQueryOrder() {
    List<EvalQuery> list = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      list.add(new EvalQuery("q" + (199 - i), "finding " + i));
    }
    Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Ranker slowThenFast = (query, limit) -> {
      threads.add(Thread.currentThread());
      int n = Integer.parseInt(query.substring("finding ".length()));
      java.util.concurrent.locks.LockSupport.parkNanos((200 - n) * 10_000L); // early queries finish last
      return List.of(new ScoredId("D" + n, n), new ScoredId("E" + n, n / 2f));
    };
    Map<String, List<ScoredId>> run = Evaluator.run(slowThenFast, list, 10);
    Set<Thread> ranking = Set.copyOf(threads);
    assertTrue(!ranking.contains(Thread.currentThread()) && ranking.size() <= Runtime.getRuntime().availableProcessors(),
        ranking.size() + " threads ranked");
    assertEquals(list.stream().map(EvalQuery::id).toList(), List.copyOf(run.keySet()));
    for (EvalQuery query : list) {
      assertEquals(slowThenFast.rank(query.text(), 10), run.get(query.id()));
    }
  }

  @Test
  void malformedFiles_nameTheFileAndLine(@TempDir Path tmp) throws Exception {
    Path queries = Files.writeString(tmp.resolve("q.tsv"), "q1\tok\nno tab here\n");
    EvalFormatException e = assertThrows(EvalFormatException.class, () -> EvalQuery.read(queries, w -> {}));
    assertTrue(e.getMessage().contains("q.tsv:2"), e.getMessage());
    Path qrels = Files.writeString(tmp.resolve("q.qrels"), "q1 0 A\n");
    assertTrue(assertThrows(EvalFormatException.class, () -> Qrels.read(qrels, w -> {})).getMessage().contains("q.qrels:1"));
  }

  @Test
  void linesOverTheLimit_areSkippedAndReported_andTheEvaluatorStopsOnAnUnusableIndex(@TempDir Path tmp) throws Exception {
    Path queries = Files.writeString(tmp.resolve("q.tsv"), "q0\t" + "x".repeat(70_000) + "\nq1\trash\n");
    List<String> warnings = new java.util.ArrayList<>();
    List<EvalQuery> list = EvalQuery.read(queries, warnings::add);
    assertEquals(List.of(new EvalQuery("q1", "rash")), list);
    assertEquals(List.of(queries + ":1: the line is 70,003 characters long, over the limit of 65,536 characters; it was skipped"), warnings);

    Ranker refusing = (query, limit) -> {
      throw new org.raresearch.errors.InvalidQueryException("refused");
    };
    assertEquals(List.of(), Evaluator.run(refusing, list, 10).get("q1"));
    Ranker unusable = (query, limit) -> {
      throw new org.raresearch.errors.IndexAccessException(org.raresearch.errors.IndexAccessException.Reason.CORRUPT, "index x is damaged", null);
    };
    assertThrows(org.raresearch.errors.IndexAccessException.class, () -> Evaluator.run(unusable, list, 10));
  }
}
