package org.raresearch.vocabulary;

import java.util.Objects;
import org.raresearch.RareSearchException;

/**
 * An HPO file that cannot be read as an ontology: missing, unreadable, damaged or not in a format
 * {@link HpoOntology#load} knows. The message names the file and, for OBO text and JSON syntax
 * errors, the line: {@code hp.obo:12: the [Term] stanza has no id}.
 */
public final class HpoFormatException extends RareSearchException {
  private static final long serialVersionUID = 1L;

  /** The file or source name the error is about. */
  private final String source;
  /** The 1-based line, or 0 when the error concerns the whole file. */
  private final int line;
  /** What is wrong, without the file and line. */
  private final String reason;

  /**
   * An error about a file, or about one of its lines.
   *
   * @param source the file name, as given to {@link HpoOntology#load}
   * @param line the 1-based line the problem was found on, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   */
  public HpoFormatException(String source, int line, String reason) {
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
  public HpoFormatException(String source, int line, String reason, Throwable cause) {
    super(format(source, line, reason), cause);
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The file the error is about.
   *
   * @return the file name
   */
  public String source() {
    return source;
  }

  /**
   * The line the error is about.
   *
   * @return the 1-based line, or 0 when the error concerns the whole file
   */
  public int line() {
    return line;
  }

  /**
   * What is wrong, without the file and line.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  private static String format(String source, int line, String reason) {
    return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
  }
}
