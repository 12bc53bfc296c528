package org.raresearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.raresearch.IndexAccessException;
import org.raresearch.RareSearch;
import org.raresearch.SyncResult;

/**
 * Where the CLI finds things: the RareSearch home (the launcher passes it as the system property
 * {@code raresearch.home}; else the working directory), the bundled reports and the default index
 * built from them on first use.
 */
final class CliContext {
  private CliContext() {}

  static Path home() {
    String home = System.getProperty("raresearch.home");
    return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
  }

  static Path defaultReports() {
    return home().resolve("index-data").resolve("reports");
  }

  static Path defaultIndex() {
    return home().resolve("index-data").resolve("index");
  }

  /**
   * Opens an index for searching. The default index is the CLI's own: it is built from the bundled
   * reports when missing, rebuilt when its schema is outdated, and brought up to date when the
   * reports changed. Any other index must exist.
   */
  static RareSearch openForSearch(Path index, PrintWriter err) throws IOException {
    return openForSearch(index, err, new VocabularyOptions());
  }

  /** {@link #openForSearch(Path, PrintWriter)} with synonym files or an HPO ontology. */
  static RareSearch openForSearch(Path index, PrintWriter err, VocabularyOptions vocabulary) throws IOException {
    if (index == null) {
      Path path = defaultIndex();
      if (needsSync(path, defaultReports())) {
        buildDefault(path, err);
      }
      return vocabulary.open(path);
    }
    return vocabulary.open(index);
  }

  private static void buildDefault(Path path, PrintWriter err) throws IOException {
    try {
      sync(path, defaultReports(), err);
    } catch (IndexAccessException e) {
      if (e.reason() != IndexAccessException.Reason.SCHEMA_MISMATCH && e.reason() != IndexAccessException.Reason.CORRUPT) {
        throw e;
      }
      err.println("The index at " + path + " is outdated or damaged; rebuilding it.");
      deleteIndex(path);
      sync(path, defaultReports(), err);
    }
  }

  /** Brings an index up to date with a directory of reports, showing progress on {@code err}. */
  static SyncResult sync(Path index, Path reports, PrintWriter err) throws IOException {
    try (RareSearch rare = RareSearch.open(index)) {
      err.println("Indexing reports from " + reports + " into " + index + " ...");
      ProgressLine line = new ProgressLine(err);
      SyncResult result = rare.sync(reports, (done, total) -> {
        if (total > 0) {
          line.show(done, total, () -> "  " + done + "/" + total + " reports");
        }
      });
      line.finish();
      err.println(result.describe());
      err.flush();
      return result;
    }
  }

  /** Whether the index is missing or older than a report file (or the report directory). */
  private static boolean needsSync(Path index, Path reports) throws IOException {
    Path marker = newestCommit(index);
    if (marker == null) {
      return true;
    }
    FileTime built = Files.getLastModifiedTime(marker);
    if (Files.getLastModifiedTime(reports).compareTo(built) > 0) {
      return true;
    }
    try (Stream<Path> files = Files.list(reports)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.getLastModifiedTime(file).compareTo(built) > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static Path newestCommit(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return null;
    }
    try (Stream<Path> files = Files.list(index)) {
      List<Path> segments = files.filter(f -> f.getFileName().toString().startsWith("segments_")).sorted().toList();
      return segments.isEmpty() ? null : segments.getLast();
    }
  }

  /** Deletes an index directory's files (only Lucene's own, and only in that directory). */
  static void deleteIndex(Path index) throws IOException {
    if (!Files.isDirectory(index)) {
      return;
    }
    try (Stream<Path> files = Files.list(index)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(file)) {
          Files.delete(file);
        }
      }
    }
  }
}
