package org.raresearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.raresearch.api.IngestProgress;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.IndexAccessException.Reason;
import org.raresearch.errors.InputFileException;
import org.raresearch.sources.ReportFolder;

/**
 * An index derived from a folder of report files, brought in step with the folder as it is
 * opened: built when missing, rebuilt when it is a RareSearch index of another schema or damaged,
 * synced when a report file (or the folder) changed after its last commit. A folder that holds
 * anything but a RareSearch index is refused, as everywhere, and left as it is.
 */
public final class DerivedIndex {
  private DerivedIndex() {}

  /**
   * Brings the index at {@code index} in step with the report files of {@code reports}, when it is
   * not, and opens it. An index found damaged as it is opened is rebuilt.
   *
   * @param readOnly whether to open it for reading only
   * @param progress told when a sync starts, of each file, and of the sync's result
   * @return the open index
   * @throws IndexAccessException when the index cannot be used or its folder holds something else
   * @throws InputFileException when the report folder cannot be read
   */
  public static OpenIndex open(Path index, Path reports, boolean readOnly, IngestProgress progress) {
    if (stale(index, reports)) {
      try {
        sync(index, reports, false, progress);
      } catch (IndexAccessException e) {
        if (e.reason() != Reason.SCHEMA_MISMATCH && e.reason() != Reason.CORRUPT) {
          throw e;
        }
        // Only a folder whose commit data shows a RareSearch index gets this far; rebuild() checks it
        // again under the write lock and refuses anything else.
        sync(index, reports, true, progress);
      }
    }
    try {
      return OpenIndex.open(index, readOnly, false);
    } catch (IndexAccessException e) {
      if (e.reason() != Reason.CORRUPT) {
        throw e;
      }
      sync(index, reports, true, progress);
      return OpenIndex.open(index, readOnly, false);
    }
  }

  private static void sync(Path index, Path reports, boolean rebuild, IngestProgress progress) {
    try (ReportIndexer indexer = rebuild ? ReportIndexer.rebuild(index) : ReportIndexer.open(index)) {
      progress.started(rebuild);
      progress.finished(Ingest.run(indexer, new ReportFolder(reports), progress));
    } catch (IOException e) {
      throw IndexErrors.translate(index, e);
    }
  }

  /** Whether the index is missing, not readable by this RareSearch, or older than a report file or the folder. */
  private static boolean stale(Path index, Path reports) {
    FileTime built;
    try {
      Path lastCommit = lastCommit(index);
      if (lastCommit == null || !readableByThisVersion(index)) {
        return true;
      }
      built = Files.getLastModifiedTime(lastCommit);
    } catch (IOException e) {
      throw IndexErrors.translate(index, e);
    }
    try (Stream<Path> files = Files.list(reports)) {
      if (Files.getLastModifiedTime(reports).compareTo(built) > 0) {
        return true;
      }
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.getLastModifiedTime(file).compareTo(built) > 0) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new InputFileException(reports.toString(), 0, FileProblems.describe(e), e);
    }
  }

  /**
   * Whether the index was written with this RareSearch's schema and its last commit can be read: an
   * index made by an earlier version is rebuilt, however new its files are. A folder that holds
   * anything else is refused here, as everywhere.
   */
  private static boolean readableByThisVersion(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      IndexFolder.verifyReadable(index, directory);
      return true;
    } catch (IndexAccessException e) {
      if (e.reason() == Reason.SCHEMA_MISMATCH || e.reason() == Reason.CORRUPT) {
        return false;
      }
      throw e;
    }
  }

  private static Path lastCommit(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return null;
    }
    try (Stream<Path> files = Files.list(index)) {
      List<Path> segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).sorted().toList();
      return segments.isEmpty() ? null : segments.getLast();
    }
  }
}
