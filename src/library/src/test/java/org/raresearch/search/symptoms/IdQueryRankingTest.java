package org.raresearch.search.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.PatientCase;
import org.raresearch.api.SearchResults;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.RecognizedFinding.Kind;

/**
 * Queries written as HPO ids rank as the same queries written as the terms' labels, on a real
 * index of the fixture diseases that keeps its ontology.
 */
class IdQueryRankingTest {
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

  @Test
  void idsRankAsTheirLabels_scoresIncluded() {
    assertEquals(rare.rank("Bilateral tonic-clonic seizure; Ataxia; no Fever", 10),
        rare.rank("HP:0002069; http://purl.obolibrary.org/obo/HP_0001251 Ataxia; no HP_0001945", 10));
    assertEquals(rare.rank("Nystagmus; Ptosis", 10), rare.rank("HP:0000639, HP:0000508", 10));
  }

  @Test
  void anUnknownId_isListedAndNotSearched_theOthersRank() {
    SearchResults withUnknown = rare.search("HP:0001251; HP:9999999", 10);
    assertEquals(Kind.UNKNOWN_ID, withUnknown.findings().get(1).kind());
    List<String> ids = withUnknown.hits().stream().map(h -> h.id()).toList();
    assertEquals(rare.search("HP:0001251", 10).hits().stream().map(h -> h.id()).toList(), ids);
  }

  @Test
  void aQueryOfUnknownIdsOnly_isRefusedSayingSo() {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> rare.search("HP:9999999", 10));
    assertTrue(e.getMessage().contains("HP:9999999 is not an id of the index's ontology"), e.getMessage());
  }

  @Test
  void aDiseaseWhoseNameStartsWithHp_isNotFoundByAnId() {
    // "HP" is never searched as a word: only the term's label is.
    SearchResults results = rare.search("HP:0000508", 10);
    assertTrue(results.hits().stream().allMatch(h -> h.phenotypeMatches().stream().anyMatch(m -> m.queryTermId().equals("HP:0000508"))
        || !h.title().contains("HP")), results.hits().toString());
    assertEquals("Ptosis", results.findings().getFirst().terms().getFirst().term().label());
  }

  @Test
  void aCaseOfIds_ranksAsTheQueryOfItsLabels_andACaseOfWordsAsItsWords() {
    PatientCase ids = new PatientCase("c1", List.of(new PatientCase.Finding("HP:0002069", false),
        new PatientCase.Finding("HP:0001251 Ataxia", false), new PatientCase.Finding("HP:0001945", true)), List.of());
    assertEquals(rare.rank("Bilateral tonic-clonic seizure; Ataxia; no Fever", 10), rare.rankCase(ids, 10));
    PatientCase words = new PatientCase("c2", List.of(new PatientCase.Finding("wide based walk", false),
        new PatientCase.Finding("fever", true)), List.of());
    assertEquals(rare.rank("wide based walk; no fever", 10), rare.rankCase(words, 10));
    assertTrue(rare.searchCase(words, 10).findings().get(1).excluded());
  }

  @Test
  void theDiseasesOfAReport_areTheHitsThatHoldIt() {
    assertEquals(List.of("ORPHA_910001"), rare.diseasesOf("OMIM_610001"));
    assertEquals(List.of(), rare.diseasesOf("OMIM_999999"));
  }
}
