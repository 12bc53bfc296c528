package org.raresearch.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.raresearch.RareSearch;
import org.raresearch.api.Question;
import org.raresearch.api.ScoredId;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * Measures "what to ask next" as a clinician would use it: each patient of a query set starts from
 * half of its findings (chosen at random), then is asked {@code rounds} questions, one at a time
 * ({@link RareSearch#ask}), each answered as the patient would: yes ({@code HP:...}) when one of
 * all the patient's findings is the term or a more specific one, else no ({@code no HP:...}). The
 * ranking after the answers is set against the ranking of the start and of the start with as many
 * of the withheld findings added at random. Queries are {@code ;}-separated findings, as the dev
 * sets write them. Reproducible: the random choices are seeded by the seed and the query id.
 */
public final class AskLoop {
  private AskLoop() {}

  /**
   * What the loop measured.
   *
   * @param start the rankings of half of each patient's findings
   * @param random the start with {@code rounds} withheld findings added at random
   * @param asked the start with {@code rounds} questions answered
   * @param questions how many questions were asked in all
   * @param yes how many of them the patient answered yes
   */
  public record Result(Metrics start, Metrics random, Metrics asked, int questions, int yes) {}

  private record One(Metrics start, Metrics random, Metrics asked, int questions, int yes) {}

  /**
   * Runs the loop over every judged query.
   *
   * @param rare an index with a vocabulary
   * @param queries the patients, each a {@code ;}-separated list of findings
   * @param qrels the judgements
   * @param rounds how many questions to ask (and findings to add at random)
   * @param seed the seed of the random choices
   * @return the three rankings' metrics
   * @throws IllegalArgumentException when the index has no vocabulary
   */
  public static Result run(RareSearch rare, List<EvalQuery> queries, Qrels qrels, int rounds, long seed) {
    HpoOntology ontology = rare.vocabulary().orElseThrow(
        () -> new IllegalArgumentException("the index has no vocabulary to ask questions in"));
    List<EvalQuery> judged = queries.stream().filter(q -> !qrels.relevant(q.id()).isEmpty()).toList();
    int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), judged.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<One>> futures = new ArrayList<>();
      for (EvalQuery query : judged) {
        futures.add(pool.submit(() -> one(rare, ontology, query, qrels.relevant(query.id()), rounds, seed)));
      }
      List<Metrics> start = new ArrayList<>();
      List<Metrics> random = new ArrayList<>();
      List<Metrics> asked = new ArrayList<>();
      int questions = 0;
      int yes = 0;
      for (Future<One> future : futures) {
        One one = future.get();
        start.add(one.start());
        random.add(one.random());
        asked.add(one.asked());
        questions += one.questions();
        yes += one.yes();
      }
      return new Result(Metrics.mean(start), Metrics.mean(random), Metrics.mean(asked), questions, yes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static One one(RareSearch rare, HpoOntology ontology, EvalQuery query, Set<String> relevant, int rounds, long seed) {
    List<String> findings = new ArrayList<>();
    for (String finding : query.text().split(";")) {
      if (!finding.isBlank()) {
        findings.add(finding.strip());
      }
    }
    // What the patient has: every term of every finding, and so all their ancestors.
    Set<String> has = new HashSet<>();
    for (RecognizedFinding finding : rare.search(String.join("; ", findings), 1).findings()) {
      if (!finding.excluded()) {
        finding.terms().forEach(t -> has.addAll(ontology.lineage(t.term().id())));
      }
    }
    Random random = new Random(seed ^ query.id().hashCode());
    List<String> shuffled = new ArrayList<>(findings);
    Collections.shuffle(shuffled, random);
    int half = Math.max(1, (shuffled.size() + 1) / 2);
    List<String> start = new ArrayList<>(shuffled.subList(0, half));
    List<String> withheld = new ArrayList<>(shuffled.subList(half, shuffled.size()));

    List<String> withRandom = new ArrayList<>(start);
    Collections.shuffle(withheld, random);
    withRandom.addAll(withheld.subList(0, Math.min(rounds, withheld.size())));

    List<String> asked = new ArrayList<>(start);
    int questions = 0;
    int yes = 0;
    for (int round = 0; round < rounds; round++) {
      List<Question> next = rare.ask(String.join("; ", asked), 1);
      if (next.isEmpty()) {
        break;
      }
      String term = next.getFirst().id();
      questions++;
      if (has.contains(term)) {
        yes++;
        asked.add(term);
      } else {
        asked.add("no " + term);
      }
    }
    return new One(metrics(rare, start, relevant), metrics(rare, withRandom, relevant), metrics(rare, asked, relevant), questions, yes);
  }

  private static Metrics metrics(RareSearch rare, List<String> findings, Set<String> relevant) {
    List<String> ranking;
    try {
      ranking = rare.rank(String.join("; ", findings), Evaluator.DEPTH).stream().map(ScoredId::id).toList();
    } catch (InvalidQueryException refused) {
      ranking = List.of();
    }
    return Metrics.of(ranking, relevant);
  }
}
