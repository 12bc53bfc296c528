package org.raresearch;

/**
 * The one kind of exception RareSearch's API throws for a problem a user can act on: a query it
 * refuses, an index it cannot use. The message says what was wrong and, where there is one, what to
 * do about it. Subclasses say more precisely what went wrong.
 */
public class RareSearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RareSearchException(String message) {
    super(message);
  }

  public RareSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
