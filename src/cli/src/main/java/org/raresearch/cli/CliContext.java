package org.raresearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.raresearch.RareSearch;
import org.raresearch.api.SyncResult;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.index.IndexErrors;
import org.raresearch.index.IndexFolder;

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
   * reports when missing, rebuilt when it is a RareSearch index of an outdated schema or damaged,
   * and brought up to date when the reports changed. Any other index must exist. A folder that
   * holds anything but a RareSearch index is refused, the default one too, and left as it is.
   */
  static RareSearch openForSearch(Path index, PrintWriter err) throws IOException {
    return openForSearch(index, err, new VocabularyOptions());
  }

  /** {@link #openForSearch(Path, PrintWriter)} with synonym files or an HPO ontology. */
  static RareSearch openForSearch(Path index, PrintWriter err, VocabularyOptions vocabulary) throws IOException {
    return vocabulary.open(prepareForSearch(index, err), err);
  }

  /**
   * The index to open for searching: {@code index} as given, or the default index, built or brought
   * up to date first when needed.
   */
  static Path prepareForSearch(Path index, PrintWriter err) throws IOException {
    if (index != null) {
      return index;
    }
    Path path = defaultIndex();
    if (needsSync(path, defaultReports())) {
      buildDefault(path, err);
    }
    return path;
  }

  private static void buildDefault(Path path, PrintWriter err) {
    try {
      sync(path, defaultReports(), false, err);
    } catch (IndexAccessException e) {
      if (e.reason() != IndexAccessException.Reason.SCHEMA_MISMATCH && e.reason() != IndexAccessException.Reason.CORRUPT) {
        throw e;
      }
      // Only a folder whose commit data shows a RareSearch index gets this far; rebuild() checks it
      // again under the write lock and refuses anything else.
      err.println("The index at " + path + " is outdated or damaged; rebuilding it.");
      sync(path, defaultReports(), true, err);
    }
  }

  /**
   * Brings an index up to date with a directory of reports, showing progress on {@code err}.
   *
   * @param rebuild whether to start the index anew (see {@link RareSearch.Builder#rebuild()})
   */
  static SyncResult sync(Path index, Path reports, boolean rebuild, PrintWriter err) {
    RareSearch.Builder builder = RareSearch.builder(index);
    if (rebuild) {
      builder.rebuild();
    }
    try (RareSearch rare = builder.open()) {
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
    } catch (IOException e) {
      throw IndexErrors.translate(index, e); // closing (committing) the index failed
    }
  }

  /** Prints what was skipped while opening {@code rare} (lines over the limit), one line each. */
  static RareSearch warnAbout(RareSearch rare, PrintWriter err) {
    warn(rare.warnings(), err);
    return rare;
  }

  /** Prints warnings, one line each: {@code raresearch: warning: file:line: reason}. */
  static void warn(List<String> warnings, PrintWriter err) {
    warnings.forEach(w -> err.println("raresearch: warning: " + w));
    err.flush();
  }

  /** Whether the index is missing or older than a report file (or the report directory). */
  private static boolean needsSync(Path index, Path reports) throws IOException {
    Path marker = newestCommit(index);
    if (marker == null || !readableByThisVersion(index)) {
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

  /**
   * Whether the index was written with this RareSearch's schema and its last commit can be read: a
   * default index made by an earlier version is rebuilt, however new its files are. A folder that
   * holds anything else is refused here, as everywhere.
   */
  private static boolean readableByThisVersion(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      IndexFolder.verifyReadable(index, directory);
      return true;
    } catch (IndexAccessException e) {
      if (e.reason() == IndexAccessException.Reason.SCHEMA_MISMATCH || e.reason() == IndexAccessException.Reason.CORRUPT) {
        return false;
      }
      throw e;
    }
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
}
