package org.raresearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.InputFileException;
import org.raresearch.errors.UnindexableReportException;
import org.raresearch.index.ReportIndexer.IndexedReport;
import org.raresearch.report.DiseaseReport;
import org.raresearch.sources.ImportProgress;
import org.raresearch.sources.ImportResult;
import org.raresearch.sources.RejectedRecord;
import org.raresearch.sources.ReportSource;

/**
 * Writes the reports of a {@link ReportSource} to an index incrementally: a report whose digest (of
 * its stored JSON) is unchanged is skipped, a changed one replaced, a new one added, and a report
 * of the same origin that the source no longer holds is deleted. Reports of other origins (report
 * files, other sources) are never touched; a source report whose id belongs to one of them is
 * rejected. Commits at the end.
 *
 * <pre>{@code
 * try (ReportIndexer indexer = ReportIndexer.open(Path.of("index"))) {
 *   ImportResult result = ReportImporter.run(indexer, new OrphanetSource(Path.of("packets.tar.gz")), ImportProgress.NONE);
 *   System.out.println(result.describe());
 * }
 * }</pre>
 */
public final class ReportImporter {
  private ReportImporter() {}

  /**
   * Imports every report of {@code source} into the index {@code indexer} writes.
   *
   * <p>When the source cannot be read to its end, nothing is deleted and nothing committed; the
   * reports written before the failure stay in the writer, uncommitted.
   *
   * @return what changed, with the bad records
   * @throws InputFileException when the source cannot be read to its end
   */
  public static ImportResult run(ReportIndexer indexer, ReportSource source, ImportProgress progress) {
    Objects.requireNonNull(progress, "progress");
    Run run = new Run(indexer, source.origin(), progress);
    try {
      source.read(run);
    } catch (IOException e) {
      // The sources RareSearch ships name their file themselves; this is another implementation's.
      throw new InputFileException(source.origin(), 0, "the source cannot be read to its end: " + FileProblems.describe(e), e);
    }
    source.vocabulary().ifPresent(indexer::setVocabulary);
    int deleted = 0;
    for (var entry : run.indexed.entrySet()) {
      if (entry.getValue().origin().equals(run.origin) && !run.seen.contains(entry.getKey())) {
        indexer.delete(entry.getKey());
        deleted++;
      }
    }
    indexer.commit();
    indexer.mergeAfterBulkChange((long) run.added + run.updated + deleted);
    return new ImportResult(source.origin(), run.added, run.updated, run.unchanged, deleted, run.rejectedCount, run.rejected);
  }

  /** One import's state; told of each report and bad record by the source. */
  private static final class Run implements ReportSource.Sink {
    private final ReportIndexer indexer;
    private final String origin;
    private final ImportProgress progress;
    private final Map<String, IndexedReport> indexed;
    private final Set<String> seen = new HashSet<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    private int rejectedCount;
    private int added;
    private int updated;
    private int unchanged;
    private long done;
    private long total;

    Run(ReportIndexer indexer, String origin, ImportProgress progress) {
      this.indexer = indexer;
      this.origin = origin;
      this.progress = progress;
      this.indexed = indexer.indexedReports();
    }

    @Override
    public void report(DiseaseReport report) {
      String id = report.id();
      IndexedReport held = indexed.get(id);
      if (held != null && !held.origin().equals(origin)) {
        reject(Excerpt.of(id), "report " + Excerpt.of(id) + " is already in the index from "
            + (held.fromFile() ? "a report file" : held.origin()) + "; it is left as it is");
        return;
      }
      if (!seen.add(id)) {
        reject(Excerpt.of(id), "report " + Excerpt.of(id) + " appears more than once; only the first is imported");
        return;
      }
      String digest = ReportIndexer.digest(ReportCodec.encode(report).getBytes(StandardCharsets.UTF_8));
      String previous = held == null ? null : held.digest();
      if (digest.equals(previous)) {
        unchanged++;
      } else {
        try {
          indexer.update(report, digest, origin);
        } catch (UnindexableReportException e) {
          reject(Excerpt.of(id), e.getMessage());
          return;
        }
        if (previous == null) {
          added++;
        } else {
          updated++;
        }
      }
      progress.update(seen.size(), done, total);
    }

    @Override
    public void rejected(String position, String reason, String reportId) {
      if (reportId != null) {
        seen.add(reportId); // keeps the earlier version of its report
      }
      reject(position, reason);
    }

    private void reject(String position, String reason) {
      rejectedCount++;
      if (rejected.size() < ImportResult.MAX_LISTED_REJECTIONS) {
        rejected.add(new RejectedRecord(position, reason));
      }
    }

    @Override
    public void progress(long done, long total) {
      this.done = done;
      this.total = total;
      progress.update(seen.size(), done, total);
    }
  }
}
