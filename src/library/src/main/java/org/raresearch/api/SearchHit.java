package org.raresearch.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One disease found by a symptom search.
 *
 * @param id the disease's id: the id of its Orphanet report when it has one, else of its one report
 * @param title its title
 * @param score the relevance score; comparable only within one result list
 * @param matchedSections the sections (and name fields) the query matched, e.g. "Signs &amp; Symptoms"
 * @param snippets the best matching passages, best sections first
 * @param sourceIds every report in the index that describes this disease (linked through exact
 *     cross-references, as when Orphanet and HPO annotations are both imported), {@code id} first;
 *     just {@code id} for a report that has no linked reports
 * @param phenotypeMatches for each recognised finding of the query, the disease's annotated
 *     phenotype that fits or contradicts it (empty when the query's findings were not recognised as
 *     phenotype terms, or the disease has no annotations)
 * @param prior what the score owes to the disease's prior, empty when it was ranked without one (a
 *     report file's disease, or a ranking with the prior off)
 */
public record SearchHit(
    String id,
    String title,
    float score,
    List<String> matchedSections,
    List<Snippet> snippets,
    List<String> sourceIds,
    List<PhenotypeMatch> phenotypeMatches,
    Optional<PriorScore> prior) {
  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException when {@code sourceIds} does not start with {@code id}
   */
  public SearchHit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    matchedSections = List.copyOf(matchedSections);
    snippets = List.copyOf(snippets);
    sourceIds = List.copyOf(sourceIds);
    phenotypeMatches = List.copyOf(phenotypeMatches);
    Objects.requireNonNull(prior, "prior");
    if (sourceIds.isEmpty() || !sourceIds.getFirst().equals(id)) {
      throw new IllegalArgumentException("the source ids of " + id + " must start with it: " + sourceIds);
    }
  }
}
