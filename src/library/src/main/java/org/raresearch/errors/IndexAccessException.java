package org.raresearch.errors;

/**
 * An index that cannot be opened or written: in use, missing, of another schema, damaged, or a folder
 * that holds something other than a RareSearch index.
 */
public final class IndexAccessException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /** Why the index cannot be used. */
  public enum Reason {
    /** Another writer holds the index's lock. */
    IN_USE,
    /** There is no index where one was expected. */
    MISSING,
    /** The index is RareSearch's but was written by another version of the schema: rebuild it. */
    SCHEMA_MISMATCH,
    /**
     * The folder holds something RareSearch cannot recognise as its own index by its commit data:
     * files of the user's, another program's Lucene index, or an index whose last commit cannot be
     * read. RareSearch neither writes to it nor suggests rebuilding it.
     */
    FOREIGN,
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
