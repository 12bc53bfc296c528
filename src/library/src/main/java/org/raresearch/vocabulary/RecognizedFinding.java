package org.raresearch.vocabulary;

import java.util.List;
import java.util.Objects;

/**
 * What a finding of a query was recognised as: the phenotype terms it names, and whether the patient
 * is said not to have them ("no seizures").
 *
 * @param finding the finding as written
 * @param excluded whether the finding is negated: the patient does not have the terms
 * @param terms the terms it names, surest first; empty when it was not recognised
 */
public record RecognizedFinding(String finding, boolean excluded, List<Term> terms) {
  /** Copies the list. */
  public RecognizedFinding {
    Objects.requireNonNull(finding, "finding");
    terms = List.copyOf(terms);
  }

  /**
   * Whether any term was recognised.
   *
   * @return whether {@link #terms()} is not empty
   */
  public boolean recognised() {
    return !terms.isEmpty();
  }

  /** How a finding's words met a term's name. */
  public enum How {
    /** The finding is the term's label. */
    LABEL,
    /** The finding is one of the term's exact synonyms. */
    SYNONYM,
    /** The finding is one of the term's lay names ("Wide based walk"). */
    LAY_NAME,
    /** The finding is a related, broader or narrower synonym of the term. */
    LOOSE_SYNONYM,
    /** The finding has the words of one of the term's names in another order or inflection. */
    REWORDED,
    /** Part of the finding is one of the term's names, or the finding has most of its words. */
    PARTIAL
  }

  /**
   * A term a finding names.
   *
   * @param term the term
   * @param matchedName the term's label or synonym that matched, as the ontology writes it
   * @param how how the finding met it
   * @param confidence from 0 (a guess) to 1 (the finding is the term's label or exact synonym)
   */
  public record Term(HpoTerm term, String matchedName, How how, double confidence) {
    /** Checks the confidence. */
    public Term {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(matchedName, "matchedName");
      Objects.requireNonNull(how, "how");
      if (!(confidence > 0 && confidence <= 1)) {
        throw new IllegalArgumentException("a confidence is in (0, 1], not " + confidence);
      }
    }
  }
}
