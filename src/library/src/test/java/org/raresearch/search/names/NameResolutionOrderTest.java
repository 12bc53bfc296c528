package org.raresearch.search.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.NameMatch;
import org.raresearch.api.NameMatch.Kind;

/**
 * Which report a name resolves to first, when several have it or something like it, on a small
 * index of report files whose names overlap the way a disease classification's do: groups listing
 * their members as subdivisions, numbered subtypes, names written in another order or by another
 * source.
 */
class NameResolutionOrderTest {
  @TempDir static Path tmp;
  private static RareSearch rare;

  @BeforeAll
  static void index() throws IOException {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    write(reports, "ORPHA_558", "Marfan syndrome", List.of("MFS"), List.of("Marfan syndrome type 1", "Marfan syndrome type 2"));
    write(reports, "ORPHA_284993", "Marfan syndrome and Marfan-related disorders", List.of(),
        List.of("Marfan syndrome", "Loeys-Dietz syndrome"));
    write(reports, "ORPHA_139030", "Rare developmental defect with connective tissue involvement", List.of(),
        List.of("Marfan syndrome", "Ehlers-Danlos syndrome"));
    write(reports, "ORPHA_696289", "Congenital generalized lipodystrophy type 2", List.of("CGL2"), List.of());
    write(reports, "ORPHA_528", "Congenital generalized lipodystrophy", List.of("Berardinelli-Seip syndrome"),
        List.of("Congenital generalized lipodystrophy type 1", "Congenital generalized lipodystrophy type 2"));
    write(reports, "ORPHA_228329", "Infantile CLN1 disease", List.of(), List.of());
    write(reports, "ORPHA_228349", "Infantile CLN2 disease", List.of(), List.of());
    write(reports, "ORPHA_404493", "Spinocerebellar ataxia autosomal recessive type 23", List.of(), List.of());
    write(reports, "ORPHA_85285", "Schimke X-linked intellectual disability syndrome", List.of(), List.of());
    write(reports, "ORPHA_3063", "Snyder-Robinson syndrome", List.of("X-linked mental retardation syndrome, Snyder-Robinson type"), List.of());
    write(reports, "ORPHA_777", "X-linked non-syndromic intellectual disability", List.of(), List.of());
    write(reports, "ORPHA_85295", "Syndromic X-linked intellectual disability type 10", List.of(), List.of());
    write(reports, "ORPHA_85320", "X-linked intellectual disability-psychosis-macroorchidism syndrome", List.of(), List.of());
    for (int type = 1; type <= 4; type++) {
      write(reports, "ORPHA_9000" + type, "Intellectual disability, X-linked, type " + (type + 10),
          List.of("Mental retardation, X-linked " + (type + 10)), List.of());
    }
    rare = RareSearch.open(tmp.resolve("index"));
    rare.sync(reports);
  }

  @AfterAll
  static void close() throws IOException {
    rare.close();
  }

  private static void write(Path dir, String id, String title, List<String> synonyms, List<String> subdivisions) throws IOException {
    StringBuilder text = new StringBuilder(title).append("\n\nSynonyms of ").append(title).append("\n\n");
    synonyms.forEach(s -> text.append("  • ").append(s).append('\n'));
    text.append("\nDisorder Subdivisions\n\n");
    subdivisions.forEach(s -> text.append("  • ").append(s).append('\n'));
    if (subdivisions.isEmpty()) {
      text.append("  • None\n");
    }
    text.append("\nGeneral Discussion\n\n").append(title).append(" is a rare disorder.\n");
    Files.writeString(dir.resolve(id + ".txt"), text);
  }

  private static List<String> ids(List<NameMatch> matches) {
    return matches.stream().map(NameMatch::id).toList();
  }

  @Test
  void theReportATitleNames_comesBeforeGroupsListingItAsASubdivision_atALowerConfidence() {
    List<NameMatch> matches = rare.resolve("Marfan syndrome");
    assertEquals(List.of("ORPHA_558", "ORPHA_139030", "ORPHA_284993"), ids(matches), matches::toString);
    assertEquals(Kind.TITLE, matches.get(0).kind());
    assertEquals(1.0, matches.get(0).confidence());
    for (NameMatch group : matches.subList(1, 3)) {
      assertEquals(Kind.SUBDIVISION, group.kind());
      assertTrue(group.confidence() < matches.get(0).confidence(), matches::toString);
    }
  }

  @Test
  void aSubtypeNamedAsItsOwnReport_comesBeforeTheDiseaseListingIt() {
    List<NameMatch> matches = rare.resolve("congenital generalized lipodystrophy type II");
    assertEquals(List.of("ORPHA_696289", "ORPHA_528"), ids(matches), matches::toString);
    assertTrue(matches.get(0).confidence() > matches.get(1).confidence(), matches::toString);
  }

  @Test
  void theWordsOfANameInAnotherOrder_resolveAsReordered_beforeTheGroup() {
    List<NameMatch> matches = rare.resolve("Lipodystrophy, congenital generalized, type 2");
    assertEquals(List.of("ORPHA_696289", "ORPHA_528"), ids(matches), matches::toString);
    assertEquals(Kind.REORDERED, matches.get(0).kind());
    assertEquals("Congenital generalized lipodystrophy type 2", matches.get(0).matchedName());
    assertTrue(matches.get(0).confidence() > matches.get(1).confidence(), matches::toString);
  }

  @Test
  void aTypoKeepsTheNumbersWritten() {
    // "CLN2" is within two edits too, but it names another disease: not a near miss.
    List<NameMatch> matches = rare.resolve("Infartile CLN1 disease");
    assertEquals(List.of("ORPHA_228329"), ids(matches), matches::toString);
    assertEquals(Kind.NEAR_MISS, matches.get(0).kind());

    // "type 23" is within an edit of "2", but it is another subtype.
    for (NameMatch match : rare.resolve("Spinocerebellar ataxia autosomal recessive 2")) {
      assertTrue(match.kind() != Kind.NEAR_MISS, () -> "resolved as a typo: " + match);
    }
  }

  @Test
  void wordsMatched_countByHowRareTheyAreAmongNames() {
    // "Schimke" names one disease; "X-linked", "mental retardation" and "syndrome" are common.
    List<NameMatch> matches = rare.resolve("Schimke X-linked mental retardation syndrome");
    assertEquals("ORPHA_85285", matches.get(0).id(), matches::toString);
    assertEquals(Kind.PARTIAL, matches.get(0).kind());
    assertTrue(matches.get(0).confidence() < 0.8, matches::toString);
  }
}
