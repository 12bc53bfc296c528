package org.raresearch.search;

import java.util.List;
import java.util.Objects;

/**
 * One disease found by a symptom search.
 *
 * @param id the report id
 * @param title the report's title
 * @param score the relevance score; comparable only within one result list
 * @param matchedSections the sections (and name fields) the query matched, e.g. "Signs &amp; Symptoms"
 * @param snippets the best matching passages, best sections first
 */
public record SearchHit(String id, String title, float score, List<String> matchedSections, List<Snippet> snippets) {
  public SearchHit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    matchedSections = List.copyOf(matchedSections);
    snippets = List.copyOf(snippets);
  }
}
