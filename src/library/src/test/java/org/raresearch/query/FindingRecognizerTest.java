package org.raresearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.RecognizedFinding;
import org.raresearch.vocabulary.RecognizedFinding.How;

/** Recognition of findings as terms of the fixture ontology ({@link PhenotypeFixtures}). */
class FindingRecognizerTest {
  @TempDir static Path tmp;
  private static FindingRecognizer recognizer;

  @BeforeAll
  static void build() {
    recognizer = new FindingRecognizer(PhenotypeFixtures.ontology(tmp));
  }

  private static RecognizedFinding.Term first(String finding) {
    RecognizedFinding recognized = recognizer.recognize(finding);
    assertTrue(recognized.recognised(), finding + " was not recognised");
    return recognized.terms().getFirst();
  }

  @Test
  void aLabel_isRecognisedWithFullConfidence_whateverItsCaseAndPlural() {
    RecognizedFinding.Term term = first("Broad-based gaits");
    assertEquals("HP:0002136", term.term().id());
    assertEquals(How.LABEL, term.how());
    assertEquals(1.0, term.confidence());
  }

  @Test
  void anExactSynonymAndALayName_areRecognisedByHowTheyAreNamed() {
    RecognizedFinding.Term synonym = first("epileptic seizures");
    assertEquals("HP:0001250", synonym.term().id());
    assertEquals(How.SYNONYM, synonym.how());
    RecognizedFinding.Term lay = first("wide based walk");
    assertEquals("HP:0002136", lay.term().id());
    assertEquals(How.LAY_NAME, lay.how());
    assertTrue(lay.confidence() < 1.0);
  }

  @Test
  void theSameWordsInAnotherOrder_areRecognisedAsReworded() {
    RecognizedFinding.Term term = first("upper eyelid drooping");
    assertEquals("HP:0000508", term.term().id());
    assertEquals(How.REWORDED, term.how());
  }

  @Test
  void aLongerFinding_isRecognisedByTheNamesInIt_lessSurely() {
    RecognizedFinding recognized = recognizer.recognize("fever and nystagmus since birth");
    List<String> ids = recognized.terms().stream().map(t -> t.term().id()).toList();
    assertEquals(List.of("HP:0000639", "HP:0001945"), ids.stream().sorted().toList());
    assertTrue(recognized.terms().stream().allMatch(t -> t.how() == How.PARTIAL && t.confidence() < 0.9));
  }

  @Test
  void aNegatedFinding_isRecognisedAsExcluded() {
    for (String negated : List.of("no seizures", "without fever", "negative for nystagmus", "absence of ptosis", "ataxia ruled out")) {
      RecognizedFinding recognized = recognizer.recognize(negated);
      assertTrue(recognized.excluded(), negated);
      assertTrue(recognized.recognised(), negated);
    }
    assertFalse(recognizer.recognize("ataxia").excluded());
  }

  @Test
  void termsThatAreNotPhenotypes_andUnknownWords_areNotRecognised() {
    assertFalse(recognizer.recognize("Autosomal recessive inheritance").recognised());
    assertFalse(recognizer.recognize("Mode of inheritance").recognised());
    assertFalse(recognizer.recognize("painful elbows").recognised());
    assertFalse(recognizer.recognize("Phenotypic abnormality").recognised());
  }
}
