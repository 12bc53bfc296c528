package org.raresearch.report;

import org.raresearch.errors.InputFileException;

/**
 * A report file that cannot be read as a report. The message names the file and, where it helps,
 * the line: {@code reports/x.txt:1: the file is empty}.
 */
public final class ReportParseException extends InputFileException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param source the file (or other source) name
   * @param line the 1-based line the problem was found on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   */
  public ReportParseException(String source, long line, String reason) {
    this(source, line, reason, null);
  }

  /**
   * Creates the exception, caused by another error.
   *
   * @param source the file (or other source) name
   * @param line the 1-based line the problem was found on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   * @param cause the underlying error, or null
   */
  public ReportParseException(String source, long line, String reason, Throwable cause) {
    super(source, line, reason, cause);
  }
}
