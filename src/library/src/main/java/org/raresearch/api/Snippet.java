package org.raresearch.api;

import java.util.List;
import java.util.Objects;

/**
 * A passage of a report that matched a query, with the matching words marked.
 *
 * @param section the section the passage comes from, e.g. "Signs &amp; Symptoms"
 * @param text the passage
 * @param highlights the matching stretches of {@code text}, in order, not overlapping
 */
public record Snippet(String section, String text, List<Snippet.Span> highlights) {

  /**
   * A stretch {@code [start, end)} of a snippet's text.
   *
   * @param start the index of its first character
   * @param end the index after its last character
   */
  public record Span(int start, int end) {
    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException when {@code start} is negative or after {@code end}
     */
    public Span {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
      }
    }
  }

  /** Checks and copies the components. */
  public Snippet {
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(text, "text");
    highlights = List.copyOf(highlights);
  }

  /**
   * The text with each highlight wrapped in {@code open} and {@code close}.
   *
   * @param open what to put before a highlight, e.g. {@code [} or {@code <mark>}
   * @param close what to put after it, e.g. {@code ]} or {@code </mark>}
   * @return the marked text
   */
  public String marked(String open, String close) {
    StringBuilder sb = new StringBuilder(text.length() + highlights.size() * (open.length() + close.length()));
    int at = 0;
    for (Span span : highlights) {
      sb.append(text, at, span.start()).append(open).append(text, span.start(), span.end()).append(close);
      at = span.end();
    }
    return sb.append(text, at, text.length()).toString();
  }
}
