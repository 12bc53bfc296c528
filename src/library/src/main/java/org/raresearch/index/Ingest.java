package org.raresearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.api.RejectedRecord;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.InputFileException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.UnindexableReportException;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.ParsedReport;
import org.raresearch.sources.ReportFolder;
import org.raresearch.sources.ReportSource;

/**
 * Brings an index in step with a {@link ReportSource}, the one way reports come into it: a folder
 * of report files ({@link ReportFolder}) as open data. A report whose digest is the one the index
 * holds is left alone, a changed one replaced, a new one added, and a report of the same origin
 * that the source no longer holds is deleted, once the source was read to its end. Reports of other
 * origins are never touched; a report whose id belongs to one of them is rejected. Bad records are
 * listed with their position and counted; the index keeps any earlier version of their report.
 *
 * <p>The digest of a report the source hands over whole is that of its stored form; that of an
 * {@link ReportSource.Entry} (a report file) is that of its bytes, so an unchanged file is not even
 * parsed, and entries are read and parsed several at a time. Reports go in batches of {@value
 * #COMMIT_INTERVAL}, committed after each batch that changed something: a run that is killed keeps
 * what it committed, and running it again finishes the job. Outcomes are counted in source order,
 * so counts, rejections and progress read as if done one by one.
 *
 * <pre>{@code
 * try (ReportIndexer indexer = ReportIndexer.open(Path.of("index"))) {
 *   IngestResult result = Ingest.run(indexer, new ReportFolder(Path.of("reports")), IngestProgress.NONE);
 *   System.out.println(result.describe());
 * }
 * }</pre>
 */
public final class Ingest {
  /** Reports go in batches of this many, each committed when it changed something. */
  public static final int COMMIT_INTERVAL = 1_000;

  /** The most threads entries are read on: beyond a few, the writer's own locking takes over. */
  private static final int MAX_THREADS = 4;

  private Ingest() {}

  /**
   * Brings the index {@code indexer} writes in step with every report of {@code source}, and
   * commits.
   *
   * <p>When the source cannot be read to its end, nothing is deleted; the batches committed before
   * the failure stay, the rest is left in the writer, uncommitted.
   *
   * @return what changed, with the rejected records
   * @throws InputFileException when the source cannot be read to its end
   */
  public static IngestResult run(ReportIndexer indexer, ReportSource source, IngestProgress progress) {
    Objects.requireNonNull(progress, "progress");
    if (source instanceof ReportFolder folder) {
      indexer.recordSource(folder.folder());
    }
    source.vocabulary().ifPresent(indexer::setVocabulary);
    Run run = new Run(indexer, source.origin(), progress);
    try {
      source.read(run);
      run.finishBatch();
    } catch (IOException e) {
      // The sources RareSearch ships name their file themselves; this is another implementation's.
      throw new InputFileException(source.origin(), 0, "the source cannot be read to its end: " + FileProblems.describe(e), e);
    } finally {
      run.close();
    }
    int deleted = 0;
    for (var entry : run.indexed.entrySet()) {
      if (entry.getValue().origin().equals(run.origin) && !run.seen.contains(entry.getKey())) {
        indexer.delete(entry.getKey());
        deleted++;
      }
    }
    indexer.commit();
    indexer.mergeAfterBulkChange((long) run.added + run.updated + deleted);
    return new IngestResult(
        run.origin, run.added, run.updated, run.unchanged, deleted, run.rejectedCount, run.rejected, run.warnings);
  }

  /** The digest of a report handed over whole: that of its stored form. */
  static String digest(DiseaseReport report) {
    return ReportIndexer.digest(ReportCodec.encode(report).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * What the index holds of one report.
   *
   * @param origin the source it came from, {@code ""} for a report file
   * @param digest the digest of its source, or "" when none was recorded
   */
  record IndexedReport(String origin, String digest) {}

  /**
   * Every report in the index, including uncommitted changes, by id: what a run compares with.
   * Reads each report's stored fields once.
   */
  static Map<String, IndexedReport> indexedReports(ReportIndexer indexer) {
    Map<String, IndexedReport> reports = new HashMap<>();
    Set<String> fields = Set.of(IndexSchema.REPORT_ID, IndexSchema.SOURCE_DIGEST, IndexSchema.ORIGIN);
    try (DirectoryReader reader = indexer.openReader()) {
      for (LeafReaderContext context : reader.leaves()) {
        LeafReader leaf = context.reader();
        Bits live = leaf.getLiveDocs();
        StoredFields stored = leaf.storedFields();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            var document = stored.document(doc, fields);
            String id = document.get(IndexSchema.REPORT_ID);
            if (id != null) {
              String origin = document.get(IndexSchema.ORIGIN);
              String digest = document.get(IndexSchema.SOURCE_DIGEST);
              reports.put(id, new IndexedReport(origin == null ? "" : origin, digest == null ? "" : digest));
            }
          }
        }
      }
    } catch (IOException e) {
      throw IndexErrors.translate(indexer.path(), e);
    }
    return reports;
  }

  private enum Change { ADDED, UPDATED, UNCHANGED, REJECTED }

  /** What became of one report. */
  private record Outcome(Change change, int warnings, RejectedRecord rejection) {
    static Outcome rejected(String position, String reason) {
      return new Outcome(Change.REJECTED, 0, new RejectedRecord(position, reason));
    }
  }

