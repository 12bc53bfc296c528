package org.raresearch.report;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A phenotype a source states of a disease, as a term of the Human Phenotype Ontology with how often
 * it occurs: Orphanet's "Very frequent (99-80%) HP:0001519 Disproportionate tall stature", or a row
 * of the HPO's annotation file. It records what the source says, nothing inferred.
 *
 * <pre>{@code
 * new PhenotypeAnnotation("HP:0001250", "Seizure", Frequency.FREQUENT, OptionalDouble.of(45));
 * }</pre>
 *
 * @param termId the term's id in the {@code HP:0001250} form
 * @param label the term's name as the source gives it (or the ontology's label), never blank
 * @param frequency the frequency class; {@link Frequency#EXCLUDED} when the source states the
 *     disease does not have the phenotype
 * @param share the share of patients in percent, when the source gives it exactly ({@code 3/7},
 *     {@code 45%}); empty when it gives only a class or nothing
 */
public record PhenotypeAnnotation(String termId, String label, Frequency frequency, OptionalDouble share) {
  private static final Pattern TERM_ID = Pattern.compile("HP:[0-9]+");

  /**
   * Checks the id's form and the share's range.
   *
   * @throws IllegalArgumentException when the id is not {@code HP:} and digits, the label is
   *     blank or the share is outside [0, 100]
   */
  public PhenotypeAnnotation {
    Objects.requireNonNull(termId, "termId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(share, "share");
    if (!TERM_ID.matcher(termId).matches()) {
      throw new IllegalArgumentException("an HPO term id is HP: and digits, not \"" + termId + "\"");
    }
    if (label.isBlank()) {
      throw new IllegalArgumentException("the annotation of " + termId + " needs a label");
    }
    if (share.isPresent() && !(share.getAsDouble() >= 0 && share.getAsDouble() <= 100)) {
      throw new IllegalArgumentException("a share of patients is between 0 and 100%, not " + share.getAsDouble());
    }
  }

  /**
   * An annotation with a frequency class only.
   *
   * @param termId the phenotype's HPO id
   * @param label the phenotype's label
   * @param frequency how often the disease has it
   */
  public PhenotypeAnnotation(String termId, String label, Frequency frequency) {
    this(termId, label, frequency, OptionalDouble.empty());
  }

  /**
   * Whether the source states the disease does not have this phenotype.
   *
   * @return whether the frequency is {@link Frequency#EXCLUDED}
   */
  public boolean excluded() {
    return frequency == Frequency.EXCLUDED;
  }
}
