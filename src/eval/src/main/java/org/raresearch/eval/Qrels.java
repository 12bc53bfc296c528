package org.raresearch.eval;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.raresearch.errors.Excerpt;

/**
 * Relevance judgements in the TREC qrels format: {@code query-id 0 report-id relevance}, one a
 * line; a relevance above 0 means relevant.
 */
public final class Qrels {
  private final Map<String, Set<String>> relevant;

  private Qrels(Map<String, Set<String>> relevant) {
    this.relevant = relevant;
  }

  /**
   * Judgements given in code.
   *
   * @param relevant query id to its relevant report ids
   * @return the judgements
   */
  public static Qrels of(Map<String, Set<String>> relevant) {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    relevant.forEach((q, docs) -> copy.put(q, Set.copyOf(docs)));
    return new Qrels(Collections.unmodifiableMap(copy));
  }

  /**
   * Reads a qrels file. Blank lines and lines starting with {@code #} are skipped; so is a line over
   * the line limit, which is told to {@code warnings}.
   *
   * @param file the qrels file
   * @param warnings told of each skipped line, as {@code file:line: reason}
   * @return the judgements
   * @throws EvalFormatException when the file cannot be read or is over its limit, or a line is
   *     malformed (naming file and line)
   */
  public static Qrels read(Path file, Consumer<String> warnings) {
    Map<String, Set<String>> relevant = new LinkedHashMap<>();
    EvalFiles.read(file, warnings, (number, text) -> {
      String[] parts = text.strip().split("\\s+");
      if (parts.length != 4) {
        throw new EvalFormatException(file.toString(), number, "expected query-id 0 report-id relevance");
      }
      int grade;
      try {
        grade = Integer.parseInt(parts[3]);
      } catch (NumberFormatException e) {
        throw new EvalFormatException(file.toString(), number, "relevance " + Excerpt.quoted(parts[3]) + " is not a number");
      }
      Set<String> docs = relevant.computeIfAbsent(parts[0], k -> new LinkedHashSet<>());
      if (grade > 0) {
        docs.add(parts[2]);
      }
    });
    relevant.values().removeIf(Set::isEmpty);
    return of(relevant);
  }

  /**
   * The reports relevant to a query.
   *
   * @param queryId the query id
   * @return their ids, empty when it has none
   */
  public Set<String> relevant(String queryId) {
    return relevant.getOrDefault(queryId, Set.of());
  }

  /**
   * The judged queries.
   *
   * @return the ids of the queries with at least one relevant report
   */
  public Set<String> queryIds() {
    return relevant.keySet();
  }
}
