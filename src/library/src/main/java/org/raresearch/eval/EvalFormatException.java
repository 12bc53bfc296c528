package org.raresearch.eval;

import org.raresearch.RareSearchException;

/** A query, qrels or run file that is not in the expected format; the message names file and line. */
public final class EvalFormatException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the file and line
   */
  public EvalFormatException(String message) {
    super(message);
  }
}
