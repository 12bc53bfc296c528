package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.UnindexableReportException;
import org.raresearch.report.NordReportParser;
import org.raresearch.sources.ReportFolder;
import org.raresearch.testing.SharedData;

class ReportIndexerTest {

  private static String report(String title, String synonym, String symptoms) {
    return title + "\n\nSynonyms of " + title + "\n\n  • " + synonym + "\n\nGeneral Discussion\n\n" + title
        + " is a rare disorder.\n\nSigns & Symptoms\n\n" + symptoms + "\n";
  }

  @Test
  void sync_isIncremental_updatingChangedFiles_deletingRemovedOnes_skippingTheRest(@TempDir Path tmp) throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Files.writeString(reports.resolve("a.txt"), report("Alpha disease", "AD", "Fever and rash."));
    Files.writeString(reports.resolve("b.txt"), report("Beta disease", "BD", "Joint pain."));
    Files.writeString(reports.resolve("c.txt"), report("Gamma disease", "GD", "Hair loss."));
    Path index = tmp.resolve("index");
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      IngestResult first = Ingest.run(indexer, new ReportFolder(reports), IngestProgress.NONE);
      assertEquals(List.of(3, 0, 0, 0), List.of(first.added(), first.updated(), first.unchanged(), first.deleted()));

      Files.writeString(reports.resolve("b.txt"), report("Beta disease", "BD", "Severe itching."));
      Files.delete(reports.resolve("c.txt"));
      Files.writeString(reports.resolve("d.txt"), "");
      IngestResult second = Ingest.run(indexer, new ReportFolder(reports), IngestProgress.NONE);
      assertEquals(List.of(0, 1, 1, 1), List.of(second.added(), second.updated(), second.unchanged(), second.deleted()));
      assertEquals(1, second.rejected().size());
      assertTrue(second.rejected().get(0).toString().contains("d.txt"));
      assertEquals(2, indexer.count());
    }
    try (RareSearch rare = RareSearch.builder(index).readOnly().open()) {
      assertEquals(2, rare.count());
      assertTrue(rare.get("c").isEmpty());
      assertTrue(rare.get("b").orElseThrow().section(org.raresearch.report.SectionKind.SIGNS_AND_SYMPTOMS).contains("itching"));
      assertEquals("b", rare.search("itching", 5).hits().get(0).id());
    }
  }

  @Test
  void aBulkSync_leavesOneSegment_aSmallUpdateLeavesTheRestAsTheyAre(@TempDir Path tmp) throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    for (Path file : org.raresearch.report.ReportDirectory.reportFiles(SharedData.bundledReports())) {
      Files.copy(file, reports.resolve(file.getFileName()));
    }
    Path index = tmp.resolve("index");
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      for (int i = 0; i < 3; i++) { // several commits, several segments, before the merge
        indexer.update(new NordReportParser().parse("extra" + i, report("Extra disease " + i, "ED" + i, "Odd toes.")).report());
        indexer.commit();
      }
      Ingest.run(indexer, new ReportFolder(reports), IngestProgress.NONE);
    }
    try (var reader = org.apache.lucene.index.DirectoryReader.open(FSDirectory.open(index))) {
      assertEquals(1, reader.leaves().size(), "one segment after a bulk sync");
    }
    Files.writeString(reports.resolve("zz-new.txt"), report("Zeta disease", "ZD", "Blue nails."));
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      assertEquals(1, Ingest.run(indexer, new ReportFolder(reports), IngestProgress.NONE).added());
    }
    try (var reader = org.apache.lucene.index.DirectoryReader.open(FSDirectory.open(index))) {
      assertTrue(reader.leaves().size() > 1, "one new report is not worth rewriting the index");
    }
  }

  @Test
  void get_returnsTheReportAsParsed(@TempDir Path tmp) throws Exception {
    Path file = SharedData.bundledReports().resolve("dermatomyositis.txt");
    var parsed = new NordReportParser().parse(file).report();
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.update(parsed);
      assertEquals(parsed, rare.get("dermatomyositis").orElseThrow());
    }
  }

  @Test
  void reportWithANameOverLucenesTermLimit_isRefused_andTheIndexStaysUsable(@TempDir Path tmp) throws Exception {
    Path index = tmp.resolve("index");
    var parser = new NordReportParser();
    try (RareSearch rare = RareSearch.open(index)) {
      rare.update(parser.parse("x", report("Xeno disease", "XD", "Purple toes.")).report());
      for (String name : List.of("Long" + "g".repeat(40_000), "Long " + "word ".repeat(8_000))) {
        var huge = parser.parse("y", report("Yellow disease", name, "Yellow toes.")).report();
        UnindexableReportException e = assertThrows(UnindexableReportException.class, () -> rare.update(huge));
        assertTrue(e.getMessage().startsWith("report y cannot be indexed: an id, name or finding of it is longer than"), e.getMessage());
      }
      rare.commit();
    }
    try (RareSearch reopened = RareSearch.builder(index).readOnly().open()) {
      assertEquals(1, reopened.count());
      assertEquals("x", reopened.search("purple toes", 3).hits().get(0).id());
      assertTrue(reopened.get("y").isEmpty());
    }
  }

  @Test
  void updatesAndDeletes_areSeenBySearchesAtOnce_beforeCommit(@TempDir Path tmp) throws Exception {
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      var parser = new NordReportParser();
      rare.update(parser.parse("x", report("Xeno disease", "XD", "Purple toes.")).report());
      assertEquals("x", rare.search("purple toes", 3).hits().get(0).id());
      rare.update(parser.parse("x", report("Xeno disease", "XD", "Green fingers.")).report());
      assertTrue(rare.search("purple toes", 3).hits().isEmpty());
      assertEquals(1, rare.count());
      rare.delete("x");
      assertEquals(0, rare.count());
    }
  }

  @Test
  void secondWriter_getsIndexInUse(@TempDir Path tmp) throws Exception {
    Path index = tmp.resolve("index");
    try (ReportIndexer first = ReportIndexer.open(index)) {
      first.commit();
      IndexAccessException e = assertThrows(IndexAccessException.class, () -> ReportIndexer.open(index));
      assertEquals(IndexAccessException.Reason.IN_USE, e.reason());
      assertTrue(e.getMessage().contains("in use"), e.getMessage());
    }
  }

  @Test
  void indexOfAnotherSchema_isAClearError(@TempDir Path tmp) throws Exception {
    Path index = tmp.resolve("index");
    try (var dir = FSDirectory.open(index); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of(IndexSchema.VERSION_KEY, "0").entrySet());
      writer.commit();
    }
    IndexAccessException e = assertThrows(IndexAccessException.class, () -> ReportIndexer.open(index));
    assertEquals(IndexAccessException.Reason.SCHEMA_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("schema version 0"), e.getMessage());
    IndexAccessException readOnly = assertThrows(IndexAccessException.class, () -> RareSearch.builder(index).readOnly().open());
    assertEquals(IndexAccessException.Reason.SCHEMA_MISMATCH, readOnly.reason());
  }

  @Test
  void missingIndex_readOnly_isAClearError(@TempDir Path tmp) {
    IndexAccessException e = assertThrows(IndexAccessException.class, () -> RareSearch.builder(tmp.resolve("none")).readOnly().open());
    assertEquals(IndexAccessException.Reason.MISSING, e.reason());
  }

  @Test
  void closeWithoutCommit_rollsBackToTheLastCommit(@TempDir Path tmp) throws Exception {
    Path index = tmp.resolve("index");
    var parser = new NordReportParser();
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      indexer.update(parser.parse("kept", report("Kept disease", "KD", "Fever.")).report());
      indexer.commit();
      indexer.update(parser.parse("lost", report("Lost disease", "LD", "Fever.")).report());
    }
    try (RareSearch rare = RareSearch.builder(index).readOnly().open()) {
      assertEquals(1, rare.count());
      assertTrue(rare.get("kept").isPresent());
    }
  }
}
