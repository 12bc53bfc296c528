package org.raresearch.io;

import java.io.IOException;

/**
 * The input ran past the most characters a {@link BoundedLineReader} reads in all; the reader that
 * set the limit turns it into an error naming its file.
 */
public final class InputLimitException extends IOException {
  private static final long serialVersionUID = 1L;

  private final long lineNumber;
  private final long limit;

  /**
   * @param lineNumber the line being read when the limit was passed
   * @param limit the most characters allowed
   */
  public InputLimitException(long lineNumber, long limit) {
    super("the input is over the limit of " + Limits.chars(limit));
    this.lineNumber = lineNumber;
    this.limit = limit;
  }

  /** The 1-based line being read when the limit was passed. */
  public long lineNumber() {
    return lineNumber;
  }

  /** The most characters allowed. */
  public long limit() {
    return limit;
  }
}
