package org.raresearch.eval;

import org.raresearch.errors.InputFileException;

/**
 * A query or qrels file that cannot be read or is not in the expected format; the message names the
 * file and line.
 */
public final class EvalFormatException extends InputFileException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param file the file as the user named it
   * @param line the 1-based line, or 0 when the error concerns the whole file
   * @param reason what is wrong
   */
  public EvalFormatException(String file, long line, String reason) {
    super(file, line, reason);
  }

  /**
   * Creates the exception.
   *
   * @param file the file as the user named it
   * @param line the 1-based line, or 0 when the error concerns the whole file
   * @param reason what is wrong
   * @param cause the underlying error
   */
  public EvalFormatException(String file, long line, String reason, Throwable cause) {
    super(file, line, reason, cause);
  }
}
