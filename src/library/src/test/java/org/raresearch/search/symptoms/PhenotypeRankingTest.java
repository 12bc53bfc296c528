package org.raresearch.search.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.PhenotypeMatch;
import org.raresearch.api.PhenotypeMatch.Relation;
import org.raresearch.api.ScoredId;
import org.raresearch.api.SearchHit;
import org.raresearch.api.SearchResults;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * Ranking by annotated phenotypes on a real index of the fixture diseases (see {@link
 * PhenotypeFixtures}), opened read-only with no ontology given: the index keeps the one its
 * import brought.
 */
class PhenotypeRankingTest {
  @TempDir static Path tmp;
  private static RareSearch rare;

  @BeforeAll
  static void build() throws IOException {
    Path index = tmp.resolve("index");
    try (RareSearch writer = RareSearch.open(index)) {
      writer.ingest(PhenotypeFixtures.source(PhenotypeFixtures.ontology(tmp)), IngestProgress.NONE);
    }
    // A generous time budget: what is measured here is the ranking, not the machine's load.
    rare = RareSearch.builder(index).readOnly().searchTimeout(java.time.Duration.ofMinutes(1)).open();
  }

  @AfterAll
  static void close() throws IOException {
    rare.close();
  }

  private static List<String> ranked(String query) {
    return rare.rank(query, 10).stream().map(ScoredId::id).toList();
  }

  @Test
  void findingsNamedByLayWords_rankTheDiseaseThatHasBoth() {
    assertEquals("ORPHA_910001", ranked("grand mal seizures; ataxia").getFirst());
  }

  @Test
  void aGeneralFinding_matchesMoreSpecificAnnotations_byHowOftenTheDiseaseHasThem() {
    // Focal-onset seizure in every patient, tonic-clonic in most, seizures in a few; the disease
    // stated not to have seizures is not ranked by phenotype at all.
    List<String> ranked = ranked("seizures");
    assertEquals(List.of("ORPHA_910002", "ORPHA_910001", "ORPHA_910004"), ranked.subList(0, 3));
    assertTrue(!ranked.contains("ORPHA_910005") || ranked.indexOf("ORPHA_910005") > 2, ranked.toString());
  }

  @Test
  void aSpecificFinding_matchesAGeneralAnnotation_belowAnExactOne() {
    // Both have seizures in some form; only one has this very kind.
    List<String> ranked = ranked("focal-onset seizure");
    assertEquals("ORPHA_910002", ranked.getFirst());
    assertTrue(ranked.indexOf("ORPHA_910004") > 0, ranked.toString());
  }

  @Test
  void aFindingThePatientDoesNotHave_countsAgainstDiseasesThatUsuallyHaveIt() {
    // Nystagmus: very frequent in the eye syndrome, occasional in the tonic syndrome. Without
    // seizures, the tonic syndrome (seizures in most patients) falls further behind.
    List<String> withSeizures = ranked("nystagmus");
    List<String> withoutSeizures = ranked("nystagmus; no seizures");
    assertEquals("ORPHA_910005", withoutSeizures.getFirst());
    assertTrue(withoutSeizures.indexOf("ORPHA_910001") >= withSeizures.indexOf("ORPHA_910001"), withoutSeizures.toString());
    float tonicWith = score("nystagmus", "ORPHA_910001") / score("nystagmus", "ORPHA_910005");
    float tonicWithout = score("nystagmus; no seizures", "ORPHA_910001") / score("nystagmus; no seizures", "ORPHA_910005");
    assertTrue(tonicWithout < tonicWith, tonicWithout + " should be below " + tonicWith);
  }

  @Test
  void aFindingASourceStatesTheDiseaseLacks_isShownAgainstIt() {
    // Ptosis is very frequent in the eye syndrome and occasional in the focal epilepsy syndrome,
    // which also has seizures; the eye syndrome is stated not to have them.
    assertEquals("ORPHA_910005", ranked("ptosis").getFirst());
    SearchResults results = rare.search("ptosis; seizures", 10);
    assertEquals("ORPHA_910002", results.hits().getFirst().id());
    PhenotypeMatch stated = hit(results, "ORPHA_910005").phenotypeMatches().get(1);
    assertEquals(Relation.CONTRADICTS, stated.relation());
    assertEquals("HP:0001250", stated.annotatedTermId());
    assertEquals(org.raresearch.report.Frequency.EXCLUDED, stated.frequency());
  }

  @Test
  void aDiseaseIsRankedOnce_underItsOrphanetReport_withWhatEverySourceSays() {
    List<String> ranked = ranked("wide based walk");
    assertTrue(ranked.contains("ORPHA_910001"), ranked.toString());
    assertTrue(!ranked.contains("OMIM_610001"), ranked.toString());
    SearchHit tonic = hit(rare.search("wide based walk", 10), "ORPHA_910001");
    assertEquals(List.of("ORPHA_910001", "OMIM_610001"), tonic.sourceIds());
    PhenotypeMatch match = tonic.phenotypeMatches().getFirst();
    assertEquals("OMIM_610001", match.reportId());
    assertEquals("HP:0002136", match.annotatedTermId());
    assertEquals(Relation.SAME, match.relation());
  }

  @Test
  void aDiseaseNamedByTheQuery_comesFirst() {
    assertEquals("ORPHA_910004", ranked("Fever syndrome").getFirst());
  }

  @Test
  void searchResults_sayWhatEachFindingWasRecognisedAs_andWhyEachDiseaseFits() {
    SearchResults results = rare.search("fits; drooping upper eyelid; no fever; painful elbows", 10);
    List<RecognizedFinding> findings = results.findings();
    assertEquals(4, findings.size());
    assertEquals("HP:0001250", findings.get(0).terms().getFirst().term().id());
    assertEquals(RecognizedFinding.How.LAY_NAME, findings.get(0).terms().getFirst().how());
    assertEquals("HP:0000508", findings.get(1).terms().getFirst().term().id());
    assertTrue(findings.get(2).excluded());
    assertEquals("HP:0001945", findings.get(2).terms().getFirst().term().id());
    assertTrue(!findings.get(3).recognised());

    SearchHit focal = hit(results, "ORPHA_910002");
    PhenotypeMatch seizure = focal.phenotypeMatches().get(0);
    assertEquals("fits", seizure.finding());
    assertEquals("HP:0007359", seizure.annotatedTermId());
    assertEquals(Relation.MORE_SPECIFIC, seizure.relation());
    assertEquals(Relation.SAME, focal.phenotypeMatches().get(1).relation());

    SearchHit fever = hit(results, "ORPHA_910004");
    assertTrue(fever.phenotypeMatches().stream().anyMatch(m -> m.relation() == Relation.CONTRADICTS && m.annotatedTermId().equals("HP:0001945")),
        fever.phenotypeMatches().toString());
    SearchHit eye = hit(results, "ORPHA_910005");
    assertTrue(eye.phenotypeMatches().stream().anyMatch(m -> m.relation() == Relation.CONTRADICTS && m.annotatedTermId().equals("HP:0001250")),
        eye.phenotypeMatches().toString());
  }

  private static float score(String query, String id) {
    return rare.rank(query, 10).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().score();
  }

  private static SearchHit hit(SearchResults results, String id) {
    return results.hits().stream().filter(h -> h.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " not in " + results.hits().stream().map(SearchHit::id).toList()));
  }
}
