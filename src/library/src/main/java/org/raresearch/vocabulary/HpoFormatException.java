package org.raresearch.vocabulary;

import org.raresearch.errors.InputFileException;

/**
 * An HPO file that cannot be read as an ontology: missing, unreadable, damaged, over a limit, or not
 * in a format {@link HpoOntology#load} knows. The message names the file and, for OBO text and JSON
 * syntax errors, the line: {@code hp.obo:12: the [Term] stanza has no id}.
 */
public final class HpoFormatException extends InputFileException {
  private static final long serialVersionUID = 1L;

  /**
   * An error about a file, or about one of its lines.
   *
   * @param source the file name, as given to {@link HpoOntology#load}
   * @param line the 1-based line the problem was found on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   */
  public HpoFormatException(String source, long line, String reason) {
    this(source, line, reason, null);
  }

  /**
   * An error about a file, or about one of its lines, caused by another error.
   *
   * @param source the file name, as given to {@link HpoOntology#load}
   * @param line the 1-based line the problem was found on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   * @param cause the underlying error, or null
   */
  public HpoFormatException(String source, long line, String reason, Throwable cause) {
    super(source, line, reason, cause);
  }
}
