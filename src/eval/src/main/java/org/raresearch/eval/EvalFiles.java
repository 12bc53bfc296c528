package org.raresearch.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.raresearch.errors.FileProblems;
import org.raresearch.io.BoundedLineReader;
import org.raresearch.io.InputLimitException;
import org.raresearch.io.Limits;

/**
 * Reads the line-oriented files of an evaluation (query sets, qrels) within bounds: lines over
 * {@value BoundedLineReader#MAX_LINE_CHARS} characters are skipped and reported, blank lines and
 * {@code #} comments passed over, and a file over {@value #MAX_FILE_CHARS} characters refused.
 */
final class EvalFiles {
  /** The largest query or qrels file read, in characters; the shared dev sets are under 70 KB. */
  static final long MAX_FILE_CHARS = 64L << 20;

  /** Handles one line of content. */
  @FunctionalInterface
  interface LineHandler {
    /**
     * @param number the 1-based line number
     * @param line the line
     */
    void line(long number, String line);
  }

  private EvalFiles() {}

  /**
   * Gives every line of content of {@code file} to {@code handler}, in order.
   *
   * @param warnings told of each skipped line, as {@code file:line: reason}
   * @throws EvalFormatException when the file cannot be read or is over the limit
   */
  static void read(Path file, Consumer<String> warnings, LineHandler handler) {
    String name = file.toString();
    BoundedLineReader lines = null;
    try {
      lines = BoundedLineReader.open(file, MAX_FILE_CHARS, (number, length) ->
          warnings.accept(name + ":" + number + ": " + BoundedLineReader.skippedReason(length, BoundedLineReader.MAX_LINE_CHARS)));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          handler.line(lines.lineNumber(), line);
        }
      }
    } catch (InputLimitException e) {
      throw new EvalFormatException(name, 0, "the file is over the limit of " + Limits.chars(MAX_FILE_CHARS), e);
    } catch (IOException e) {
      throw new EvalFormatException(name, lines == null ? 0 : lines.lineNumber() + 1, FileProblems.describe(e), e);
    } finally {
      if (lines != null) {
        try {
          lines.close();
        } catch (IOException ignored) {
          // read to the end or already failing
        }
      }
    }
  }
}
