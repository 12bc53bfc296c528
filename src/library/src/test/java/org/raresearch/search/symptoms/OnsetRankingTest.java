package org.raresearch.search.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.RankingConfig;
import org.raresearch.api.ScoredId;
import org.raresearch.api.SearchResults;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Frequency;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;
import org.raresearch.sources.ReportSource;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * Onset and course findings on a real index: three diseases with the same phenotype, one starting
 * in the newborn, one in adults, one whose onset is not stated.
 */
class OnsetRankingTest {
  @TempDir static Path tmp;
  private static Path index;
  private static final RankingConfig COURSE = RankingConfig.defaults().toBuilder().prior(RankingConfig.Prior.NONE)
      .course(new RankingConfig.Course(true, 0.5f)).build();
  private static final RankingConfig WORDS = COURSE.toBuilder().course(RankingConfig.Course.OFF).build();

  private static final String OBO = """
      format-version: 1.2
      data-version: hp/releases/2024-01-01

      [Term]
      id: HP:0000001
      name: All

      [Term]
      id: HP:0000118
      name: Phenotypic abnormality
      is_a: HP:0000001

      [Term]
      id: HP:0001250
      name: Seizure
      synonym: "Seizures" EXACT []
      is_a: HP:0000118

      [Term]
      id: HP:0031797
      name: Clinical course
      is_a: HP:0000001

      [Term]
      id: HP:0003674
      name: Onset
      is_a: HP:0031797

      [Term]
      id: HP:0003577
      name: Congenital onset
      is_a: HP:0003674

      [Term]
      id: HP:0003623
      name: Neonatal onset
      is_a: HP:0003674

      [Term]
      id: HP:0410280
      name: Pediatric onset
      is_a: HP:0003674

      [Term]
      id: HP:0011463
      name: Childhood onset
      is_a: HP:0410280

      [Term]
      id: HP:0003581
      name: Adult onset
      is_a: HP:0003674

      [Term]
      id: HP:0040006
      name: Mortality/Aging
      is_a: HP:0031797

      [Term]
      id: HP:0001522
      name: Death in infancy
      is_a: HP:0040006
      """;

  private static DiseaseReport report(String id, String title, String... onsets) {
    return new DiseaseReport(id, title, List.of(), List.of(),
        Map.of(SectionKey.of(SectionKind.GENERAL_DISCUSSION), title + " is a made-up disorder. Its name says nothing of birth or death."),
        List.of(), Optional.empty(), Optional.empty(), List.of(),
        List.of(new PhenotypeAnnotation("HP:0001250", "Seizure", Frequency.VERY_FREQUENT)),
        new DiseaseFacts(Optional.of("Disease"), List.of(), List.of(onsets), List.of()));
  }

  @BeforeAll
  static void build() throws IOException {
    HpoOntology ontology = HpoOntology.load(Files.writeString(tmp.resolve("hp.obo"), OBO));
    List<DiseaseReport> reports = List.of(
        report("ORPHA_930001", "Neonatal seizure disorder", "HP:0003623"),
        report("ORPHA_930002", "Adult seizure disorder", "HP:0003581"),
        report("ORPHA_930003", "Seizure disorder", new String[0]));
    index = tmp.resolve("index");
    try (RareSearch writer = RareSearch.open(index)) {
      writer.ingest(new ReportSource() {
        @Override
        public String origin() {
          return "fixture";
        }

        @Override
        public Optional<HpoOntology> vocabulary() {
          return Optional.of(ontology);
        }

        @Override
        public void read(Sink sink) {
          reports.forEach(sink::report);
        }
      }, IngestProgress.NONE);
    }
  }

  private static RareSearch open(RankingConfig config) {
    return RareSearch.builder(index).readOnly().ranking(config).searchTimeout(Duration.ofMinutes(1)).open();
  }

  private static List<String> ids(List<ScoredId> hits) {
    return hits.stream().map(ScoredId::id).toList();
  }

  @Test
  void plainPhrasingsOfOnsetAndDeath_areRecognisedAsCourseTerms() {
    try (RareSearch rare = open(COURSE)) {
      SearchResults results = rare.search("seizures; from birth; died as an infant; seizures since childhood", 10);
      List<RecognizedFinding> findings = results.findings();
      assertEquals("HP:0003577", findings.get(1).terms().getFirst().term().id(), "from birth: congenital onset");
      assertEquals("HP:0001522", findings.get(2).terms().getFirst().term().id(), "died as an infant: death in infancy");
      // A course phrase inside a longer finding is not read as a course term.
      assertTrue(findings.get(3).terms().stream().noneMatch(t -> t.term().id().equals("HP:0011463")), findings.get(3).toString());
      assertEquals("HP:0001250", findings.get(3).terms().getFirst().term().id());
    }
    try (RareSearch rare = open(WORDS)) {
      assertFalse(rare.search("seizures; from birth", 10).findings().get(1).recognised(), "off: words like any other");
    }
  }

  @Test
  void anOnsetFarFromTheDiseases_countsAgainstIt_andOneNearOrUnstatedDoesNot() {
    try (RareSearch rare = open(COURSE)) {
      assertEquals(List.of("ORPHA_930001", "ORPHA_930003", "ORPHA_930002"), ids(rare.rank("seizures; neonatal onset", 10)));
      // Death in infancy allows onset up to infancy: the adult disease is contradicted, the newborn one fits.
      List<ScoredId> died = rare.rank("seizures; died as an infant", 10);
      assertEquals("ORPHA_930002", died.getLast().id(), died.toString());
      // An adult onset contradicts the newborn disease instead.
      assertEquals("ORPHA_930002", rare.rank("seizures; adult onset", 10).getFirst().id());
    }
  }

  @Test
  void courseWords_leaveTheTextQuery() {
    // "birth" and "death" are in every report's text here: as words they would match all alike.
    try (RareSearch course = open(COURSE); RareSearch words = open(WORDS)) {
      float withWords = words.rank("seizures; from birth", 10).stream().filter(h -> h.id().equals("ORPHA_930003")).findFirst().orElseThrow().score();
      float without = course.rank("seizures; from birth", 10).stream().filter(h -> h.id().equals("ORPHA_930003")).findFirst().orElseThrow().score();
      float seizuresAlone = course.rank("seizures", 10).stream().filter(h -> h.id().equals("ORPHA_930003")).findFirst().orElseThrow().score();
      // Recognised, the course finding leaves the text: the disease that states no onset scores as
      // for seizures alone. As words, they are searched like any other.
      assertEquals(seizuresAlone, without, 1e-4);
      assertTrue(Math.abs(withWords - seizuresAlone) > 0.01, withWords + " vs " + seizuresAlone);
    }
  }
}
