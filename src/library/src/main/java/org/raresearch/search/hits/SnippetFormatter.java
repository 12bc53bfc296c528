package org.raresearch.search.hits;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.raresearch.api.Snippet;

/** Turns the highlighter's passages into {@link Snippet}s (section name filled in later). */
final class SnippetFormatter extends PassageFormatter {
  @Override
  public Object format(Passage[] passages, String content) {
    List<Snippet> snippets = new ArrayList<>(passages.length);
    for (Passage passage : passages) {
      int start = passage.getStartOffset();
      int end = passage.getEndOffset();
      String text = content.substring(start, end);
      List<Snippet.Span> spans = new ArrayList<>();
      int last = 0;
      for (int i = 0; i < passage.getNumMatches(); i++) {
        int from = Math.max(passage.getMatchStarts()[i] - start, last);
        int to = Math.min(passage.getMatchEnds()[i] - start, text.length());
        if (from < to) {
          // Adjacent matches (the words of one phrase) become one highlight.
          if (!spans.isEmpty() && text.substring(spans.getLast().end(), from).isBlank()) {
            spans.set(spans.size() - 1, new Snippet.Span(spans.getLast().start(), to));
          } else {
            spans.add(new Snippet.Span(from, to));
          }
          last = to;
        }
      }
      String trimmed = text.stripTrailing();
      snippets.add(new Snippet("", trimmed, clip(spans, trimmed.length())));
    }
    return snippets;
  }

  private static List<Snippet.Span> clip(List<Snippet.Span> spans, int length) {
    List<Snippet.Span> clipped = new ArrayList<>();
    for (Snippet.Span span : spans) {
      if (span.start() < length) {
        clipped.add(new Snippet.Span(span.start(), Math.min(span.end(), length)));
      }
    }
    return clipped;
  }
}
