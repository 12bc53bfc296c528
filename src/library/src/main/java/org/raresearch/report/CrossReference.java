package org.raresearch.report;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a disease in another source that a report maps to, such as {@code OMIM:154700}, and how
 * closely the two match.
 *
 * <pre>{@code
 * CrossReference omim = new CrossReference("OMIM:154700", CrossReference.Match.EXACT);
 * omim.source(); // "OMIM"
 * }</pre>
 *
 * @param id the other source's id in the {@code SOURCE:accession} form ({@code OMIM:154700},
 *     {@code ORPHA:558}), never blank
 * @param match how the report's disease relates to the one the id names
 */
public record CrossReference(String id, Match match) {
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9]*:\\S+");

  /** How a report's disease relates to the disease a cross-reference names. */
  public enum Match {
    /** The same disease: the two are linked and resolve as one. */
    EXACT,
    /** The report's disease is broader than the referenced one (it covers it and more). */
    BROADER,
    /** The report's disease is narrower than the referenced one (a subtype of it). */
    NARROWER,
    /** Related in a way the source does not specify. */
    RELATED
  }

  /**
   * Checks the id's form.
   *
   * @throws IllegalArgumentException when the id is not {@code SOURCE:accession}
   */
  public CrossReference {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(match, "match");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("a cross-reference is SOURCE:accession, not \"" + id + "\"");
    }
  }

  /**
   * The source part of the id.
   *
   * @return the part before the colon, such as {@code OMIM}
   */
  public String source() {
    return id.substring(0, id.indexOf(':'));
  }
}
