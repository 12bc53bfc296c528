package org.raresearch.vocabulary;

import java.util.List;
import java.util.Objects;

/**
 * One term of the Human Phenotype Ontology, as a release file describes it.
 *
 * <p>Ids, parent ids and alternative ids are all in the {@code HP:0001250} form, whatever form the
 * file used. Immutable; the lists are unmodifiable copies.
 *
 * @param id the term's id, such as {@code HP:0001250}
 * @param label the term's name, such as {@code Seizure}; empty when the file gives none
 * @param synonyms the other names of the term, in file order (never null)
 * @param parents the ids of the terms this one {@code is_a}, in file order (never null)
 * @param altIds the term's alternative (merged, retired) ids, in file order (never null)
 * @param obsolete whether the term is obsolete (deprecated) in this release
 * @param replacedBy for an obsolete term, the term that replaces it ({@code replaced_by}): none or
 *     one id (never null)
 * @param consider for an obsolete term without a replacement, the terms the release suggests
 *     instead ({@code consider}), in file order (never null)
 */
public record HpoTerm(
    String id,
    String label,
    List<Synonym> synonyms,
    List<String> parents,
    List<String> altIds,
    boolean obsolete,
    List<String> replacedBy,
    List<String> consider) {

  /**
   * Checks the id and copies the lists.
   *
   * @throws IllegalArgumentException when {@code id} is not in the {@code HP:0001250} form
   */
  public HpoTerm {
    Objects.requireNonNull(id, "id");
    if (!HpoIds.isCanonical(id)) {
      throw new IllegalArgumentException("not an HPO id in the HP:0001250 form: " + id);
    }
    Objects.requireNonNull(label, "label");
    synonyms = List.copyOf(synonyms);
    parents = List.copyOf(parents);
    altIds = List.copyOf(altIds);
    replacedBy = List.copyOf(replacedBy);
    consider = List.copyOf(consider);
  }

  /**
   * A term that names no replacement.
   *
   * @throws IllegalArgumentException when {@code id} is not in the {@code HP:0001250} form
   */
  public HpoTerm(String id, String label, List<Synonym> synonyms, List<String> parents, List<String> altIds, boolean obsolete) {
    this(id, label, synonyms, parents, altIds, obsolete, List.of(), List.of());
  }

  /** How closely a synonym's meaning matches its term, as the OBO format grades it. */
  public enum Scope {
    /** The same meaning as the term ({@code hasExactSynonym}). */
    EXACT,
    /** A related meaning ({@code hasRelatedSynonym}); also used when a file gives no scope. */
    RELATED,
    /** A broader meaning ({@code hasBroadSynonym}). */
    BROAD,
    /** A narrower meaning ({@code hasNarrowSynonym}). */
    NARROW
  }

  /**
   * Another name of a term.
   *
   * @param text the name as written in the file, such as {@code Wide based walk}
   * @param scope how closely it matches the term
   * @param layperson whether the HPO marks it as a lay (patient-friendly) name
   */
  public record Synonym(String text, Scope scope, boolean layperson) {
    /** Checks that neither the text nor the scope is null. */
    public Synonym {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(scope, "scope");
    }
  }
}
