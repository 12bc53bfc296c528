package org.raresearch.errors;

/**
 * The one kind of exception RareSearch's API throws for a problem a user can act on: a query it
 * refuses, an index it cannot use. The message says what was wrong and, where there is one, what to
 * do about it. Subclasses say more precisely what went wrong.
 */
public class RareSearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, and what to do about it
   */
  public RareSearchException(String message) {
    super(message);
  }

  /**
   * Creates the exception.
   *
   * @param message what was wrong, and what to do about it
   * @param cause the underlying failure
   */
  public RareSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
