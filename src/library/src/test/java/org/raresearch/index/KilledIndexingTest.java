package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ReportDirectory;
import org.raresearch.sources.ReportFolder;
import org.raresearch.testing.SharedData;
import org.raresearch.testing.SyncProcess;

/**
 * A sync killed with SIGKILL part-way leaves an index that opens at its last commit and passes
 * Lucene's {@link CheckIndex}; the next sync finishes the job, every report in the index once.
 * {@code -Draresearch.crash.kills=N} kills N syncs in a row (2 by default), each further along.
 */
class KilledIndexingTest {
  private static final int KILLS = Integer.getInteger("raresearch.crash.kills", 2);
  private static final int REPORTS = (KILLS + 1) * Ingest.COMMIT_INTERVAL + 500;

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void syncKilledMidway_leavesLastCommit_andRerunFinishesWithEveryReportOnce(@TempDir Path tmp) throws Exception {
    Path reports = corpus(tmp.resolve("reports"), REPORTS);
    Set<String> expected = new HashSet<>();
    for (Path file : ReportDirectory.reportFiles(reports)) {
      expected.add(NordReportParser.idOf(file));
    }
    Path index = tmp.resolve("index");
    int committed = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      // Each run skips the files already committed (the first ones, in order), commits once more
      // after an interval, and is killed half an interval later, with uncommitted work in hand.
      int killAt = committed + Ingest.COMMIT_INTERVAL * 3 / 2;
      killWhenDone(SyncProcess.start(index, reports), killAt, index);

      List<String> ids = checkedIds(index);
      assertEquals(ids.size(), new HashSet<>(ids).size(), "a report is in the index twice");
      assertTrue(expected.containsAll(ids), "the index holds reports that are not in the directory");
      assertTrue(ids.size() > committed, "kill " + kill + ": nothing was committed since the last run");
      assertEquals(0, ids.size() % Ingest.COMMIT_INTERVAL,
          "kill " + kill + ": the index does not stand at a commit: " + ids.size() + " reports");
      committed = ids.size();
      System.out.printf("kill %d at file %d: the index opened at its last commit, %d reports, CheckIndex clean%n",
          kill, killAt, committed);
    }

    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      IngestResult rerun = Ingest.run(indexer, new ReportFolder(reports), IngestProgress.NONE);
      assertEquals(List.of(REPORTS - committed, 0, committed, 0, 0),
          List.of(rerun.added(), rerun.updated(), rerun.unchanged(), rerun.deleted(), rerun.rejected().size()));
    }
    List<String> ids = checkedIds(index);
    assertEquals(REPORTS, ids.size());
    assertEquals(expected, new HashSet<>(ids));
    System.out.printf("killed %d syncs of %d reports with SIGKILL; each left a clean index at its last commit; "
        + "the re-run finished with every report once%n", KILLS, REPORTS);
  }

  /**
   * Reads the child's progress and kills it (SIGKILL on Unix) once it has done {@code killAt} files;
   * while it runs, a writer in this process is refused with "in use".
   */
  private static void killWhenDone(Process process, int killAt, Path index) throws Exception {
    List<String> lastLines = new ArrayList<>();
    boolean triedSecondWriter = false;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("done ") && !triedSecondWriter) {
          triedSecondWriter = true;
          IndexAccessException e = assertThrows(IndexAccessException.class, () -> RareSearch.open(index));
          assertEquals(IndexAccessException.Reason.IN_USE, e.reason(), e.getMessage());
        }
        if (line.startsWith("done ") && Integer.parseInt(line.substring(5)) >= killAt) {
          process.destroyForcibly();
          break;
        }
        if (!line.startsWith("done ")) {
          lastLines.add(line);
        }
      }
    }
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the killed process did not end");
    if (process.exitValue() == 0) {
      fail("the sync ended before it could be killed: " + lastLines);
    }
    assertEquals(137, process.exitValue(), "not killed by SIGKILL; output: " + lastLines);
  }

  /** Runs Lucene's CheckIndex on the index, then returns the id of every live report. */
  private static List<String> checkedIds(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      try (CheckIndex check = new CheckIndex(directory)) {
        CheckIndex.Status status = check.checkIndex();
        assertTrue(status.clean, "CheckIndex found problems in " + index);
      }
      List<String> ids = new ArrayList<>();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          StoredFields stored = leaf.reader().storedFields();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            String id = stored.document(doc, Set.of(IndexSchema.REPORT_ID)).get(IndexSchema.REPORT_ID);
            // Disease documents, derived from the reports, carry no report id.
            if ((live == null || live.get(doc)) && id != null) {
              ids.add(id);
            }
          }
        }
      }
      return ids;
    }
  }

  /**
   * {@code count} real report files: the shared evaluation corpus when present, else the bundled
   * reports copied under new names.
   */
  private static Path corpus(Path dir, int count) throws IOException {
    Files.createDirectories(dir);
    Path shared = SharedData.root().resolve("eval").resolve("corpus");
    List<Path> sources;
    if (Files.isDirectory(shared)) {
      try (Stream<Path> files = Files.list(shared)) {
        sources = files.filter(f -> f.toString().endsWith(".txt")).sorted().limit(count).toList();
      }
    } else {
      sources = ReportDirectory.reportFiles(SharedData.bundledReports());
    }
    for (int i = 0; i < count; i++) {
      Path source = sources.get(i % sources.size());
      String name = sources.size() >= count ? source.getFileName().toString() : "copy" + i + "-" + source.getFileName();
      Files.copy(source, dir.resolve(name));
    }
    return dir;
  }
}
