package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.sources.ReportFolder;

/**
 * Where the CLI finds things: the RareSearch home (the launcher passes it as the system property
 * {@code raresearch.home}; else the working directory), the bundled reports and the default index
 * derived from them.
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
   * A builder for an index to search: {@code index} as given, which must exist, or when it is null
   * the CLI's own default index, derived from the bundled reports ({@link
   * RareSearch.Builder#derivedFrom}): built from them when missing, rebuilt when it is a RareSearch
   * index of an outdated schema or damaged, and brought up to date when the reports changed, telling
   * {@code err}. A folder that holds anything but a RareSearch index is refused, the default one too,
   * and left as it is.
   */
  static RareSearch.Builder builder(Path index, PrintWriter err) {
    if (index != null) {
      return RareSearch.builder(index);
    }
    return RareSearch.builder(defaultIndex()).derivedFrom(defaultReports(), new IndexingProgress(defaultIndex(), defaultReports(), err));
  }

  /** Opens an index for searching, as {@link #builder} finds it. */
  static RareSearch openForSearch(Path index, PrintWriter err) {
    return openForSearch(index, err, new VocabularyOptions());
  }

  /** {@link #openForSearch(Path, PrintWriter)} with synonym files or an HPO ontology. */
  static RareSearch openForSearch(Path index, PrintWriter err, VocabularyOptions vocabulary) {
    return vocabulary.open(index, err);
  }

  /**
   * Brings an index up to date with a directory of reports, showing progress on {@code err}.
   *
   * @param rebuild whether to start the index anew (see {@link RareSearch.Builder#rebuild()})
   */
  static IngestResult sync(Path index, Path reports, boolean rebuild, PrintWriter err) {
    RareSearch.Builder builder = RareSearch.builder(index);
    if (rebuild) {
      builder.rebuild();
    }
    try (RareSearch rare = builder.open()) {
      IndexingProgress progress = new IndexingProgress(index, reports, err);
      progress.started(false);
      IngestResult result = rare.ingest(new ReportFolder(reports), progress);
      progress.finished(result);
      return result;
    }
  }

  /** Shows on standard error how the reports of a folder are indexed: what starts, each file, what changed. */
  private static final class IndexingProgress implements IngestProgress {
    private final Path index;
    private final Path reports;
    private final PrintWriter err;
    private ProgressLine line;

    IndexingProgress(Path index, Path reports, PrintWriter err) {
      this.index = index;
      this.reports = reports;
      this.err = err;
    }

    @Override
    public void started(boolean rebuild) {
      if (rebuild) {
        err.println("The index at " + index + " is outdated or damaged; rebuilding it.");
      }
      err.println("Indexing reports from " + reports + " into " + index + " ...");
      line = new ProgressLine(err);
    }

    @Override
    public void update(int reports, long done, long total) {
      if (total > 0) {
        line.show(done, total, () -> "  " + done + "/" + total + " reports");
      }
    }

    @Override
    public void finished(IngestResult result) {
      line.finish();
      err.println(result.describe());
      err.flush();
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
}
