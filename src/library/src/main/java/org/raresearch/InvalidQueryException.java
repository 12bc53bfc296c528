package org.raresearch;

import org.raresearch.RareSearchException;

/** A query RareSearch refuses, with the reason: empty, too long, or with nothing to search for. */
public final class InvalidQueryException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }
}
