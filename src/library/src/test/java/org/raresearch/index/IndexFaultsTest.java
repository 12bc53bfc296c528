package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.raresearch.testing.IndexDamage.commitPoint;
import static org.raresearch.testing.IndexDamage.flipByteInTheMiddle;
import static org.raresearch.testing.IndexDamage.largestSegmentFile;
import static org.raresearch.testing.IndexDamage.truncateToHalf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.sources.ReportFolder;
import org.raresearch.testing.FolderSnapshot;
import org.raresearch.testing.SharedData;

/**
 * An index that cannot be used fails with an {@link IndexAccessException} saying why and what to do:
 * in use, missing, not a directory, not readable or writable, damaged.
 */
class IndexFaultsTest {

  private static Path builtIndex(Path tmp) throws IOException {
    Path index = tmp.resolve("index");
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      Ingest.run(indexer, new ReportFolder(SharedData.bundledReports()), IngestProgress.NONE);
    }
    return index;
  }

  @Test
  void secondRareSearchWriter_getsIndexInUse_whileReadersStillOpen(@TempDir Path tmp) throws Exception {
    Path index = builtIndex(tmp);
    try (RareSearch first = RareSearch.open(index)) {
      IndexAccessException e = assertThrows(IndexAccessException.class, () -> RareSearch.open(index));
      assertEquals(IndexAccessException.Reason.IN_USE, e.reason());
      assertTrue(e.getMessage().contains("is in use"), e.getMessage());
      try (RareSearch reader = RareSearch.builder(index).readOnly().open()) {
        assertEquals(first.count(), reader.count());
      }
    }
  }

  @Test
  void indexPathThatIsAFile_isAClearError_forWritersAndReaders(@TempDir Path tmp) throws Exception {
    Path file = Files.writeString(tmp.resolve("not-a-directory"), "x");
    IndexAccessException writer = assertThrows(IndexAccessException.class, () -> RareSearch.open(file));
    assertEquals(IndexAccessException.Reason.IO, writer.reason());
    assertTrue(writer.getMessage().contains(file.toString()), writer.getMessage());
    assertTrue(writer.getMessage().contains("not a directory"), writer.getMessage());
    IndexAccessException reader = assertThrows(IndexAccessException.class, () -> RareSearch.builder(file).readOnly().open());
    assertEquals(IndexAccessException.Reason.MISSING, reader.reason());
    assertTrue(reader.getMessage().contains("raresearch index"), reader.getMessage());
  }

  @Test
  void emptyDirectory_readOnly_isMissing_andSaysHowToBuildOne(@TempDir Path tmp) throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    IndexAccessException e = assertThrows(IndexAccessException.class, () -> RareSearch.builder(empty).readOnly().open());
    assertEquals(IndexAccessException.Reason.MISSING, e.reason());
    assertTrue(e.getMessage().contains("build one with `raresearch index`"), e.getMessage());
  }

  @Test
  void readOnlyDirectory_isAClearError_forAWriter_butCanBeSearched(@TempDir Path tmp) throws Exception {
    Path index = builtIndex(tmp);
    setPermissions(index, "r-xr-xr-x");
    // Permissions do not stop root; an immutable directory (Linux, ext4 and others) does.
    boolean immutable = Files.isWritable(index) && chattr("+i", index);
    try {
      assumeFalse(Files.isWritable(index), "cannot make a directory read-only for this user");
      IndexAccessException e = assertThrows(IndexAccessException.class, () -> RareSearch.open(index));
      assertEquals(IndexAccessException.Reason.IO, e.reason());
      assertTrue(e.getMessage().contains("not writable"), e.getMessage());
      try (RareSearch reader = RareSearch.builder(index).readOnly().open()) {
        assertEquals("dermatomyositis", reader.search("heliotrope rash", 1).hits().get(0).id());
      }
    } finally {
      if (immutable) {
        chattr("-i", index);
      }
      setPermissions(index, "rwxr-xr-x");
    }
  }

  private static boolean chattr(String flag, Path dir) {
    try {
      Process process = new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      return process.waitFor() == 0;
    } catch (IOException e) {
      return false; // no chattr here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void unreadableDirectory_isAClearError(@TempDir Path tmp) throws Exception {
    Path index = builtIndex(tmp);
    setPermissions(index, "---------");
    try {
      assumeFalse(Files.isReadable(index), "the file system lets this user read anyway (running as root?)");
      IndexAccessException e = assertThrows(IndexAccessException.class, () -> RareSearch.builder(index).readOnly().open());
      assertEquals(IndexAccessException.Reason.IO, e.reason());
      assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    } finally {
      setPermissions(index, "rwxr-xr-x");
    }
  }

  @Test
  void damagedSegmentFile_isFoundByVerify_andTheMessageSaysHowToRebuild(@TempDir Path tmp) throws Exception {
    Path index = builtIndex(tmp);
    Path largest = largestSegmentFile(index);
    flipByteInTheMiddle(largest);
    try (RareSearch rare = RareSearch.builder(index).readOnly().open()) {
      IndexAccessException e = assertThrows(IndexAccessException.class, rare::verify);
      assertEquals(IndexAccessException.Reason.CORRUPT, e.reason());
      assertTrue(e.getMessage().contains("is damaged"), e.getMessage());
      assertTrue(e.getMessage().contains("raresearch index --rebuild"), e.getMessage());
    }
  }

  @Test
  void damagedCommitPoint_cannotBeToldFromAnotherProgramsFiles_soTheFolderIsLeftAlone(@TempDir Path tmp) throws Exception {
    Path index = builtIndex(tmp);
    flipByteInTheMiddle(commitPoint(index));
    java.util.Map<Path, byte[]> before = FolderSnapshot.of(index);
    for (var open : List.<org.junit.jupiter.api.function.Executable>of(
        () -> RareSearch.open(index).close(), () -> RareSearch.builder(index).rebuild().open().close(),
        () -> RareSearch.builder(index).readOnly().open().close())) {
      IndexAccessException e = assertThrows(IndexAccessException.class, open);
      assertEquals(IndexAccessException.Reason.FOREIGN, e.reason(), e.getMessage());
      assertTrue(e.getMessage().contains(") cannot be read, so RareSearch cannot tell whether it wrote the folder"), e.getMessage());
      assertTrue(!e.getMessage().contains("--rebuild"), e.getMessage());
    }
    FolderSnapshot.assertSame(before, index);
  }

  @Test
  void truncatedSegmentFile_isReportedAsDamaged(@TempDir Path tmp) throws Exception {
    Path index = builtIndex(tmp);
    Path largest = largestSegmentFile(index);
    truncateToHalf(largest);
    IndexAccessException e = assertThrows(IndexAccessException.class, () -> {
      try (RareSearch rare = RareSearch.builder(index).readOnly().open()) {
        rare.verify();
      }
    });
    assertEquals(IndexAccessException.Reason.CORRUPT, e.reason(), e.getMessage());
    assertTrue(e.getMessage().contains("raresearch index --rebuild"), e.getMessage());
  }

  private static void setPermissions(Path dir, String permissions) throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(permissions));
  }
}
