package org.raresearch.api;

import java.util.Objects;

/**
 * A completion of what a user has typed so far: a disease name or a finding.
 *
 * @param text the whole name, as its source writes it, such as {@code Dermatomyositis}
 * @param kind what the name names
 * @param id the report id of a disease name, such as {@code dermatomyositis}; the term id of a finding,
 *     such as {@code HP:0003324}; {@code null} when the source has none
 */
public record Suggestion(String text, Kind kind, String id) {

  /** What a suggestion names. */
  public enum Kind {
    /** A disease: a report's title or one of its synonyms. */
    DISEASE_NAME,
    /** A finding (a sign or symptom), such as an HPO term's label. */
    FINDING
  }

  /**
   * Checks the parts.
   *
   * @throws NullPointerException when the text or the kind is null
   */
  public Suggestion {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
  }
}