  /** One run's state; told of each report, entry and bad record by the source, on its thread. */
  private static final class Run implements ReportSource.Sink, AutoCloseable {
    private final ReportIndexer indexer;
    private final String origin;
    private final IngestProgress progress;
    private final Map<String, IndexedReport> indexed;
    private final Set<String> seen = new HashSet<>();
    private final List<RejectedRecord> rejected = new ArrayList<>();
    /** The entries of this batch being read, in source order. */
    private final List<Future<Outcome>> reading = new ArrayList<>();
    private ExecutorService workers;
    private int batch;
    private boolean batchChanged;
    private int rejectedCount;
    private int added;
    private int updated;
    private int unchanged;
    private int warnings;
    private int entriesDone;
    private long done;
    private long total;

    Run(ReportIndexer indexer, String origin, IngestProgress progress) {
      this.indexer = indexer;
      this.origin = origin;
      this.progress = progress;
      this.indexed = indexedReports(indexer);
    }

    @Override
    public void report(DiseaseReport report) {
      String id = report.id();
      Outcome refused = refusal(id, Excerpt.of(id));
      if (refused != null) {
        count(refused);
      } else {
        IndexedReport held = indexed.get(id);
        String digest = digest(report);
        count(held != null && digest.equals(held.digest()) ? new Outcome(Change.UNCHANGED, 0, null) : write(report, digest, held, Excerpt.of(id)));
      }
      progress.update(seen.size(), done, total);
      endOfItem();
    }

    @Override
    public void report(ReportSource.Entry entry) {
      Outcome refused = refusal(entry.id(), entry.position());
      if (refused != null) {
        reading.add(CompletableFuture.completedFuture(refused));
      } else {
        IndexedReport held = indexed.get(entry.id());
        reading.add(workers().submit(() -> read(entry, held)));
      }
      endOfItem();
    }

    /** Reads an entry, and parses and writes it unless its digest is the one the index holds. Runs on a worker. */
    private Outcome read(ReportSource.Entry entry, IndexedReport held) {
      try {
        byte[] bytes = entry.read();
        String digest = ReportIndexer.digest(bytes);
        if (held != null && digest.equals(held.digest())) {
          return new Outcome(Change.UNCHANGED, 0, null);
        }
        ParsedReport parsed = entry.parse(bytes);
        Outcome written = write(parsed.report(), digest, held, entry.position());
        return new Outcome(written.change(), written.change() == Change.REJECTED ? 0 : parsed.warnings().size(), written.rejection());
      } catch (InputFileException e) {
        return Outcome.rejected(e.line() > 0 ? e.file() + ":" + e.line() : e.file(), e.reason());
      }
    }

    private Outcome write(DiseaseReport report, String digest, IndexedReport held, String position) {
      try {
        indexer.update(report, digest, origin.isEmpty() ? null : origin);
      } catch (UnindexableReportException e) {
        return Outcome.rejected(position, e.getMessage());
      }
      return new Outcome(held == null ? Change.ADDED : Change.UPDATED, 0, null);
    }

    /**
     * Why a report may not be written, or null when it may: another origin holds its id, or the
     * source gave it before. Either way its id is seen, so that the earlier version of it is kept.
     */
    private Outcome refusal(String id, String position) {
      IndexedReport held = indexed.get(id);
      if (held != null && !held.origin().equals(origin)) {
        seen.add(id);
        return Outcome.rejected(position, "report " + Excerpt.of(id) + " is already in the index "
            + (held.origin().isEmpty() ? "from a report file" : "imported from " + held.origin())
            + (origin.isEmpty() ? "; rename the file to index it beside that report" : "; it is left as it is"));
      }
      if (!seen.add(id)) {
        return Outcome.rejected(position, "report " + Excerpt.of(id) + " appears more than once; only the first is imported");
      }
      return null;
    }

    @Override
    public void rejected(String position, String reason, String reportId) {
      if (reportId != null) {
        seen.add(reportId); // keeps the earlier version of its report
      }
      reject(position, reason);
    }

    @Override
    public void progress(long done, long total) {
      this.done = done;
      this.total = total;
      progress.update(seen.size(), done, total);
    }

    private void count(Outcome outcome) {
      switch (outcome.change()) {
        case ADDED -> added++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
        case REJECTED -> reject(outcome.rejection().position(), outcome.rejection().reason());
      }
      batchChanged |= outcome.change() == Change.ADDED || outcome.change() == Change.UPDATED;
      warnings += outcome.warnings();
    }

    private void reject(String position, String reason) {
      rejectedCount++;
      if (rejected.size() < IngestResult.MAX_LISTED_REJECTIONS) {
        rejected.add(new RejectedRecord(position, reason));
      }
    }

    /** One entry is done: a unit of the progress of a source that hands entries. */
    private void entryDone() {
      entriesDone++;
      progress.update(entriesDone, entriesDone, total);
    }

    private void endOfItem() {
      if (++batch == COMMIT_INTERVAL) {
        finishBatch();
      }
    }

    /** Counts the outcomes of the batch's entries in source order, and commits when it changed something. */
    void finishBatch() {
      for (Future<Outcome> outcome : reading) {
        count(await(outcome));
        entryDone();
      }
      reading.clear();
      if (batchChanged) {
        indexer.commit();
      }
      batch = 0;
      batchChanged = false;
    }

    private ExecutorService workers() {
      if (workers == null) {
        workers = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())),
            runnable -> {
              Thread thread = new Thread(runnable, "raresearch-indexing");
              thread.setDaemon(true);
              return thread;
            });
      }
      return workers;
    }

    private static Outcome await(Future<Outcome> future) {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RareSearchException("indexing was interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("reading a report threw a checked exception it does not declare", e.getCause());
      }
    }

    @Override
    public void close() {
      if (workers != null) {
        workers.shutdownNow();
      }
    }
  }
}
