package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.testing.FolderSnapshot;
import org.raresearch.testing.IndexDamage;
import org.raresearch.testing.SharedData;

/**
 * An index derived from a folder of report files ({@code RareSearch.Builder.derivedFrom}) is built
 * when missing, left alone when in step, synced when a file changed, rebuilt when an earlier
 * RareSearch wrote it or it is damaged, and a folder of anything else is refused and left as it was.
 */
class DerivedIndexTest {

  /** What a derivation told its progress: "sync" or "rebuild", then the result's account. */
  private static final class Told implements IngestProgress {
    final List<String> events = new ArrayList<>();

    @Override
    public void update(int reports, long done, long total) {}

    @Override
    public void started(boolean rebuild) {
      events.add(rebuild ? "rebuild" : "sync");
    }

    @Override
    public void finished(IngestResult result) {
      events.add(result.added() + " added, " + result.updated() + " updated, " + result.unchanged() + " unchanged, "
          + result.deleted() + " deleted");
    }
  }

  private static Path reports(Path tmp) throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    for (String name : List.of("dermatomyositis.txt", "polymyositis.txt", "marfan-syndrome.txt")) {
      Files.copy(SharedData.bundledReports().resolve(name), reports.resolve(name));
    }
    // As files copied long ago: older than any index built from them.
    try (var files = Files.list(reports)) {
      for (Path file : files.toList()) {
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
      }
    }
    Files.setLastModifiedTime(reports, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    return reports;
  }

  /** Opens the derived index read-only and returns its report count and what its progress was told. */
  private static List<String> openDerived(Path index, Path reports) {
    Told told = new Told();
    try (RareSearch rare = RareSearch.builder(index).derivedFrom(reports, told).readOnly().open()) {
      told.events.add(rare.count() + " reports");
    }
    return told.events;
  }

  @Test
  void missingIndex_isBuilt_andReusedWhileInStep(@TempDir Path tmp) throws Exception {
    Path reports = reports(tmp);
    Path index = tmp.resolve("index");
    assertEquals(List.of("sync", "3 added, 0 updated, 0 unchanged, 0 deleted", "3 reports"), openDerived(index, reports));
    assertEquals(List.of("3 reports"), openDerived(index, reports));
  }

  @Test
  void changedOrDeletedFile_isSynced(@TempDir Path tmp) throws Exception {
    Path reports = reports(tmp);
    Path index = tmp.resolve("index");
    openDerived(index, reports);

    Path marfan = reports.resolve("marfan-syndrome.txt");
    Files.writeString(marfan, Files.readString(marfan) + "\nA line added.\n");
    assertEquals(List.of("sync", "0 added, 1 updated, 2 unchanged, 0 deleted", "3 reports"), openDerived(index, reports));

    Files.delete(reports.resolve("polymyositis.txt"));
    assertEquals(List.of("sync", "0 added, 0 updated, 2 unchanged, 1 deleted", "2 reports"), openDerived(index, reports));
  }

  @Test
  void indexOfAnEarlierSchema_isRebuilt_thoughNewerThanTheReports(@TempDir Path tmp) throws Exception {
    Path reports = reports(tmp);
    Path index = tmp.resolve("index");
    openDerived(index, reports);
    IndexDamage.markAsEarlierSchema(index);

    assertEquals(List.of("rebuild", "3 added, 0 updated, 0 unchanged, 0 deleted", "3 reports"), openDerived(index, reports));
    assertEquals(List.of("3 reports"), openDerived(index, reports));
  }

  @Test
  void damagedIndex_isRebuilt(@TempDir Path tmp) throws Exception {
    Path reports = reports(tmp);
    Path index = tmp.resolve("index");
    openDerived(index, reports);
    IndexDamage.truncateToHalf(IndexDamage.largestSegmentFile(index));

    assertEquals(List.of("rebuild", "3 added, 0 updated, 0 unchanged, 0 deleted", "3 reports"), openDerived(index, reports));
  }

  @Test
  void folderOfSomethingElse_isRefused_andLeftAsItWas(@TempDir Path tmp) throws Exception {
    Path reports = reports(tmp);
    Path folder = FolderSnapshot.userFiles(tmp.resolve("documents"));
    Map<Path, byte[]> before = FolderSnapshot.of(folder);

    IndexAccessException e = assertThrows(IndexAccessException.class, () -> openDerived(folder, reports));

    assertEquals(IndexAccessException.Reason.FOREIGN, e.reason(), e.getMessage());
    FolderSnapshot.assertSame(before, folder);
  }
}
