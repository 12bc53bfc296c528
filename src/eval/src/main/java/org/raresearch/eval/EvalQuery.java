package org.raresearch.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.raresearch.errors.Excerpt;

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
   * starting with {@code #} are skipped; so is a line over the line limit, which is told to {@code
   * warnings}.
   *
   * @param file the query file
   * @param warnings told of each skipped line, as {@code file:line: reason}
   * @return the queries, in file order
   * @throws EvalFormatException when the file cannot be read or is over its limit, a line is
   *     malformed or an id repeats (naming file and line)
   */
  public static List<EvalQuery> read(Path file, Consumer<String> warnings) {
    List<EvalQuery> queries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    EvalFiles.read(file, warnings, (number, line) -> {
      int tab = line.indexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        throw new EvalFormatException(file.toString(), number, "expected query-id<TAB>query text");
      }
      String id = line.substring(0, tab).strip();
      if (!ids.add(id)) {
        throw new EvalFormatException(file.toString(), number, "query id " + Excerpt.quoted(id) + " appears twice");
      }
      queries.add(new EvalQuery(id, line.substring(tab + 1)));
    });
    return queries;
  }
}
