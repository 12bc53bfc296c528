package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.api.NameMatch;
import org.raresearch.api.ScoredId;
import org.raresearch.api.SearchHit;
import org.raresearch.errors.InputFileException;
import org.raresearch.report.Finding;
import org.raresearch.report.SectionKind;
import org.raresearch.sources.HpoAnnotationSource;
import org.raresearch.sources.OpenDataFixtures;
import org.raresearch.sources.OrphanetSource;
import org.raresearch.testing.SharedData;
import org.raresearch.vocabulary.HpoOntology;

/** Ingests open data into real indexes on disk, beside report files, and what search and resolve make of them. */
class IngestTest {

  private static Path packets(Path dir) throws IOException {
    return OpenDataFixtures.packetDirectory(dir, Map.of(
        "ORPHApacket_900001.json", OpenDataFixtures.LISTS_PACKET,
        "ORPHApacket_900002.json", OpenDataFixtures.OBJECTS_PACKET,
        "ORPHApacket_900003.json", OpenDataFixtures.BARE_PACKET));
  }

  private static List<Integer> counts(IngestResult r) {
    return List.of(r.added(), r.updated(), r.unchanged(), r.deleted(), r.rejectedCount());
  }

  @Test
  void reimport_updatesWhatChanged_deletesWhatDisappeared_andLeavesReportFilesAlone(@TempDir Path tmp) throws Exception {
    Path dir = packets(tmp.resolve("json"));
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      IngestResult files = rare.sync(SharedData.bundledReports());
      int reportFiles = files.added();
      OrphanetSource source = new OrphanetSource(dir);
      assertEquals(List.of(3, 0, 0, 0, 0), counts(rare.ingest(source, IngestProgress.NONE)));
      assertEquals(List.of(0, 0, 3, 0, 0), counts(rare.ingest(source, IngestProgress.NONE)));

      Files.writeString(dir.resolve("ORPHApacket_900001.json"), OpenDataFixtures.LISTS_PACKET.replace("Seizure", "Tremor"));
      Files.delete(dir.resolve("ORPHApacket_900003.json"));
      assertEquals(List.of(0, 1, 1, 1, 0), counts(rare.ingest(source, IngestProgress.NONE)));
      assertEquals(reportFiles + 2, rare.count());
      assertTrue(rare.get("ORPHA_900003").isEmpty());
      assertEquals("ORPHA_900001", rare.search("tremor", 1).hits().get(0).id());

      // Re-syncing the report files keeps the imported reports, and the import keeps the files' reports.
      IngestResult again = rare.sync(SharedData.bundledReports());
      assertEquals(0, again.deleted());
      assertEquals(reportFiles + 2, rare.count());
      assertTrue(rare.get("dermatomyositis").isPresent());
    }
  }

  @Test
  void badPacket_keepsTheEarlierVersionOfItsReport(@TempDir Path tmp) throws Exception {
    Path dir = packets(tmp.resolve("json"));
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      OrphanetSource source = new OrphanetSource(dir);
      rare.ingest(source, IngestProgress.NONE);
      Files.writeString(dir.resolve("ORPHApacket_900002.json"), "{\"Orphapacket\": {\"ORPHAcode\": ");
      IngestResult result = rare.ingest(source, IngestProgress.NONE);
      assertEquals(List.of(0, 0, 2, 0, 1), counts(result));
      assertTrue(result.rejected().get(0).position().contains("ORPHApacket_900002.json:1:"), result.describe());
      assertEquals("Beta syndrome", rare.get("ORPHA_900002").orElseThrow().title());
    }
  }

  @Test
  void failedRead_deletesNothing(@TempDir Path tmp) throws Exception {
    Path archive = OpenDataFixtures.tarGz(tmp.resolve("packets.tar.gz"), List.of(
        Map.entry("ORPHApacket_900001.json", OpenDataFixtures.LISTS_PACKET),
        Map.entry("ORPHApacket_900002.json", OpenDataFixtures.OBJECTS_PACKET)));
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.ingest(new OrphanetSource(archive), IngestProgress.NONE);
      Files.write(archive, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
      assertThrows(InputFileException.class, () -> rare.ingest(new OrphanetSource(archive), IngestProgress.NONE));
      assertEquals(2, rare.count());
    }
  }

  @Test
  void reportOfAnotherOrigin_isNotOverwritten(@TempDir Path tmp) throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Files.writeString(reports.resolve("ORPHA_900003.txt"), "Rare eye disease, as a report file\n\nGeneral Discussion\n\nA file.\n");
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.sync(reports);
      IngestResult result = rare.ingest(new OrphanetSource(packets(tmp.resolve("json"))), IngestProgress.NONE);
      assertEquals(List.of(2, 0, 0, 0, 1), counts(result));
      assertEquals("report ORPHA_900003 is already in the index from a report file; it is left as it is", result.rejected().get(0).reason());
      assertEquals("Rare eye disease, as a report file", rare.get("ORPHA_900003").orElseThrow().title());
    }
  }

  @Test
  void reportFileWithAnImportedId_isRejected_andTheImportedReportKept(@TempDir Path tmp) throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.ingest(new OrphanetSource(packets(tmp.resolve("json"))), IngestProgress.NONE);
      String importedTitle = rare.get("ORPHA_900001").orElseThrow().title();
      Path file = Files.writeString(reports.resolve("ORPHA_900001.txt"), "Another disease\n\nGeneral Discussion\n\nA file.\n");
      Files.writeString(reports.resolve("own-report.txt"), "Own disease\n\nGeneral Discussion\n\nA file.\n");

      IngestResult result = rare.sync(reports);
      assertEquals(1, result.added());
      assertEquals(1, result.rejected().size());
      assertEquals(file.toString(), result.rejected().get(0).position());
      assertTrue(result.rejected().get(0).reason().contains("imported from orphanet"), result.rejected().get(0).reason());
      assertEquals(importedTitle, rare.get("ORPHA_900001").orElseThrow().title());
      assertTrue(rare.get("own-report").isPresent());
    }
  }

  @Test
  void linkedSources_resolveAsOneDisease_listingEveryReport(@TempDir Path tmp) throws Exception {
    try (RareSearch rare = withBothSources(tmp)) {
      assertEquals(6, rare.count());

      // OMIM:100100 is Alpha syndrome's exact mapping; HPO_ORPHA_900002 is Orphanet's ORPHA:900002.
      List<NameMatch> alpha = rare.resolve("Alpha syndrome");
      assertEquals(1, alpha.size(), alpha.toString());
      assertEquals(List.of("ORPHA_900001", "OMIM_100100"), alpha.get(0).sourceIds());
      List<NameMatch> beta = rare.resolve("Beta syndrome");
      assertEquals(1, beta.size(), beta.toString());
      assertEquals(List.of("ORPHA_900002", "HPO_ORPHA_900002"), beta.get(0).sourceIds());
      // Not linked: a broader mapping is not the same disease.
      assertEquals(List.of("DECIPHER_7"), rare.resolve("Gamma deletion syndrome").get(0).sourceIds());

      // The findings of the annotations are searchable like any report's.
      assertEquals(
          List.of(new Finding("broad-based gait", org.raresearch.report.Frequency.OBLIGATE), new Finding("seizure", org.raresearch.report.Frequency.EXCLUDED)),
          Finding.listedIn(rare.get("HPO_ORPHA_900002").orElseThrow().section(SectionKind.SIGNS_AND_SYMPTOMS)));
      assertTrue(rare.search("ataxia", 10).hits().stream().anyMatch(h -> h.sourceIds().contains("DECIPHER_7")));
      // The ontology instance the import used also serves the queries: "fits" is the lay name of Seizure.
      assertTrue(rare.search("fits", 10).hits().stream().anyMatch(h -> h.sourceIds().contains("ORPHA_900001")));
    }
  }

  @Test
  void linkedSources_rankAndSearchAsOneDisease_namedByItsOrphanetReport(@TempDir Path tmp) throws Exception {
    try (RareSearch rare = withBothSources(tmp)) {
      String query = "seizure, ataxia";
      // Alpha syndrome's Orphanet report and its OMIM annotations are one disease, ranked once under
      // the Orphanet report's id.
      List<String> ranked = rare.rank(query, 10).stream().map(ScoredId::id).toList();
      assertTrue(ranked.contains("ORPHA_900001"), ranked.toString());
      assertFalse(ranked.contains("OMIM_100100"), ranked.toString());

      List<SearchHit> hits = rare.search(query, 10).hits();
      SearchHit alpha = hits.stream().filter(h -> h.id().equals("ORPHA_900001")).findFirst().orElseThrow();
      assertEquals(List.of("ORPHA_900001", "OMIM_100100"), alpha.sourceIds());
      assertEquals(ranked, hits.stream().map(SearchHit::id).toList());
      List<String> shown = hits.stream().flatMap(h -> h.sourceIds().stream()).toList();
      assertEquals(shown.size(), Set.copyOf(shown).size(), "a report is shown twice: " + hits);
    }
  }

  /**
   * An index holding the fixture packets and the fixture annotations, imported with one ontology
   * instance that also serves the queries; checks what the annotation import did.
   */
  private static RareSearch withBothSources(Path tmp) throws IOException {
    Path obo = Files.writeString(tmp.resolve("hp.obo"), OpenDataFixtures.OBO);
    Path annotations = Files.writeString(tmp.resolve("phenotype.hpoa"), OpenDataFixtures.HPOA);
    HpoOntology hpo = HpoOntology.load(obo);
    RareSearch rare = RareSearch.builder(tmp.resolve("index")).withoutDefaultSynonyms().hpo(hpo).open();
    try {
      rare.ingest(new OrphanetSource(packets(tmp.resolve("json"))), IngestProgress.NONE);
      IngestResult result = rare.ingest(new HpoAnnotationSource(annotations, hpo), IngestProgress.NONE);
      assertEquals(List.of(3, 0, 0, 0, 2), counts(result));
      return rare;
    } catch (IOException | RuntimeException | Error e) {
      rare.close();
      throw e;
    }
  }
}
