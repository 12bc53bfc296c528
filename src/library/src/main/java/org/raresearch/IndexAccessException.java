package org.raresearch;

import org.raresearch.RareSearchException;

/** An index that cannot be opened or written: in use, missing, of another schema, or damaged. */
public final class IndexAccessException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /** Why the index cannot be used. */
  public enum Reason {
    /** Another writer holds the index's lock. */
    IN_USE,
    /** There is no index where one was expected. */
    MISSING,
    /** The index was written by another version of the schema, or is not a RareSearch index. */
    SCHEMA_MISMATCH,
    /** The index files are damaged. */
    CORRUPT,
    /** The directory cannot be read or written. */
    IO
  }

  /** Why the index cannot be used. */
  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the index cannot be used
   * @param message what was wrong, naming the index, and what to do about it
   * @param cause the underlying failure, or null
   */
  public IndexAccessException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /**
   * Why the index cannot be used.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
