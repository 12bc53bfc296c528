package org.raresearch.vocabulary;

import java.util.List;
import java.util.Objects;

/**
 * What a finding of a query was recognised as: the phenotype terms it names, and whether the patient
 * is said not to have them ("no seizures"). A finding is written as words ("wide based walk") or
 * as an HPO id ({@code HP:0001250}, {@code no HP:0001945}), which is never searched as words.
 *
 * @param finding the finding as written
 * @param excluded whether the finding is negated: the patient does not have the terms
 * @param terms the terms it names, surest first; empty when it was not recognised
 * @param kind whether it was written as words or as an id, and whether the id was known
 * @param id the id as written, in the {@code HP:0001250} form; "" for a finding written as words
 */
public record RecognizedFinding(String finding, boolean excluded, List<Term> terms, Kind kind, String id) {
  /** Copies the list. */
  public RecognizedFinding {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    terms = List.copyOf(terms);
  }

  /**
   * A finding written as words.
   *
   * @param finding the finding as written
   * @param excluded whether the finding is negated
   * @param terms the terms it names, surest first; empty when it was not recognised
   */
  public RecognizedFinding(String finding, boolean excluded, List<Term> terms) {
    this(finding, excluded, terms, Kind.TEXT, "");
  }

  /** How a finding was written, and for an id whether the vocabulary knew it. */
  public enum Kind {
    /** Words, searched as text and recognised as terms where they name one. */
    TEXT,
    /** An id of the vocabulary: searched as its term's label, and as the term. */
    ID,
    /** An HPO id the vocabulary does not know: not searched at all. */
    UNKNOWN_ID,
    /** An HPO id where there is no vocabulary to read it in: not searched at all. */
    ID_WITHOUT_VOCABULARY
  }

  /**
   * The words the finding is searched by: its own for a finding written as words, the label of its
   * term for a known id, none for an unknown id.
   *
   * @return the words, or "" when the finding is not searched as text
   */
  public String searchText() {
    return switch (kind) {
      case TEXT -> finding;
      case ID -> terms.isEmpty() ? "" : terms.getFirst().term().label();
      case UNKNOWN_ID, ID_WITHOUT_VOCABULARY -> "";
    };
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
    PARTIAL,
    /** The finding is the term's id, or one of its alternative ids. */
    ID,
    /** The finding is the id of an obsolete term, which this term replaces (or is to be considered for). */
    REPLACED_ID
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
