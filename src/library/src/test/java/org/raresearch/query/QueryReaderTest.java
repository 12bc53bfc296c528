package org.raresearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;
import org.raresearch.vocabulary.RecognizedFinding.How;
import org.raresearch.vocabulary.RecognizedFinding.Kind;

/**
 * Reading queries of words and HPO ids, in the fixture ontology written to an OBO file with an
 * alternative id and two obsolete terms added.
 */
class QueryReaderTest {
  @TempDir static Path tmp;
  private static QueryReader reader;

  @BeforeAll
  static void load() throws IOException {
    String obo = PhenotypeFixtures.OBO.replace("name: Seizure\n", "name: Seizure\nalt_id: HP:0001262\n")
        + """

        [Term]
        id: HP:0000057
        name: obsolete Grand mal
        is_obsolete: true
        replaced_by: HP:0002069

        [Term]
        id: HP:0000058
        name: obsolete Funny walk
        is_obsolete: true
        consider: HP:0002136
        consider: HP:0001251
        """;
    reader = new QueryReader(HpoOntology.load(Files.writeString(tmp.resolve("hp.obo"), obo)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"HP:0001250", "hp:0001250", "HP_0001250", "http://purl.obolibrary.org/obo/HP_0001250",
      "HP:0001250 Seizure", "HP:0001250 (Seizure)", "HP:0001250 - fits", "HP:0001262"})
  void anIdInAnyForm_aloneOrWithALabel_isItsTerm(String written) {
    RecognizedFinding finding = reader.recognize(written);
    assertEquals(Kind.ID, finding.kind());
    assertFalse(finding.excluded());
    assertEquals(1, finding.terms().size());
    assertEquals("HP:0001250", finding.terms().getFirst().term().id());
    assertEquals(How.ID, finding.terms().getFirst().how());
    assertEquals("Seizure", finding.searchText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"no HP:0001945", "without HP:0001945", "No HP_0001945 Fever", "HP:0001945 excluded"})
  void aNegatedId_isAFindingThePatientLacks(String written) {
    RecognizedFinding finding = reader.recognize(written);
    assertEquals(Kind.ID, finding.kind());
    assertTrue(finding.excluded(), written);
    assertEquals("HP:0001945", finding.terms().getFirst().term().id());
    assertEquals("HP:0001945", finding.id());
  }

  @Test
  void anObsoleteId_isTheTermThatReplacesIt_orTheTermsToConsider() {
    RecognizedFinding replaced = reader.recognize("HP:0000057");
    assertEquals(List.of("HP:0002069"), replaced.terms().stream().map(t -> t.term().id()).toList());
    assertEquals(How.REPLACED_ID, replaced.terms().getFirst().how());
    assertEquals(1.0, replaced.terms().getFirst().confidence());
    RecognizedFinding considered = reader.recognize("HP:0000058");
    assertEquals(List.of("HP:0002136", "HP:0001251"), considered.terms().stream().map(t -> t.term().id()).toList());
    assertTrue(considered.terms().getFirst().confidence() < 1.0);
  }

  @Test
  void anUnknownId_isKeptUnread_andNotSearchedAsWords() {
    RecognizedFinding finding = reader.recognize("HP:9999999 Made-up finding");
    assertEquals(Kind.UNKNOWN_ID, finding.kind());
    assertEquals("HP:9999999", finding.id());
    assertTrue(finding.terms().isEmpty());
    assertEquals("", finding.searchText());
  }

  @Test
  void withoutAVocabulary_anIdIsKeptUnread_andWordsAreWords() {
    QueryReading reading = new QueryReader(null).read("HP:0001250; no fever; ataxia");
    List<RecognizedFinding> findings = reading.recognized();
    assertEquals(Kind.ID_WITHOUT_VOCABULARY, findings.get(0).kind());
    assertEquals("", findings.get(0).searchText());
    assertEquals(Kind.TEXT, findings.get(1).kind());
    assertTrue(findings.get(1).excluded());
    assertEquals("ataxia", findings.get(2).searchText());
  }

  @Test
  void aQueryMixingIdsAndWords_isReadInOrder() {
    QueryReading reading = reader.read("HP:0001250, wide based walk, no HP:0001945, \"nystagmus\"");
    List<RecognizedFinding> findings = reading.recognized();
    assertEquals(List.of(Kind.ID, Kind.TEXT, Kind.ID, Kind.TEXT), findings.stream().map(RecognizedFinding::kind).toList());
    assertEquals("HP:0002136", findings.get(1).terms().getFirst().term().id());
    assertTrue(findings.get(2).excluded());
    assertTrue(reading.findings().get(3).quoted());
    assertTrue(reading.hasIds());
  }

  @Test
  void wordsThatOnlyStartLikeAnId_areWords() {
    RecognizedFinding finding = reader.recognize("HPS with albinism");
    assertEquals(Kind.TEXT, finding.kind());
  }
}
