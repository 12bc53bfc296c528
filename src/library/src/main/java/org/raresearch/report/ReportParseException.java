package org.raresearch.report;

import java.io.IOException;
import java.util.Objects;

/**
 * A report file that cannot be read as a report. The message names the file and, where it helps,
 * the line: {@code reports/x.txt:1: the file is empty}.
 */
public final class ReportParseException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The file or source name the error is about. */
  private final String source;
  /** The 1-based line, or 0 when the error concerns the whole file. */
  private final int line;
  /** What is wrong, without the file and line. */
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param source the file (or other source) name
   * @param line the 1-based line the problem was found on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   */
  public ReportParseException(String source, int line, String reason) {
    this(source, line, reason, null);
  }

  /**
   * Creates the exception.
   *
   * @param source the file (or other source) name
   * @param line the 1-based line the problem was found on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   * @param cause the underlying failure, or null
   */
  public ReportParseException(String source, int line, String reason, Throwable cause) {
    super(format(source, line, reason), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The file or source name the error is about.
   *
   * @return the name
   */
  public String source() {
    return source;
  }

  /**
   * The line the error is about.
   *
   * @return the 1-based line, or 0 when the error concerns the whole file
   */
  public int line() {
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

  private static String format(String source, int line, String reason) {
    return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
  }
}
