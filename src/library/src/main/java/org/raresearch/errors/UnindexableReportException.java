package org.raresearch.errors;

/**
 * A report the index cannot hold as it is: Lucene refuses it, typically because an id, a name or a
 * finding is thousands of characters long. The index is unchanged and stays usable; a sync or an
 * import lists the report as rejected and goes on.
 */
public final class UnindexableReportException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which report and why, quoting at most a short excerpt
   * @param cause Lucene's refusal
   */
  public UnindexableReportException(String message, Throwable cause) {
    super(message, cause);
  }
}
