package org.raresearch.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of section a NORD report is divided into.
 *
 * <p>Headings are matched loosely ({@code Signs & Symptoms}, {@code Signs and Symptoms},
 * {@code SYMPTOMS:} are all {@link #SIGNS_AND_SYMPTOMS}); a heading that names none of the known kinds
 * is kept as {@link #OTHER} under its own name (see {@link SectionKey}).
 */
public enum SectionKind {
  /** What the disease is, in a few paragraphs. */
  GENERAL_DISCUSSION("General Discussion", "general discussion", "overview", "introduction"),
  /** The findings, as prose or listed by frequency (see {@link Finding}). */
  SIGNS_AND_SYMPTOMS("Signs & Symptoms", "signs and symptoms", "symptoms", "signs"),
  /** Genes, inheritance and other causes. */
  CAUSES("Causes", "causes", "cause"),
  /** Who is affected: prevalence, sex, age of onset. */
  AFFECTED_POPULATIONS("Affected Populations", "affected populations", "affected population"),
  /** Disorders with similar findings, and how they differ. */
  RELATED_DISORDERS("Related Disorders", "related disorders"),
  /** How the disease is diagnosed. */
  DIAGNOSIS("Diagnosis", "diagnosis"),
  /** Established treatment. */
  STANDARD_THERAPIES(
      "Standard Therapies", "standard therapies", "therapies standard", "treatment", "standard treatment"),
  /** Treatment under study. */
  INVESTIGATIONAL_THERAPIES(
      "Investigational Therapies", "investigational therapies", "therapies investigational"),
  /** The literature cited. */
  REFERENCES("References", "references"),
  /** Any heading that is none of the above; the heading itself names the section. */
  OTHER("Other");

  private final String heading;
  private final String[] aliases;

  SectionKind(String heading, String... aliases) {
    this.heading = heading;
    this.aliases = aliases;
  }

  /**
   * The heading as NORD writes it.
   *
   * @return the heading, e.g. {@code "Signs & Symptoms"}
   */
  public String heading() {
    return heading;
  }

  /**
   * The kind a heading line names.
   *
   * @param heading a heading as written in a report, e.g. {@code "Signs and Symptoms:"}
   * @return the kind, or empty when the heading names none of the known kinds
   */
  public static Optional<SectionKind> fromHeading(String heading) {
    return fromNormalizedHeading(normalizeHeading(heading));
  }

  /** {@link #fromHeading} for a heading already put through {@link #normalizeHeading}. */
  static Optional<SectionKind> fromNormalizedHeading(String key) {
    for (SectionKind kind : values()) {
      for (String alias : kind.aliases) {
        if (alias.equals(key)) {
          return Optional.of(kind);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Lower case, {@code &} as "and", punctuation dropped, single spaces: the form aliases are kept in.
   * Every line of every report is tried as a heading, so this is a plain loop rather than regular
   * expressions: words are runs of letters and numbers, and anything else separates them.
   */
  static String normalizeHeading(String heading) {
    String lower = heading.toLowerCase(Locale.ROOT).replace("&", " and ");
    StringBuilder key = new StringBuilder(lower.length());
    boolean separated = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (isLetterOrNumber(c)) {
        if (separated && !key.isEmpty()) {
          key.append(' ');
        }
        separated = false;
        key.appendCodePoint(c);
      } else {
        separated = true;
      }
    }
    return key.toString();
  }

  /** Whether a code point is in the Unicode categories L or N (the \p{L} and \p{N} of regular expressions). */
  private static boolean isLetterOrNumber(int c) {
    if (Character.isLetter(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
  }
}
