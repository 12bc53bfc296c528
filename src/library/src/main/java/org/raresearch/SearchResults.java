package org.raresearch;

import java.util.List;

/**
 * The answer to a symptom search.
 *
 * @param hits the ranked hits, best first (ties broken by report id)
 * @param totalMatches how many reports matched at all
 * @param truncated whether part of a very long query was left out to keep the search bounded
 */
public record SearchResults(List<SearchHit> hits, long totalMatches, boolean truncated) {
  /** Copies the hits, so the results cannot change. */
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
