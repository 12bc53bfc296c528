package org.raresearch.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raresearch.vocabulary.HpoTermMatcher.Match;

class HpoTermMatcherTest {
  private static HpoTermMatcher matcher;

  @BeforeAll
  static void buildMatcher(@TempDir Path folder) {
    matcher = new HpoTermMatcher(HpoOntology.load(HpoFixtures.write(folder, "hp.obo", HpoFixtures.OBO)));
  }

  /** Each match as "id name exact|contained", for compact assertions. */
  private static List<String> found(String finding) {
    return matcher.find(finding).stream()
        .map(m -> m.term().id() + " " + m.matchedName() + (m.exact() ? " exact" : " contained"))
        .toList();
  }

  @Test
  void find_exactLabel_isAnExactMatch() {
    assertEquals(List.of("HP:0001250 Seizure exact"), found("Seizure"));
  }

  @Test
  void find_laypersonSynonym_givesItsTerm() {
    List<Match> matches = matcher.find("wide based walk");

    assertEquals(1, matches.size());
    assertEquals("Broad-based gait", matches.get(0).term().label());
    assertEquals("Wide based walk", matches.get(0).matchedName());
    assertTrue(matches.get(0).exact());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Seizures", "SEIZURE.", "  seizure  ", "Séizures", "seizure's"})
  void find_caseAccentsPluralAndPunctuation_areNormalised(String finding) {
    assertEquals(List.of("HP:0001250 Seizure exact"), found(finding));
  }

  @ParameterizedTest
  @ValueSource(strings = {"broad based gait", "Broad-based gaits", "wide-based gait", "broad–based, gait"})
  void find_hyphensAndSpaces_areTheSame(String finding) {
    assertEquals("HP:0002136", matcher.find(finding).get(0).term().id());
  }

  @Test
  void find_synonymWithEscapedQuotes_isMatchedByItsWords() {
    assertEquals(List.of("HP:0002066 Walks like a \"sailor\" exact"), found("walks like a sailor"));
  }

  @Test
  void find_termsInsideALongerFinding_inTextOrder() {
    assertEquals(
        List.of("HP:0001250 Fits contained", "HP:0002136 Wide-based gait contained"),
        found("recurrent fits since infancy and a wide-based gait"));
  }

  @Test
  void find_longestNameWins_overTheShorterNameInsideIt() {
    assertEquals(List.of("HP:0002066 Gait ataxia contained"), found("slowly progressive gait ataxia"));
  }

  @Test
  void find_longestFirstThenNonOverlapping() {
    // "ataxic gait" (2 words) and "gait disturbance" (2 words) overlap on "gait": the earlier wins,
    // and "disturbance" alone names nothing.
    assertEquals(List.of("HP:0002066 Ataxic gait contained"), found("ataxic gait disturbance"));
  }

  @Test
  void find_nameOfSeveralTerms_givesEveryOneInIdOrder() {
    assertEquals(
        List.of("HP:0001288 Unsteady gait exact", "HP:0002066 Unsteady gait exact"),
        found("Unsteady gait"));
  }

  @Test
  void find_sameTermTwice_isListedOnce() {
    assertEquals(List.of("HP:0001250 Seizure contained"), found("seizures, then more seizures"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"headache", "", "  ,;-  ", "gait", "staggering", "all"})
  void find_noTermName_givesNothing(String finding) {
    // "staggering" is a synonym of an obsolete term only; "All" is the root, too general to match.
    assertEquals(List.of(), matcher.find(finding));
  }

  @Test
  void find_fromManyThreads_givesTheSameMatches() throws Exception {
    String finding = "recurrent fits, ataxic gait and a wide based walk";
    List<Match> expected = matcher.find(finding);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<List<Match>>> results =
          java.util.stream.IntStream.range(0, 64).mapToObj(i -> pool.submit(() -> matcher.find(finding))).toList();
      for (Future<List<Match>> result : results) {
        assertEquals(expected, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(3, expected.size());
  }
}
