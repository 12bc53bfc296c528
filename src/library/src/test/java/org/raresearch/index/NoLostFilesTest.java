package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.testing.FolderSnapshot;
import org.raresearch.testing.SharedData;

/**
 * Writing an index creates, replaces or deletes only files of an index RareSearch owns: a folder of
 * anything else is refused by every entry point, with a message that names it and says why, and is
 * left byte for byte as it was.
 */
class NoLostFilesTest {

  private static List<Executable> everyEntryPoint(Path folder) {
    return List.of(
        () -> RareSearch.open(folder).close(),
        () -> RareSearch.builder(folder).open().close(),
        () -> RareSearch.builder(folder).rebuild().open().close(),
        () -> RareSearch.builder(folder).readOnly().open().close(),
        () -> RareSearch.builder(folder).derivedFrom(SharedData.bundledReports(), IngestProgress.NONE).readOnly().open().close(),
        () -> ReportIndexer.open(folder).close(),
        () -> ReportIndexer.rebuild(folder).close(),
        () -> IndexFolder.recordedSource(folder));
  }

  @Test
  void folderOfUserFiles_isRefusedByEveryEntryPoint_andLeftByteForByte(@TempDir Path tmp) {
    Path folder = FolderSnapshot.userFiles(tmp.resolve("documents"));
    assertRefusedByEveryEntryPoint(folder, "folder " + folder + " holds ");
  }

  /** Every entry point refuses the folder as not RareSearch's, never suggests a rebuild, and leaves it as it was. */
  private static void assertRefusedByEveryEntryPoint(Path folder, String mustContain) {
    Map<Path, byte[]> before = FolderSnapshot.of(folder);
    for (Executable entry : everyEntryPoint(folder)) {
      IndexAccessException e = assertThrows(IndexAccessException.class, entry);
      assertEquals(IndexAccessException.Reason.FOREIGN, e.reason(), e.getMessage());
      assertTrue(e.getMessage().contains(mustContain), e.getMessage());
      assertFalse(e.getMessage().contains("--rebuild"), e.getMessage());
      FolderSnapshot.assertSame(before, folder);
    }
  }

  @Test
  void folderWithoutACommitPoint_isRefusedToo(@TempDir Path tmp) throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("segments-only"));
    Files.writeString(folder.resolve("_0.cfs"), "a user's file with a Lucene-like name");
    Files.createDirectories(folder.resolve("sub")).resolve("x.txt").toFile().createNewFile();
    assertRefusedByEveryEntryPoint(folder, "holds files that are not a RareSearch index (such as \"_0.cfs\")");
  }

  @Test
  void anotherProgramsLuceneIndex_isRefused_neverRebuilt(@TempDir Path tmp) throws Exception {
    Path folder = tmp.resolve("their-index");
    try (var dir = FSDirectory.open(folder); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
      Document doc = new Document();
      doc.add(new StringField("id", "theirs", Field.Store.YES));
      writer.addDocument(doc);
      writer.commit();
    }
    assertRefusedByEveryEntryPoint(folder, "holds a Lucene index that RareSearch did not write");
  }

  @Test
  void outdatedRareSearchIndex_isRefusedForUse_butRebuilt(@TempDir Path tmp) throws Exception {
    Path folder = tmp.resolve("index");
    try (var dir = FSDirectory.open(folder); var writer = new IndexWriter(dir, new IndexWriterConfig())) {
      writer.addDocument(new Document());
      writer.setLiveCommitData(Map.of(IndexSchema.VERSION_KEY, "1").entrySet());
      writer.commit();
    }
    IndexAccessException e = assertThrows(IndexAccessException.class, () -> RareSearch.open(folder));
    assertEquals(IndexAccessException.Reason.SCHEMA_MISMATCH, e.reason());
    assertTrue(e.getMessage().contains("`raresearch index --rebuild`"), e.getMessage());
    try (RareSearch rare = RareSearch.builder(folder).rebuild().open()) {
      assertEquals(0, rare.count());
      rare.sync(SharedData.bundledReports());
    }
    try (RareSearch rare = RareSearch.builder(folder).readOnly().open()) {
      assertEquals(48, rare.count());
    }
  }

  @Test
  void emptyOrAbsentFolder_getsANewIndex_recognisedAtOnce(@TempDir Path tmp) throws Exception {
    for (Path folder : List.of(tmp.resolve("absent").resolve("deeper"), Files.createDirectories(tmp.resolve("empty")))) {
      RareSearch.open(folder).close();
      try (RareSearch rare = RareSearch.builder(folder).readOnly().open()) {
        assertEquals(0, rare.count());
      }
    }
  }

  @Test
  void rebuild_whileAReaderHasTheIndexOpen_readerKeepsItsView_andSeesTheNewIndexAfterReopening(@TempDir Path tmp) throws Exception {
    Path folder = tmp.resolve("index");
    try (RareSearch writer = RareSearch.open(folder)) {
      writer.sync(SharedData.bundledReports());
    }
    Path fewer = Files.createDirectories(tmp.resolve("fewer"));
    for (String name : List.of("dermatomyositis.txt", "polymyositis.txt", "marfan-syndrome.txt")) {
      Files.copy(SharedData.bundledReports().resolve(name), fewer.resolve(name));
    }
    try (var dir = FSDirectory.open(folder);
        DirectoryReader pointInTime = DirectoryReader.open(dir);
        RareSearch reader = RareSearch.builder(folder).readOnly().open()) {
      int documentsBefore = pointInTime.numDocs();
      try (RareSearch rebuild = RareSearch.builder(folder).rebuild().open()) {
        assertEquals(0, rebuild.count());
        assertEquals(48, reader.count(), "before the rebuild commits, readers see the old index");
        assertEquals("myasthenia-gravis", reader.search("droopy eyelid, double vision", 1).hits().get(0).id());
        rebuild.sync(fewer);
      }
      // The old commit's files are gone from the folder, but a reader opened on it keeps its view.
      assertEquals(documentsBefore, pointInTime.numDocs());
      assertEquals(documentsBefore, new org.apache.lucene.search.IndexSearcher(pointInTime).count(new org.apache.lucene.search.MatchAllDocsQuery()));
      try (DirectoryReader reopened = DirectoryReader.openIfChanged(pointInTime)) {
        assertTrue(reopened.numDocs() < documentsBefore, reopened.numDocs() + " documents after the rebuild");
      }
      try (RareSearch fresh = RareSearch.builder(folder).readOnly().open()) {
        assertEquals(3, fresh.count());
        assertEquals("dermatomyositis", fresh.search("heliotrope rash", 1).hits().get(0).id());
      }
    }
  }
}
