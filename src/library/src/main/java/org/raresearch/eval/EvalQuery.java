package org.raresearch.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One query of an evaluation set.
 *
 * @param id the query id
 * @param text the query text
 */
public record EvalQuery(String id, String text) {
  /** Checks that both components are given. */
  public EvalQuery {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Reads a query file: one query a line, {@code query-id<TAB>query text}. Blank lines and lines
   * starting with {@code #} are skipped.
   *
   * @param file the query file
   * @return the queries, in file order
   * @throws IOException when the file cannot be read
   * @throws EvalFormatException when a line is malformed or an id repeats (naming file and line)
   */
  public static List<EvalQuery> read(Path file) throws IOException {
    List<EvalQuery> queries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        throw new EvalFormatException(file + ":" + (i + 1) + ": expected query-id<TAB>query text");
      }
      String id = line.substring(0, tab).strip();
      if (!ids.add(id)) {
        throw new EvalFormatException(file + ":" + (i + 1) + ": query id " + id + " appears twice");
      }
      queries.add(new EvalQuery(id, line.substring(tab + 1)));
    }
    return queries;
  }
}
