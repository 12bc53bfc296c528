package org.raresearch.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.api.NameMatch;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.SectionKind;
import org.raresearch.testing.OpenDataIndex;
import org.raresearch.testing.SharedData;

/** The whole shared Orphanet set (and HPO annotations) imported as distributed; skipped without {@code ../shared}. */
class SharedOpenDataImportTest {

  /** Counts what a source gives without keeping it. */
  private static final class Counter implements ReportSource.Sink {
    int reports;
    int withFindings;
    int rejected;
    DiseaseReport marfan;

    @Override
    public void report(DiseaseReport report) {
      reports++;
      if (!Finding.listedIn(report.section(SectionKind.SIGNS_AND_SYMPTOMS)).isEmpty()) {
        withFindings++;
      }
      if (report.id().equals("ORPHA_558")) {
        marfan = report;
      }
    }

    @Override
    public void rejected(String position, String reason, String reportId) {
      rejected++;
    }

    @Override
    public void progress(long done, long total) {}
  }

  @Test
  void sharedOrphanetArchive_importsEveryEntity() throws Exception {
    Path archive = SharedData.require("data/raw/orphanet/orphapacket_json_2025-12.tar.gz");
    Counter counter = new Counter();
    new OrphanetSource(archive).read(counter);
    assertEquals(9_960, counter.reports);
    assertEquals(4_335, counter.withFindings);
    assertEquals(0, counter.rejected);

    OpenDataIndex.Imported imported = OpenDataIndex.get();
    assertEquals(9_960, imported.orphanet().added(), imported.orphanet().describe());
    try (RareSearch rare = RareSearch.open(imported.path())) {
      // The shared index holds the annotations' reports too.
      assertEquals(9_960 + imported.hpo().added(), rare.count());

      DiseaseReport marfan = rare.get("ORPHA_558").orElseThrow();
      assertEquals(counter.marfan, marfan);
      assertEquals("Marfan syndrome", marfan.title());
      assertTrue(marfan.synonyms().contains("MFS"));
      assertEquals(List.of("Marfan syndrome type 1", "Marfan syndrome type 2"), marfan.subdivisions());
      assertTrue(marfan.section(SectionKind.CAUSES).startsWith("Inheritance: Autosomal dominant."));
      assertTrue(marfan.section(SectionKind.SIGNS_AND_SYMPTOMS).startsWith("Very frequent (99-80%): disproportionate tall stature"));
      assertEquals("ORPHA_558", rare.resolve("MFS").get(0).id());
      assertTrue(rare.search("disproportionate tall stature, arachnodactyly, ectopia lentis, aortic root aneurysm", 10)
          .hits().stream().anyMatch(h -> h.id().equals("ORPHA_558")));
      assertEquals("Cystic fibrosis", rare.get("ORPHA_586").orElseThrow().title());
      assertTrue(rare.get("ORPHA_365").orElseThrow().synonyms().contains("Pompe disease"));

      assertEquals(9_960, rare.ingest(new OrphanetSource(archive), IngestProgress.NONE).unchanged());
    }
  }

  @Test
  void sharedHpoAnnotations_importEveryDisease_linkedToOrphanet() throws Exception {
    OpenDataIndex.Imported imported = OpenDataIndex.get();
    IngestResult result = imported.hpo();
    // 8,297 OMIM + 4,262 ORPHA + 47 DECIPHER diseases.
    assertEquals(12_606, result.added(), result.describe());
    assertEquals(0, result.rejectedCount(), result.describe());
    try (RareSearch rare = RareSearch.builder(imported.path()).readOnly().open()) {
      // Orphanet's report, the HPO's annotations under its code and those of the OMIM disease
      // Orphanet maps it to exactly: one disease, named by the Orphanet report.
      List<NameMatch> matches = rare.resolve("Cystic fibrosis");
      NameMatch cf = matches.stream().filter(m -> m.id().equals("ORPHA_586")).findFirst().orElseThrow(() -> new AssertionError(matches.toString()));
      assertEquals(List.of("ORPHA_586", "HPO_ORPHA_586", "OMIM_219700"), cf.sourceIds());
      assertTrue(matches.stream().filter(m -> m != cf).noneMatch(m -> cf.sourceIds().contains(m.id())), matches.toString());
    }
  }
}
