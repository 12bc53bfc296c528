package org.raresearch.search.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.PriorScore;
import org.raresearch.api.RankingConfig;
import org.raresearch.api.ScoredId;
import org.raresearch.api.SearchHit;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Frequency;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;
import org.raresearch.sources.ReportSource;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.HpoOntology;

/**
 * The disease prior on a real index: three diseases with the same annotated phenotype, one common,
 * one known from a few cases, one a group of disorders.
 */
class PriorRankingTest {
  @TempDir static Path tmp;
  private static Path index;
  private static final RankingConfig WITH_PRIOR = RankingConfig.defaults().toBuilder().prior(new RankingConfig.Prior(0.2f, 1f)).build();
  private static final RankingConfig WITHOUT = RankingConfig.defaults().toBuilder().prior(RankingConfig.Prior.NONE).build();

  private static DiseaseReport report(String id, String title, String type, DiseaseFacts.Prevalence... prevalences) {
    return new DiseaseReport(id, title, List.of(), List.of(),
        Map.of(SectionKey.of(SectionKind.GENERAL_DISCUSSION), title + " is a made-up disorder of gait."),
        List.of(), Optional.empty(), Optional.empty(), List.of(),
        List.of(new PhenotypeAnnotation("HP:0001251", "Ataxia", Frequency.VERY_FREQUENT)),
        new DiseaseFacts(Optional.of(type), List.of(prevalences), List.of(), List.of()));
  }

  @BeforeAll
  static void build() throws IOException {
    HpoOntology ontology = PhenotypeFixtures.ontology(tmp);
    List<DiseaseReport> reports = List.of(
        report("ORPHA_920001", "Vargo disease", "Disease", new DiseaseFacts.Prevalence("Unknown", "Cases/families", "Worldwide")),
        report("ORPHA_920002", "Tellan disease", "Disease",
            new DiseaseFacts.Prevalence("1-9 / 1 000 000", "Point prevalence", "France"),
            new DiseaseFacts.Prevalence("1-5 / 10 000", "Point prevalence", "Europe")),
        report("ORPHA_920000", "Disorders of gait", "Clinical group"));
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

  @Test
  void theCommonerDisease_ranksFirst_andTheGroupLast() {
    try (RareSearch without = open(WITHOUT); RareSearch with = open(WITH_PRIOR)) {
      List<ScoredId> plain = without.rank("ataxia", 10);
      assertEquals(3, plain.size());
      // Alike by their findings: the group (its id first) leads, the two disorders tie.
      assertEquals("ORPHA_920000", plain.getFirst().id(), plain.toString());
      assertEquals(plain.get(1).score(), plain.get(2).score(), 1e-4);
      assertEquals(List.of("ORPHA_920002", "ORPHA_920001", "ORPHA_920000"), with.rank("ataxia", 10).stream().map(ScoredId::id).toList());
    }
  }

  @Test
  void aQueryNamingTheGroup_findsTheGroupFirst() {
    try (RareSearch with = open(WITH_PRIOR)) {
      assertEquals("ORPHA_920000", with.rank("Disorders of gait", 10).getFirst().id());
    }
  }

  @Test
  void eachHit_saysWhatItsPriorAdded() {
    try (RareSearch with = open(WITH_PRIOR); RareSearch without = open(WITHOUT)) {
      List<SearchHit> hits = with.search("ataxia", 10).hits();
      PriorScore common = hits.getFirst().prior().orElseThrow();
      assertEquals(Optional.of("Disease"), common.disorderType());
      assertEquals(3e-4, common.prevalence().getAsDouble(), 1e-12, "the European estimate, not a country's");
      assertEquals(0.2 * Math.log(3e-4 / 1e-8) + 1, common.score(), 0.01, "at the precision the index keeps");
      PriorScore group = hits.getLast().prior().orElseThrow();
      assertTrue(group.group());
      assertTrue(group.prevalence().isEmpty());
      assertEquals(0.2 * Math.log(1e-6 / 1e-8), group.score(), 0.01, "the default prevalence, and no diagnosis score");
      // What the explanation says is what the score holds.
      float plain = without.search("ataxia", 10).hits().stream().filter(h -> h.id().equals("ORPHA_920002")).findFirst().orElseThrow().score();
      assertEquals(plain + common.score(), hits.getFirst().score(), 1e-3);
      assertTrue(without.search("ataxia", 10).hits().stream().allMatch(h -> h.prior().isEmpty()));
    }
  }
}
