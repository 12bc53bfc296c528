package org.raresearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.raresearch.api.SyncProgress;
import org.raresearch.api.SyncResult;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.IndexAccessException.Reason;
import org.raresearch.errors.InputFileException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.UnindexableReportException;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ParsedReport;
import org.raresearch.report.ReportDirectory;
import org.raresearch.report.ReportParseException;
import org.raresearch.vocabulary.HpoOntology;

/**
 * Writes reports to an index directory: adds, updates (by report id) and deletes reports, commits,
 * and re-indexes a directory of report files incrementally.
 *
 * <p>It writes only into an absent or empty folder or over a RareSearch index, recognised by the
 * schema version its commits record; any other folder is refused with {@link
 * IndexAccessException.Reason#FOREIGN} and nothing in it is touched. One {@code ReportIndexer} holds
 * the index's write lock until it is closed; a second one on the same directory fails with {@link
 * IndexAccessException.Reason#IN_USE}. Its methods may be called
 * from several threads. Changes are visible to searchers opened with {@link #newSearcherManager()}
 * after a refresh, and durable after {@link #commit()}.
 *
 * <pre>{@code
 * try (ReportIndexer indexer = ReportIndexer.open(Path.of("index"))) {
 *   SyncResult result = indexer.sync(Path.of("reports"), (done, total) -> {});
 *   System.out.println(result.describe());
 * }
 * }</pre>
 */
public final class ReportIndexer implements Closeable {
  /**
   * {@link #sync} works through the files in batches of this many and commits after each batch that
   * changed something, so an interrupted sync keeps the work it committed and the next sync skips it.
   */
  public static final int SYNC_COMMIT_INTERVAL = 1_000;

  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
  private final NordReportParser parser = new NordReportParser();
  private final DiseaseLinks diseases;
  private volatile String source;

