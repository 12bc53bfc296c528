package org.raresearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * Reads a qrels file.
   *
   * @param file the qrels file
   * @return the judgements
   * @throws IOException when the file cannot be read
   * @throws EvalFormatException when a line is malformed (naming file and line)
   */
  public static Qrels read(Path file) throws IOException {
    Map<String, Set<String>> relevant = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      if (parts.length != 4) {
        throw new EvalFormatException(file + ":" + (i + 1) + ": expected query-id 0 report-id relevance");
      }
      int grade;
      try {
        grade = Integer.parseInt(parts[3]);
      } catch (NumberFormatException e) {
        throw new EvalFormatException(file + ":" + (i + 1) + ": relevance \"" + parts[3] + "\" is not a number");
      }
      Set<String> docs = relevant.computeIfAbsent(parts[0], k -> new LinkedHashSet<>());
      if (grade > 0) {
        docs.add(parts[2]);
      }
    }
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
