package org.raresearch.cli;

import java.util.ArrayList;
import java.util.List;
import org.raresearch.api.Snippet;

/** Renders snippets for a terminal: highlights in brackets, long passages cut around them. */
final class Snippets {
  private Snippets() {}

  /** The snippet with its highlights in {@code [ ]}, cut to about {@code width} characters. */
  static String shorten(Snippet snippet, int width) {
    String text = snippet.text();
    if (text.length() <= width || snippet.highlights().isEmpty()) {
      return snippet.marked("[", "]");
    }
    int first = snippet.highlights().getFirst().start();
    int from = Math.max(0, first - width / 4);
    int to = Math.min(text.length(), from + width);
    from = Math.max(0, Math.min(from, to - width));
    // Cut at word boundaries.
    while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
      from--;
    }
    while (to < text.length() && !Character.isWhitespace(text.charAt(to))) {
      to++;
    }
    List<Snippet.Span> spans = new ArrayList<>();
    for (Snippet.Span span : snippet.highlights()) {
      if (span.start() >= from && span.end() <= to) {
        spans.add(new Snippet.Span(span.start() - from, span.end() - from));
      }
    }
    String body = new Snippet(snippet.section(), text.substring(from, to), spans).marked("[", "]");
    return (from > 0 ? "… " : "") + body + (to < text.length() ? " …" : "");
  }
}