  private ReportIndexer(Path path, Directory directory, IndexWriter writer, HpoOntology vocabulary) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.diseases = new DiseaseLinks(writer, vocabulary);
  }

  /**
   * Opens the index at {@code path} for writing, creating it (and its folder) when the folder is
   * absent or empty. A folder that holds anything but a RareSearch index is refused and left as it
   * is.
   *
   * @throws IndexAccessException when the index is in use by another writer, was written with
   *     another schema, is damaged, the folder holds something else, or it cannot be written
   */
  public static ReportIndexer open(Path path) {
    return open(path, false);
  }

  /**
   * Opens the index at {@code path} for writing, starting anew: the writer sees no report, and its
   * first commit replaces the whole index, whatever schema it was written with. Readers of the old
   * index keep their point-in-time view until they reopen, and a rebuild that is stopped before its
   * first commit leaves the old index as it was. Allowed only for an absent or empty folder or one
   * that holds a RareSearch index (told by its commit data, never by file names); Lucene's own
   * writer, under the index's write lock, replaces the files.
   *
   * @throws IndexAccessException when the index is in use by another writer, the folder holds
   *     anything but a RareSearch index, or it cannot be written
   */
  public static ReportIndexer rebuild(Path path) {
    return open(path, true);
  }

  private static ReportIndexer open(Path path, boolean rebuild) {
    Directory directory = null;
    IndexWriter writer = null;
    try {
      directory = Files.isDirectory(path) ? FSDirectory.open(path) : null;
      IndexFolder.Contents contents = IndexFolder.inspect(path, directory);
      if (contents.kind() == IndexFolder.Kind.RARESEARCH && !rebuild && !contents.current()) {
        throw IndexFolder.outdated(path, contents.version());
      }
      if (directory == null) {
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
      }
      if (!Files.isWritable(path)) {
        throw new IndexAccessException(Reason.IO, "index directory " + path + " is not writable", null);
      }
      IndexWriterConfig config = new IndexWriterConfig(IndexSchema.indexAnalyzer());
      config.setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setRAMBufferSizeMB(64);
      config.setCommitOnClose(false);
      writer = new IndexWriter(directory, config);
      // Under the write lock now: the folder must still hold what it held when it was inspected.
      IndexFolder.Contents locked = IndexFolder.inspect(path, directory);
      if (locked.kind() != contents.kind() && !(contents.kind() == IndexFolder.Kind.ABSENT && locked.kind() == IndexFolder.Kind.EMPTY)) {
        throw new IndexAccessException(Reason.IN_USE, "index " + path + " changed while it was being opened; try again", null);
      }
      HpoOntology vocabulary;
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        vocabulary = IndexVocabulary.load(reader).orElse(null);
      }
      ReportIndexer indexer = new ReportIndexer(path, directory, writer, vocabulary);
      if (locked.kind() != IndexFolder.Kind.RARESEARCH) {
        indexer.commit(); // a new index records its schema at once, so the folder is known as RareSearch's from now on
      }
      return indexer;
    } catch (LockObtainFailedException e) {
      closeQuietly(writer, directory);
      throw new IndexAccessException(
          Reason.IN_USE,
          "index " + path + " is in use: another process or RareSearch instance is writing to it",
          e);
    } catch (IndexAccessException e) {
      closeQuietly(writer, directory);
      throw e;
    } catch (IOException e) {
      closeQuietly(writer, directory);
      throw IndexErrors.translate(path, e);
    }
  }

  /** The index directory. */
  public Path path() {
    return path;
  }

  /**
   * Adds a report, or replaces the report with the same id.
   *
   * @param report the report
   * @param sourceDigest a digest of the file it came from (see {@link #digest(byte[])}), or null
   */
  public void update(DiseaseReport report, String sourceDigest) {
    update(report, sourceDigest, null);
  }

  /**
   * Adds a report imported from an open-data source, or replaces the report with the same id.
   *
   * @param report the report
   * @param digest a digest of the report (see {@link #digest(byte[])}), or null
   * @param origin the source's name, such as {@code orphanet} (see {@link IndexSchema#ORIGIN}); null
   *     for a report file
   * @throws UnindexableReportException when Lucene refuses the report (an id, name or finding
   *     thousands of characters long); the index is unchanged
   */
  public void update(DiseaseReport report, String digest, String origin) {
    if (DiseaseDocuments.holdsImmenseTerm(report)) {
      throw unindexable(report, "an id, name or finding of it is longer than Lucene's limit of 32,766 bytes for one term", null);
    }
    try {
      writer.updateDocument(new Term(IndexSchema.REPORT_ID, report.id()), ReportDocuments.toDocument(report, digest, origin));
      diseases.changed(report.id());
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    } catch (IllegalArgumentException e) {
      // Lucene refuses a document with a term over its 32,766-byte limit (an id, a name or a
      // finding key thousands of characters long); the writer stays usable.
      String message = String.valueOf(e.getMessage());
      throw unindexable(report, message.contains("immense term")
          ? "an id, name or finding of it is longer than Lucene's limit of 32,766 bytes for one term"
          : Excerpt.of(message), e);
    }
  }

  private static UnindexableReportException unindexable(DiseaseReport report, String why, Throwable cause) {
    return new UnindexableReportException("report " + Excerpt.of(report.id()) + " cannot be indexed: " + why, cause);
  }

  /** Adds a report, or replaces the report with the same id. */
  public void update(DiseaseReport report) {
    update(report, null);
  }

  /** Deletes the report with this id, if there is one. */
  public void delete(String id) {
    try {
      writer.deleteDocuments(new Term(IndexSchema.REPORT_ID, id));
      diseases.changed(id);
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /**
   * Keeps an ontology with the index, for queries to recognise findings by and for the diseases'
   * phenotypes (every annotated term's ancestors). When it differs from the one kept so far, every
   * disease is rebuilt at the next commit or {@link #linkDiseases()}.
   */
  public void setVocabulary(HpoOntology ontology) {
    byte[] encoded = OntologyCodec.encode(ontology);
    String digest = digest(encoded);
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      if (IndexVocabulary.digest(reader).filter(digest::equals).isPresent()) {
        return;
      }
      writer.updateDocument(IndexVocabulary.term(), IndexVocabulary.toDocument(encoded, digest));
      diseases.ontology(ontology);
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /** The ontology kept with the index, if any. */
  public Optional<HpoOntology> vocabulary() {
    return Optional.ofNullable(diseases.ontology());
  }

  /**
   * Brings the disease documents up to date with the reports changed so far; searchers refreshed
   * afterwards see them. {@link #commit()} does it first.
   */
  public void linkDiseases() {
    try {
      diseases.apply();
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /** Makes every change so far durable, recording the schema version with it. */
  public void commit() {
    linkDiseases();
    try {
      Map<String, String> data = new HashMap<>();
      data.put(IndexSchema.VERSION_KEY, Integer.toString(IndexSchema.VERSION));
      if (source != null) {
        data.put(IndexSchema.SOURCE_KEY, source);
      }
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /**
   * Makes the index hold exactly the reports of a directory, touching only what changed: new and
   * changed files are (re-)indexed, reports whose file is gone are deleted, unchanged files are
   * skipped. Reports imported from open-data sources are left alone; a file with the id of one is
   * rejected. Files that fail to parse are
   * listed in the result; the index keeps any earlier version of their report. Works through the
   * files in batches of {@value #SYNC_COMMIT_INTERVAL}, several at a time, and commits after every
   * batch that changed something and at the end: a sync that is killed keeps what it committed, and
   * running it again finishes the job.
   *
   * @param reportsDirectory a directory of {@code .txt} report files
   * @param progress told of each file done
   * @return what changed
   * @throws InputFileException when the directory cannot be listed
   */
  public SyncResult sync(Path reportsDirectory, SyncProgress progress) {
    Map<String, IndexedReport> indexed = indexedReports();
    source = reportsDirectory.toAbsolutePath().normalize().toString();
    List<Path> files = ReportDirectory.reportFiles(reportsDirectory);
    Set<String> seen = new HashSet<>();
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int warnings = 0;
    List<ReportParseException> rejected = new ArrayList<>();
    int done = 0;
    // Reading, parsing and analysing a file take nearly all the time, and files do not depend on
    // each other: index them on every core (IndexWriter is made for it). Files go in batches of
    // SYNC_COMMIT_INTERVAL with a commit after each batch that changed something, so a killed sync
    // leaves the index at a batch boundary. Outcomes are gathered in file order, so counts,
    // rejections and progress read as if done one by one.
    ExecutorService workers = Executors.newFixedThreadPool(indexingThreads(), runnable -> {
      Thread thread = new Thread(runnable, "raresearch-indexing");
      thread.setDaemon(true);
      return thread;
    });
    try {
      for (int start = 0; start < files.size(); start += SYNC_COMMIT_INTERVAL) {
        List<Path> batch = files.subList(start, Math.min(files.size(), start + SYNC_COMMIT_INTERVAL));
        List<Future<Outcome>> outcomes = new ArrayList<>(batch.size());
        for (Path file : batch) {
          outcomes.add(workers.submit(() -> indexFile(file, indexed)));
        }
        boolean changed = false;
        for (Future<Outcome> future : outcomes) {
          Outcome outcome = await(future);
          seen.add(outcome.id());
          switch (outcome.change()) {
            case ADDED -> added++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> rejected.add(outcome.rejection());
          }
          changed |= outcome.change() == Change.ADDED || outcome.change() == Change.UPDATED;
          warnings += outcome.warnings();
          progress.update(++done, files.size());
        }
        if (changed) {
          commit();
        }
      }
    } finally {
      workers.shutdownNow();
    }
    int deleted = 0;
    for (var entry : indexed.entrySet()) {
      if (entry.getValue().fromFile() && !seen.contains(entry.getKey())) {
        delete(entry.getKey());
        deleted++;
      }
    }
    commit();
    mergeAfterBulkChange(added + updated + deleted);
    return new SyncResult(added, updated, unchanged, deleted, rejected, warnings);
  }

  /**
   * After a bulk change (reports changed at least a tenth of the index, as a first sync or import
   * does), merges the index into one segment and commits: a search then looks each of its terms
   * up once rather than once per segment, which takes about a fifth off a symptom query over
   * 10,000 reports (the ranking is the same). Smaller changes leave segments to the merge policy,
   * so an update of a few reports does not rewrite the whole index.
   *
   * @param changedReports how many reports the change added, updated or deleted
   */
  public void mergeAfterBulkChange(long changedReports) {
    try {
      // Each report has a document of its own and, mostly, a disease document.
      if (changedReports > 0 && changedReports * 20 >= writer.getDocStats().numDocs) {
        writer.forceMerge(1);
        commit();
      }
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /** The most threads one sync indexes with: beyond a few, the writer's own locking takes over. */
  private static final int MAX_INDEXING_THREADS = 4;

  private static int indexingThreads() {
    return Math.max(1, Math.min(MAX_INDEXING_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  private enum Change { ADDED, UPDATED, UNCHANGED, REJECTED }

  /** What syncing one file did. */
  private record Outcome(String id, Change change, int warnings, ReportParseException rejection) {}

  /** Indexes one file unless its digest is the one already indexed. Runs on a worker thread. */
  private Outcome indexFile(Path file, Map<String, IndexedReport> indexed) {
    String id = NordReportParser.idOf(file);
    try {
      IndexedReport held = indexed.get(id);
      if (held != null && !held.fromFile()) {
        // The mirror of an import's rule: neither source silently replaces the other's report.
        throw new ReportParseException(file.toString(), 0, "report " + id + " is already in the index, imported from "
            + held.origin() + "; rename the file to index it beside that report");
      }
      byte[] bytes = NordReportParser.read(file);
      String digest = digest(bytes);
      String previous = held == null ? null : held.digest();
      if (digest.equals(previous)) {
        return new Outcome(id, Change.UNCHANGED, 0, null);
      }
      ParsedReport parsed = parser.parse(id, file.toString(), bytes);
      update(parsed.report(), digest);
      return new Outcome(id, previous == null ? Change.ADDED : Change.UPDATED, parsed.warnings().size(), null);
    } catch (ReportParseException e) {
      return new Outcome(id, Change.REJECTED, 0, e);
    } catch (UnindexableReportException e) {
      return new Outcome(id, Change.REJECTED, 0, new ReportParseException(file.toString(), 0, e.getMessage(), e));
    }
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
      throw new IllegalStateException("indexing a file threw a checked exception it does not declare", e.getCause());
    }
  }

  /**
   * What the index holds of one report.
   *
   * @param origin the open-data source it was imported from, as given to {@link #update(DiseaseReport,
   *     String, String)}, or "" for the report of a report file
   * @param digest the digest of its source, or "" when none was recorded
   */
  public record IndexedReport(String origin, String digest) {
    /** Whether the report came from a report file rather than an import. */
    public boolean fromFile() {
      return origin.isEmpty();
    }
  }

  /**
   * Every report in the index, including uncommitted changes, by id: what a sync or an incremental
   * import compares with. Reads each report's stored fields once, so callers take what they need
   * from one call.
   */
  public Map<String, IndexedReport> indexedReports() {
    Map<String, IndexedReport> reports = new HashMap<>();
    scan((id, origin, digest) -> reports.put(id, new IndexedReport(origin == null ? "" : origin, digest == null ? "" : digest)));
    return reports;
  }

  private interface StoredReportVisitor {
    void visit(String id, String origin, String digest);
  }

  private void scan(StoredReportVisitor visitor) {
    Set<String> fieldsToLoad = Set.of(IndexSchema.REPORT_ID, IndexSchema.SOURCE_DIGEST, IndexSchema.ORIGIN);
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext context : reader.leaves()) {
        LeafReader leaf = context.reader();
        Bits live = leaf.getLiveDocs();
        StoredFields stored = leaf.storedFields();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            var fields = stored.document(doc, fieldsToLoad);
            String id = fields.get(IndexSchema.REPORT_ID);
            if (id != null) {
              visitor.visit(id, fields.get(IndexSchema.ORIGIN), fields.get(IndexSchema.SOURCE_DIGEST));
            }
          }
        }
      }
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /**
   * The report directory an index was last synchronised with, as recorded in its last commit.
   *
   * @return the directory, or empty when the index records none
   * @throws IndexAccessException when there is no readable index at {@code path}
   */
  public static Optional<Path> recordedSource(Path path) {
    if (!Files.isDirectory(path)) {
      throw new IndexAccessException(Reason.MISSING, "there is no index at " + path, null);
    }
    try (Directory directory = FSDirectory.open(path)) {
      IndexFolder.verifyReadable(path, directory);
      String value = DirectoryReader.listCommits(directory).getLast().getUserData().get(IndexSchema.SOURCE_KEY);
      return Optional.ofNullable(value).map(Path::of);
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }


  /** The digest RareSearch keeps of a report file's bytes. */
  public static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform has SHA-256", e);
    }
  }

  /**
   * A searcher manager over this writer: searchers it hands out see changes made here after a
   * {@code maybeRefresh}, without a commit (near-real-time).
   */
  public SearcherManager newSearcherManager() {
    try {
      return new SearcherManager(writer, new SearcherFactory());
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /** Number of reports in the index, including uncommitted changes. */
  public int count() {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      return new IndexSearcher(reader).count(new org.apache.lucene.search.TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_REPORT)));
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /**
   * Closes the index without committing: uncommitted changes are rolled back to the last commit, so
   * an interrupted job never leaves a half-written index. Call {@link #commit()} first to keep them.
   */
  @Override
  public void close() throws IOException {
    try (Directory d = directory) {
      diseases.close();
      writer.rollback();
    }
  }

  private static void closeQuietly(IndexWriter writer, Directory directory) {
    try (Closeable d = directory) {
      if (writer != null) {
        writer.rollback();
      }
    } catch (IOException ignored) {
      // already failing; the first error is the one to report
    }
  }
}
