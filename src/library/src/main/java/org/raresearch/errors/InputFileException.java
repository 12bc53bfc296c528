package org.raresearch.errors;

import java.util.Objects;

/**
 * A file a user gave that cannot be read or is malformed: a report file, an HPO release, a synonym
 * file, a query or qrels file, an open-data file. The message names the file and, where it helps,
 * the line, then says what is wrong: {@code hp.obo:12: the [Term] stanza has no id}.
 *
 * <p>Subclasses say which kind of file it was ({@code report.ReportParseException}, {@code
 * vocabulary.HpoFormatException}, {@code eval.EvalFormatException}); other files raise this class
 * itself.
 */
public class InputFileException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /** The file, as the user named it. */
  private final String file;
  /** The 1-based line, or 0 when the error concerns the whole file. */
  private final long line;
  /** What is wrong, without the file and line. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param file the file as the user named it (an archive entry as {@code archive.tar.gz!entry})
   * @param line the 1-based line the problem is on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands, quoting at most a short excerpt of the
   *     input
   */
  public InputFileException(String file, long line, String reason) {
    this(file, line, reason, null);
  }

  /**
   * Creates the exception, caused by another error.
   *
   * @param file the file as the user named it
   * @param line the 1-based line the problem is on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   * @param cause the underlying error, or null
   */
  public InputFileException(String file, long line, String reason, Throwable cause) {
    super(format(file, line, reason), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.line = Math.max(0, line);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The file the error is about.
   *
   * @return the file, as the user named it
   */
  public String file() {
    return file;
  }

  /**
   * The line the error is about.
   *
   * @return the 1-based line, or 0 when the error concerns the whole file
   */
  public long line() {
    return line;
  }

  /**
   * What is wrong, without the file and line.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  private static String format(String file, long line, String reason) {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
