package org.raresearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.LoadSummary;
import org.raresearch.report.ParsedReport;
import org.raresearch.report.ReportDirectory;
import org.raresearch.report.SectionKind;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.SharedData;

class CorpusGeneratorTest {

  @Test
  void generatedReports_allParse_withTitlesSectionsAndNamesFromTheSeeds(@TempDir Path target) throws Exception {
    CorpusGenerator generator = CorpusGenerator.from(SharedData.bundledReports());
    generator.write(target, 60, 7);
    LoadSummary loaded = ReportDirectory.load(target);
    assertEquals(List.of(), loaded.rejected());
    assertEquals(60, loaded.reports().size());
    Set<String> seedText = new HashSet<>();
    for (ParsedReport seed : ReportDirectory.load(SharedData.bundledReports()).reports()) {
      seedText.add(seed.report().section(SectionKind.GENERAL_DISCUSSION));
    }
    Set<String> titles = new HashSet<>();
    for (ParsedReport parsed : loaded.reports()) {
      DiseaseReport report = parsed.report();
      titles.add(report.title());
      assertFalse(report.sections().isEmpty(), report.id());
      // Recombined, not copied: no generated discussion is a seed's whole discussion.
      String discussion = report.section(SectionKind.GENERAL_DISCUSSION);
      assertTrue(discussion.isEmpty() || !seedText.contains(discussion), report.id());
    }
    assertTrue(titles.size() > 40, "titles should vary: " + titles);
  }

  @Test
  void sameSeed_sameReports_andASmallerCorpusIsTheStartOfALargerOne(@TempDir Path dir) throws Exception {
    CorpusGenerator generator = CorpusGenerator.from(SharedData.bundledReports());
    generator.write(dir.resolve("a"), 30, 11);
    generator.write(dir.resolve("b"), 10, 11);
    generator.write(dir.resolve("c"), 10, 12);
    for (int i = 0; i < 10; i++) {
      String name = CorpusGenerator.fileName(i);
      assertEquals(Files.readString(dir.resolve("a").resolve(name)), Files.readString(dir.resolve("b").resolve(name)));
    }
    assertNotEquals(
        Files.readString(dir.resolve("b").resolve(CorpusGenerator.fileName(0))),
        Files.readString(dir.resolve("c").resolve(CorpusGenerator.fileName(0))));
    assertEquals(generator.title(3, 11), ReportDirectory.load(dir.resolve("a")).reports().get(3).report().title());
  }

  @Test
  void seedListingFindingsOfUnknownFrequency_isRecombinedLikeAnyOther(@TempDir Path dir) throws Exception {
    Path seeds = Files.createDirectories(dir.resolve("seeds"));
    Files.writeString(seeds.resolve("OMIM_100100.txt"), """
        Alpha syndrome

        Signs & Symptoms

        Frequency unknown: ataxia, seizure, broad-based gait.
        """);
    CorpusGenerator generator = CorpusGenerator.from(seeds);
    generator.write(dir.resolve("out"), 5, 1);
    for (ParsedReport parsed : ReportDirectory.load(dir.resolve("out")).reports()) {
      List<Finding> findings = Finding.listedIn(parsed.report().section(SectionKind.SIGNS_AND_SYMPTOMS));
      assertFalse(findings.isEmpty(), parsed.report().id());
      assertTrue(findings.stream().allMatch(f -> f.frequency() == Frequency.UNKNOWN), findings.toString());
    }
  }

  @Test
  void findingsListedInTheSeeds_areListedInGeneratedReports_andMakeTheSymptomQueries(@TempDir Path target) throws Exception {
    CorpusGenerator generator = CorpusGenerator.from(SharedData.require("eval/corpus"));
    generator.write(target, 40, 3);
    int listing = 0;
    for (ParsedReport parsed : ReportDirectory.load(target).reports()) {
      if (!Finding.listedIn(parsed.report().section(SectionKind.SIGNS_AND_SYMPTOMS)).isEmpty()) {
        listing++;
      }
    }
    // About 43% of the shared seed reports list their findings by frequency; the rest are prose.
    assertTrue(listing >= 8 && listing <= 32, "reports listing findings: " + listing + " of 40");
    BenchQueries queries = BenchQueries.generate(generator, 40, 3, 25);
    for (String query : queries.of(BenchQueries.symptoms(8))) {
      assertEquals(8, query.split(", ").length, query);
    }
    assertEquals(25, queries.of(BenchQueries.NAME).size());
  }

  @Test
  void answerableQueries_areAllAnswered_andFewAreLeftOut() throws Exception {
    // Prose seeds: symptom queries are two-word phrases of their text, some of which the library
    // refuses ("with their": stop words only; "without support": only findings the patient lacks).
    CorpusGenerator generator = CorpusGenerator.from(SharedData.bundledReports());
    BenchQueries generated = BenchQueries.generate(generator, 120, 42, 1000);
    try (RareSearch rare = BundledIndex.open()) {
      BenchQueries answerable = generated.answerableBy(rare);
      for (String kind : BenchQueries.kinds()) {
        List<String> kept = answerable.of(kind);
        assertTrue(kept.size() >= 950 && kept.size() <= 1000, kind + ": " + kept.size() + " of 1000 kept");
        for (String query : kept) {
          BenchQueries.answer(rare, kind, query, 10);
        }
      }
      assertTrue(answerable.of(BenchQueries.symptoms(1)).size() < 1000, "the refused phrases are left out");
    }
  }
}
