package org.raresearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.IndexAccessException.Reason;
import org.raresearch.errors.UnindexableReportException;
import org.raresearch.report.DiseaseReport;
import org.raresearch.vocabulary.HpoOntology;

/**
 * Writes reports to an index directory: adds, updates (by report id) and deletes reports, keeps the
 * vocabulary, links the diseases, commits. What to write, {@link Ingest} decides.
 *
 * <p>It writes only into an absent or empty folder or over a RareSearch index, recognised by the
 * schema version its commits record; any other folder is refused with {@link
 * IndexAccessException.Reason#FOREIGN} and nothing in it is touched. One {@code ReportIndexer} holds
 * the index's write lock until it is closed; a second one on the same directory fails with {@link
 * IndexAccessException.Reason#IN_USE}. Its methods may be called
 * from several threads. Changes are visible to searchers opened with {@link #newSearcherManager()}
 * after a refresh, and durable after {@link #commit()}.

 */
public final class ReportIndexer implements Closeable {
  private final Path path;
  private final Directory directory;
  private final IndexWriter writer;
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

  /**
   * Records with every commit from now on the folder of report files the index is kept in step with
   * ({@code RareSearch.reportsDirectory()}).
   */
  void recordSource(Path reportsFolder) {
    source = reportsFolder.toAbsolutePath().normalize().toString();
  }

  /** A reader of the index as written so far, uncommitted changes included; the caller closes it. */
  DirectoryReader openReader() throws IOException {
    return DirectoryReader.open(writer);
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

  /** The digest RareSearch keeps of a report's source: a report file's bytes, a report's stored form. */
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
