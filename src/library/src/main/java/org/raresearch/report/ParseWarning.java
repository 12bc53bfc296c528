package org.raresearch.report;

/**
 * Something in a report that was read but looked wrong, e.g. a placeholder "Last Updated" date.
 *
 * @param line the 1-based line it was found on
 * @param message what was noticed and what was done about it
 */
public record ParseWarning(int line, String message) {
  @Override
  public String toString() {
    return "line " + line + ": " + message;
  }
}
