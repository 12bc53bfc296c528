package org.raresearch.api;

import java.util.List;
import java.util.Objects;

/**
 * A patient's findings as a structured case gives them (a GA4GH Phenopacket, or a list of
 * findings sent to the API), to rank diseases for, with the diagnoses the case names when it
 * names any. Immutable.
 *
 * <pre>{@code
 * PatientCase patient = new PatientCase("case-1",
 *     List.of(new PatientCase.Finding("HP:0001250", false), new PatientCase.Finding("HP:0001945", true)),
 *     List.of());
 * rare.searchCase(patient, 10);
 * }</pre>
 *
 * @param id the case's id ("" when it has none)
 * @param findings the findings, in order
 * @param diagnoses the ids of the diseases the case is diagnosed with ({@code OMIM:154700}), in
 *     order; empty when it names none
 */
public record PatientCase(String id, List<Finding> findings, List<String> diagnoses) {
  /** Copies the lists. */
  public PatientCase {
    Objects.requireNonNull(id, "id");
    findings = List.copyOf(findings);
    diagnoses = List.copyOf(diagnoses);
  }

  /**
   * One finding of a case.
   *
   * @param text an HPO id ({@code HP:0001250}, optionally followed by its label) or words
   *     ({@code wide based walk})
   * @param excluded whether the patient is known not to have it
   */
  public record Finding(String text, boolean excluded) {
    /** Checks the text is there. */
    public Finding {
      Objects.requireNonNull(text, "text");
    }
  }
}
