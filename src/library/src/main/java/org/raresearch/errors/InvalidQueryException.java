package org.raresearch.errors;


/** A query RareSearch refuses, with the reason: empty, too long, or with nothing to search for. */
public final class InvalidQueryException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the query
   */
  public InvalidQueryException(String message) {
    super(message);
  }
}
