package org.raresearch.search.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.raresearch.RareSearch;
import org.raresearch.analysis.NameKeys;
import org.raresearch.api.NameMatch;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.ParsedReport;
import org.raresearch.report.ReportDirectory;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.SharedData;

/** Name resolution over the bundled corpus, indexed for real. */
class ResolveBundledNamesTest {
  private static RareSearch rare;
  private static List<DiseaseReport> reports;

  @BeforeAll
  static void open() throws IOException {
    rare = BundledIndex.open();
    reports = ReportDirectory.load(SharedData.bundledReports()).reports().stream().map(ParsedReport::report).toList();
  }

  @AfterAll
  static void close() throws IOException {
    rare.close();
  }

  @Test
  void everyTitleAndSynonym_resolvesToItsReportFirst_orToAllReportsSharingIt() {
    Map<String, Set<String>> owners = new HashMap<>();
    for (DiseaseReport report : reports) {
      for (String name : report.names()) {
        owners.computeIfAbsent(NameKeys.of(name), k -> new TreeSet<>()).add(report.id());
      }
    }
    int checked = 0;
    for (DiseaseReport report : reports) {
      List<String> names = new java.util.ArrayList<>(report.synonyms());
      names.add(0, report.title());
      for (String name : names) {
        Set<String> expected = owners.get(NameKeys.of(name));
        List<NameMatch> matches = rare.resolve(name, 20);
        Set<String> top = new HashSet<>();
        for (NameMatch m : matches.subList(0, Math.min(expected.size(), matches.size()))) {
          top.add(m.id());
        }
        assertEquals(expected, new TreeSet<>(top), () -> "\"" + name + "\" resolved to " + matches);
        checked++;
      }
    }
    assertTrue(checked > 150, "checked " + checked + " names");
  }

  @Test
  void longNameWithATypoOrASwap_resolvesToItsReportFirst_asNearMiss() {
    int checked = 0;
    for (DiseaseReport report : reports) {
      String title = report.title();
      if (title.length() < 24 || !title.contains(" ")) {
        continue;
      }
      int middle = title.length() / 2;
      while (!Character.isLetter(title.charAt(middle)) || !Character.isLetter(title.charAt(middle + 1))) {
        middle++;
      }
      char other = Character.toLowerCase(title.charAt(middle)) == 'x' ? 'q' : 'x';
      String typo = title.substring(0, middle) + other + title.substring(middle + 1);
      String swap = title.substring(0, middle) + title.charAt(middle + 1) + title.charAt(middle) + title.substring(middle + 2);
      for (String misspelt : List.of(typo, swap)) {
        if (NameKeys.of(misspelt).equals(NameKeys.of(title))) {
          continue; // a swap of two equal letters changes nothing
        }
        List<NameMatch> matches = rare.resolve(misspelt, 5);
        assertFalse(matches.isEmpty(), () -> "\"" + misspelt + "\" resolved to nothing");
        assertEquals(report.id(), matches.get(0).id(), () -> "\"" + misspelt + "\" resolved to " + matches);
        assertEquals(NameMatch.Kind.NEAR_MISS, matches.get(0).kind(), () -> "\"" + misspelt + "\": " + matches);
        checked++;
      }
    }
    assertTrue(checked > 20, "checked " + checked + " names");
  }

  @Test
  void sharedAbbreviation_returnsEveryReport_asAbbreviation() {
    List<NameMatch> matches = rare.resolve("IIM");
    assertEquals(Set.of("dermatomyositis", "polymyositis"), Set.copyOf(matches.stream().map(NameMatch::id).toList()));
    matches.forEach(m -> assertEquals(NameMatch.Kind.ABBREVIATION, m.kind()));
    matches.forEach(m -> assertEquals(1.0, m.confidence()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ADM | dermatomyositis | ABBREVIATION",
        "juvenile dermatomyositis | dermatomyositis | SYNONYM",
        "dermatomyocitis | dermatomyositis | NEAR_MISS",
        "Sjogren syndrome | sjogren-syndrome | TITLE",
        "sjögren's syndrome | sjogren-syndrome | TITLE",
        "Ehlers Danlos syndrome | ehlers-danlos-syndrome | TITLE",
        "glycogen storage disease type 2 | pompe-disease | SYNONYM",
        "behcets disease | behcet-disease | TITLE",
        "GUILLAIN BARRE SYNDROME | guillain-barre-syndrome | TITLE",
        "Werdnig-Hoffman disease | spinal-muscular-atrophy | NEAR_MISS",
        "Marfan | marfan-syndrome | PARTIAL"
      })
  void nameVariations_resolveFirst(String name, String id, NameMatch.Kind kind) {
    List<NameMatch> matches = rare.resolve(name);
    assertFalse(matches.isEmpty(), name);
    assertEquals(id, matches.get(0).id(), () -> name + " -> " + matches);
    assertEquals(kind, matches.get(0).kind(), () -> name + " -> " + matches);
    assertTrue(matches.get(0).confidence() > 0.3 && matches.get(0).confidence() <= 1.0);
  }

  @Test
  void exactSpelling_isSurerThanANormalisedOne() {
    assertEquals(1.0, rare.resolve("Dermatomyositis").get(0).confidence());
    assertTrue(rare.resolve("DERMATOMYOSITIS").get(0).confidence() < 1.0);
  }

  @Test
  void genericWordsAlone_doNotMakeACandidate() {
    List<NameMatch> matches = rare.resolve("Werdnig-Hoffman disease");
    assertEquals(List.of("spinal-muscular-atrophy"), matches.stream().map(NameMatch::id).toList());
  }

  @Test
  void unknownName_resolvesToNothing() {
    assertEquals(List.of(), rare.resolve("zzqx"));
  }
}
