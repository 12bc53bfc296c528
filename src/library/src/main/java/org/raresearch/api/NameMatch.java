package org.raresearch.api;

import java.util.List;
import java.util.Objects;

/**
 * A disease a name resolved to.
 *
 * @param id the report id
 * @param title the canonical name (the report's title)
 * @param matchedName the report's name that matched: its title, a synonym or a subdivision
 * @param kind how the name matched
 * @param confidence how sure the match is, from 0 (a guess) to 1 (the name written as a report's
 *     title or synonym writes it); a report that lists the name only among its subdivisions is a
 *     less sure answer (0.9 as written) than one whose own name it is
 * @param sourceIds every report in the index that describes this disease, {@code id} first: several
 *     when sources are linked, such as {@code [ORPHA_558, OMIM_154700]} for a disease imported from
 *     Orphanet and from the HPO annotations (see {@code CrossReference.Match#EXACT})
 */
public record NameMatch(String id, String title, String matchedName, Kind kind, double confidence, List<String> sourceIds) {

  /** How a name matched a report. */
  public enum Kind {
    /** The report's title. */
    TITLE,
    /** One of its synonyms. */
    SYNONYM,
    /** One of its synonyms that is an abbreviation, e.g. {@code IIM}. */
    ABBREVIATION,
    /** One of its disorder subdivisions. */
    SUBDIVISION,
    /** The words of one of the report's names in another order. */
    REORDERED,
    /** A name within a few typing errors of one of the report's names. */
    NEAR_MISS,
    /** Most of the words of one of the report's names. */
    PARTIAL
  }

  /**
   * Checks and copies the components.
   *
   * @throws IllegalArgumentException when the confidence is not within [0, 1], or {@code sourceIds}
   *     does not start with {@code id}
   */
  public NameMatch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(matchedName, "matchedName");
    Objects.requireNonNull(kind, "kind");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
    }
    sourceIds = List.copyOf(sourceIds);
    if (sourceIds.isEmpty() || !sourceIds.getFirst().equals(id)) {
      throw new IllegalArgumentException("the source ids of " + id + " must start with it: " + sourceIds);
    }
  }

  /**
   * A match of a report that no other report is linked to.
   *
   * @param id the report id
   * @param title the report's title
   * @param matchedName the report's name that matched
   * @param kind how the name matched
   * @param confidence how sure the match is, from 0 to 1
   */
  public NameMatch(String id, String title, String matchedName, Kind kind, double confidence) {
    this(id, title, matchedName, kind, confidence, List.of(id));
  }

  /**
   * This match, listing other reports as reports of its disease too.
   *
   * @param sourceIds every report of the disease, this match's id first
   * @return a new match
   */
  public NameMatch withSourceIds(List<String> sourceIds) {
    return new NameMatch(id, title, matchedName, kind, confidence, sourceIds);
  }
}
