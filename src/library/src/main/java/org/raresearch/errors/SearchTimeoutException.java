package org.raresearch.errors;

import java.time.Duration;

/**
 * A search stopped because it ran past its time budget. No partial results are returned: hits
 * collected from part of the index would be ranked against only that part, and a caller could not
 * tell them from a complete answer.
 *
 * <p>Each search of {@code RareSearch} has the budget set with {@code
 * RareSearch.Builder#searchTimeout(Duration)}. Queries that hit it are rare and usually huge; a
 * shorter query, or a larger budget, succeeds.
 */
public final class SearchTimeoutException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /** The time budget the search ran out of. */
  private final Duration timeout;

  /**
   * Creates the exception.
   *
   * @param message what was searched for and the budget it ran out of
   * @param timeout the budget
   */
  public SearchTimeoutException(String message, Duration timeout) {
    super(message);
    this.timeout = timeout;
  }

  /**
   * The time budget the search ran out of.
   *
   * @return the budget
   */
  public Duration timeout() {
    return timeout;
  }
}
