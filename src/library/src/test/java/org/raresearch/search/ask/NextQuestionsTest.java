package org.raresearch.search.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.PatientCase;
import org.raresearch.api.Question;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.testing.PhenotypeFixtures;

/**
 * Questions to ask next on a real index of the fixture diseases ({@link PhenotypeFixtures}), which
 * keeps its ontology.
 */
class NextQuestionsTest {
  @TempDir static Path tmp;
  private static RareSearch rare;

  @BeforeAll
  static void build() throws IOException {
    Path index = tmp.resolve("index");
    try (RareSearch writer = RareSearch.open(index)) {
      writer.ingest(PhenotypeFixtures.source(PhenotypeFixtures.ontology(tmp)), IngestProgress.NONE);
    }
    rare = RareSearch.builder(index).readOnly().searchTimeout(Duration.ofMinutes(1)).open();
  }

  @AfterAll
  static void close() {
    rare.close();
  }

  private static List<String> ids(List<Question> questions) {
    return questions.stream().map(Question::id).toList();
  }

  @Test
  void nystagmus_asksWhatTellsTheEyeSyndromeFromTheTonicOne_bestFirst() {
    // Both have nystagmus; the eye syndrome has ptosis in most patients, the tonic syndrome
    // tonic-clonic seizures: either answer moves the odds.
    List<Question> questions = rare.ask("Nystagmus", 5);
    assertFalse(questions.isEmpty());
    assertTrue(Set.of("HP:0000508", "HP:0002069", "HP:0001250", "HP:0001251").contains(questions.getFirst().id()), questions.toString());
    for (int i = 1; i < questions.size(); i++) {
      assertTrue(questions.get(i - 1).gain() >= questions.get(i).gain(), questions.toString());
    }
    Question ptosis = questions.stream().filter(q -> q.id().equals("HP:0000508")).findFirst().orElseThrow();
    assertEquals("Ptosis", ptosis.label());
    Question.Disease eye = ptosis.diseases().stream().filter(d -> d.id().equals("ORPHA_910005")).findFirst().orElseThrow();
    assertEquals("Eye syndrome", eye.title());
    assertEquals(0.9, eye.share(), 0.01);
    assertTrue(ptosis.probability() > 0 && ptosis.probability() < 1);
  }

  @Test
  void neverATermTheQueryHas_implies_orExcludes() {
    List<String> asked = ids(rare.ask("Bilateral tonic-clonic seizure; no Ptosis", 10));
    // Has: tonic-clonic seizure, so Seizure too; lacks ptosis. The organ-system terms say nothing.
    for (String never : List.of("HP:0002069", "HP:0001250", "HP:0000508", "HP:0000707", "HP:0000478", "HP:0000118")) {
      assertFalse(asked.contains(never), never + " in " + asked);
    }
    List<String> withoutSeizures = ids(rare.ask("Nystagmus; no seizures", 10));
    for (String never : List.of("HP:0001250", "HP:0002069", "HP:0007359", "HP:0000639")) {
      assertFalse(withoutSeizures.contains(never), never + " in " + withoutSeizures);
    }
  }

  @Test
  void aCaseIsAskedAboutAsItsQuery_andTheCountIsChecked() {
    PatientCase patient = new PatientCase("c", List.of(new PatientCase.Finding("HP:0000639", false)), List.of());
    assertEquals(ids(rare.ask("Nystagmus", 3)), ids(rare.askCase(patient, 3)));
    assertThrows(InvalidQueryException.class, () -> rare.ask("Nystagmus", 0));
    assertThrows(InvalidQueryException.class, () -> rare.ask("Nystagmus", RareSearch.MAX_QUESTIONS + 1));
  }
}
