package org.raresearch.api;

import java.util.List;
import java.util.Objects;

/**
 * A finding worth asking about next: whether the patient has it would best tell apart the
 * diseases at the top of the ranking. Immutable.
 *
 * @param id the finding's HPO term, such as {@code HP:0000639}
 * @param label the term's label, such as {@code Nystagmus}
 * @param gain the expected information gain of the answer over the top diseases, in bits
 * @param probability how likely the answer is yes, given the top diseases as they rank (a patient who has a
 *     finding does not always say so)
 * @param diseases the top diseases that have it, most likely first, each with how often
 */
public record Question(String id, String label, double gain, double probability, List<Disease> diseases) {
  /** Checks and copies. */
  public Question {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    diseases = List.copyOf(diseases);
  }

  /**
   * One of the top diseases that has the finding.
   *
   * @param id the disease's id, as hits name it
   * @param title its title
   * @param share the share of its patients who have the finding, from its annotations (the most
   *     frequent of the finding and its more specific terms), from 0 to 1
   */
  public record Disease(String id, String title, double share) {
    /** Checks that nothing is null. */
    public Disease {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(title, "title");
    }
  }
}
