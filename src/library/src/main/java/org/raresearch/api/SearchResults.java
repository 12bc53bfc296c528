package org.raresearch.api;

import java.util.List;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * The answer to a symptom search.
 *
 * @param hits the ranked diseases, best first (ties broken by disease id)
 * @param totalMatches how many diseases matched at all
 * @param truncated whether part of a very long query was left out to keep the search bounded
 * @param findings each finding of the query and the phenotype terms it was recognised as, in query
 *     order; empty when the index has no vocabulary to recognise them in
 */
public record SearchResults(List<SearchHit> hits, long totalMatches, boolean truncated, List<RecognizedFinding> findings) {
  /** Copies the hits and findings, so the results cannot change. */
  public SearchResults {
    hits = List.copyOf(hits);
    findings = List.copyOf(findings);
  }
}
