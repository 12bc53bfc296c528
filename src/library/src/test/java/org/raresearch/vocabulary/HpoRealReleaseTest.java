package org.raresearch.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.raresearch.testing.SharedData;
import org.raresearch.vocabulary.HpoTermMatcher.Match;

/**
 * The HPO release of 2023-01-27 in the shared data ({@code ../shared/data/raw/hpo/}); skipped when
 * it is absent. The expected facts were checked against the file independently (with Python).
 */
class HpoRealReleaseTest {
  private static final String RELEASE_FILE = "data/raw/hpo/hp_2023-01-27.json.gz";
  private static HpoOntology hpo;
  private static HpoTermMatcher matcher;

  /** Loads the release once, when present; each test is skipped (with a message) when it is not. */
  @BeforeAll
  static void load() {
    Path file = SharedData.root().resolve(RELEASE_FILE);
    if (Files.exists(file)) {
      hpo = HpoOntology.load(file);
      matcher = new HpoTermMatcher(hpo);
    }
  }

  @BeforeEach
  void requireTheRelease() {
    SharedData.require(RELEASE_FILE);
  }

  private static List<String> ids(List<HpoTerm> terms) {
    return terms.stream().map(HpoTerm::id).toList();
  }

  @Test
  void load_keepsEveryLiveClassOfTheRelease() {
    // 17,245 HP classes, 371 of them deprecated. The one other HP node, HP:0034334
    // (allelic_requirement), is a PROPERTY, not a term.
    assertEquals(16_874, hpo.size());
    assertEquals(16_874, hpo.terms().size());
    assertTrue(hpo.term("HP:0034334").isEmpty());
  }

  @Test
  void load_keepsEverySynonymAndItsLaypersonMark() {
    List<HpoTerm.Synonym> synonyms = hpo.terms().stream().flatMap(t -> t.synonyms().stream()).toList();

    assertEquals(21_805, synonyms.size());
    assertEquals(8_136, synonyms.stream().filter(HpoTerm.Synonym::layperson).count());
    assertEquals(
        7_196,
        synonyms.stream().filter(s -> s.layperson() && s.scope() == HpoTerm.Scope.EXACT).count());
  }

  @Test
  void descendants_areTheTermsWhoseLineageHoldsTheTerm() {
    for (String id : List.of(HpoOntology.PHENOTYPIC_ABNORMALITY, "HP:0001250", "HP:0031797", "HP:0000005")) {
      java.util.Set<String> expected = new java.util.HashSet<>();
      for (HpoTerm term : hpo.terms()) {
        if (!term.id().equals(id) && hpo.lineage(term.id()).contains(id)) {
          expected.add(term.id());
        }
      }
      assertFalse(expected.isEmpty(), id);
      assertEquals(expected, hpo.descendants(id), id);
    }
    assertTrue(hpo.descendants("HP:9999999").isEmpty());
  }

  @Test
  void release_isTheGraphVersion() {
    assertEquals("http://purl.obolibrary.org/obo/hp/releases/2023-01-27/hp.json", hpo.release());
  }

  @Test
  void term_seizure() {
    HpoTerm seizure = hpo.term("HP:0001250").orElseThrow();

    assertEquals("Seizure", seizure.label());
    assertEquals(List.of("HP:0012638"), seizure.parents());
    assertFalse(seizure.obsolete());
  }

  @Test
  void term_altIdThatIsAlsoAnObsoleteClass_resolvesToTheLiveTerm() {
    // HP:0001425 is both a deprecated class and an alt id of Mode of inheritance.
    assertEquals("HP:0000005", hpo.term("HP:0001425").orElseThrow().id());
  }

  @Test
  void term_obsoleteClassThatIsNobodysAltId_isKeptAsObsolete() {
    HpoTerm obsolete = hpo.term("HP:0003114").orElseThrow();

    assertTrue(obsolete.obsolete());
    assertEquals("obsolete Abnormal cardiological findings", obsolete.label());
    assertFalse(hpo.terms().contains(obsolete));
  }

  @Test
  void term_obsoleteClassThatIsAnAltId_resolvesToTheLiveTerm() {
    // HP:0000057 (obsolete Clitoromegaly) is an alt id of HP:0008665 (Clitoral hypertrophy).
    assertEquals("HP:0008665", hpo.term("HP:0000057").orElseThrow().id());
  }

  @Test
  void find_laypersonWideBasedWalk_isBroadBasedGait() {
    List<Match> matches = matcher.find("Wide based walk");

    assertEquals(1, matches.size());
    assertEquals("HP:0002136", matches.get(0).term().id());
    assertEquals("Broad-based gait", matches.get(0).term().label());
    assertEquals("Wide based walk", matches.get(0).matchedName());
    assertTrue(matches.get(0).exact());
  }

  @Test
  void find_wideBasedWalkInsideALongerFinding() {
    List<String> found =
        matcher.find("since age three a wide-based walk with frequent falls").stream()
            .map(m -> m.term().id())
            .toList();

    assertTrue(found.contains("HP:0002136"), found.toString());
  }

  @Test
  void ancestors_ofAtaxia_stayInMotorFunction() {
    // Ataxia is_a Abnormality of coordination is_a Abnormal central motor function is_a Abnormal
    // nervous system physiology is_a Abnormality of the nervous system (an organ system: left out).
    // Gait disturbance (HP:0001288) is not among them.
    List<String> ancestors = ids(hpo.ancestors("HP:0001251", Integer.MAX_VALUE));

    assertEquals(List.of("HP:0011443", "HP:0011442", "HP:0012638"), ancestors);
    assertFalse(ancestors.contains("HP:0001288"));
  }

  @Test
  void ancestors_ofBroadBasedGait_startWithGaitDisturbance() {
    assertEquals(
        List.of("HP:0001288", "HP:0100022", "HP:0012638"), ids(hpo.ancestors("HP:0002136", 10)));
  }
}
