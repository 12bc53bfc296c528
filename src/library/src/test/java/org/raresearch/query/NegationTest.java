package org.raresearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which findings {@link Negation} reads as ones the patient does not have. */
class NegationTest {

  @Test
  void plainCues_atTheStartOrEnd_negate() {
    assertEquals("fever", Negation.withoutPlainCue("No fever"));
    assertEquals("proteinuria", Negation.withoutPlainCue("negative for proteinuria"));
    assertEquals("seizures", Negation.withoutPlainCue("seizures ruled out"));
    assertNull(Negation.withoutPlainCue("fever"));
  }

  @Test
  void cueAfterWordsAboutThePatient_negates() {
    assertEquals("fever", Negation.withoutPlainCue("He had no fever"));
    assertEquals("ptosis", Negation.withoutPlainCue("Examination showed no ptosis"));
    assertEquals("family history of seizures", Negation.withoutPlainCue("There was no family history of seizures"));
    assertEquals("headaches", Negation.withoutPlainCue("she denied headaches"));
    assertEquals("ptosis", Negation.withoutPlainCue("On examination there was no ptosis"));
    assertEquals("seizures", Negation.withoutPlainCue("and without seizures"));
  }

  @Test
  void cueInsideAFinding_orAfterOtherWords_negatesNothing() {
    assertNull(Negation.withoutPlainCue("with or without renal failure"));
    assertNull(Negation.withoutPlainCue("skeletal anomalies with or without cardiac anomalies"));
    assertNull(Negation.withoutPlainCue("The patient had seizures"));
    assertNull(Negation.withoutPlainCue("fever with no obvious source"));
  }

  @Test
  void namingCues_afterLeadIn_negateOnlyWhenAllowed() {
    assertNull(Negation.withoutPlainCue("He had absent reflexes"));
    assertEquals("reflexes", Negation.withoutAnyCue("He had absent reflexes"));
  }
}
