package org.raresearch.search.symptoms;

import java.util.List;

/**
 * Other words for one finding of a symptom query, each with the weight its match is worth
 * relative to the finding's own words (1). Implementations must be thread-safe.
 */
@FunctionalInterface
public interface FindingExpansion {
  /** A way to say the finding, and what a match of it is worth. */
  record Alternative(String text, float weight) {}

  /** Alternatives for {@code finding}, best first; empty when there are none. */
  List<Alternative> expand(String finding);

  /** No expansion. */
  FindingExpansion NONE = finding -> List.of();
}
