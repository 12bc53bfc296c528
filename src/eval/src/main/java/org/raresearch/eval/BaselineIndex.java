package org.raresearch.eval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.raresearch.api.ScoredId;
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ReportDirectory;

/**
 * The bare baseline every ranking (and every benchmark) is compared with: what a developer writes
 * first with Lucene. Each report file's whole text in one field, {@link StandardAnalyzer}, default
 * {@link IndexWriterConfig} settings, BM25, and the query escaped and OR-ed by the classic {@link
 * QueryParser}. {@link #build} holds it in memory, {@link #write} puts it in a folder on disk and
 * {@link #open} searches one written before. Close it when done. Thread-safe.
 */
public final class BaselineIndex implements Ranker, Closeable {
  private static final String ID = "id";
  private static final String TEXT = "text";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();

  private BaselineIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  /**
   * Indexes every {@code .txt} file of a directory, whole, as the baseline does, in memory.
   *
   * @param reports a directory of report files
   * @return the baseline over them
   * @throws IOException when a file cannot be read
   */
  public static BaselineIndex build(Path reports) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    write(reports, directory);
    return new BaselineIndex(directory);
  }

  /**
   * Writes the baseline index of every {@code .txt} file of a directory into a folder on disk.
   *
   * @param reports a directory of report files
   * @param index an empty folder to write the index into; created when missing
   * @throws org.raresearch.errors.InputFileException when the directory cannot be listed or a file cannot
   *     be read or is over {@link NordReportParser#MAX_FILE_BYTES}
   * @throws IOException when the index cannot be written
   */
  public static void write(Path reports, Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      write(reports, directory);
    }
  }

  private static void write(Path reports, Directory directory) throws IOException {
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (Path file : ReportDirectory.reportFiles(reports)) {
        writer.addDocument(document(NordReportParser.idOf(file), new String(NordReportParser.read(file), StandardCharsets.UTF_8)));
      }
    }
  }

  /**
   * Opens a baseline index written by {@link #write(Path, Path)}.
   *
   * @param index the folder it was written into
   * @return the baseline, to close when done
   * @throws IOException when there is no readable index there
   */
  public static BaselineIndex open(Path index) throws IOException {
    Directory directory = FSDirectory.open(index);
    try {
      return new BaselineIndex(directory);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The baseline's document for one report file: its id, and its whole text in one field. */
  private static Document document(String id, String text) {
    Document doc = new Document();
    doc.add(new StringField(ID, id, Field.Store.YES));
    doc.add(new TextField(TEXT, text, Field.Store.NO));
    return doc;
  }

  @Override
  public List<ScoredId> rank(String query, int limit) {
    try {
      Query parsed = new QueryParser(TEXT, analyzer).parse(QueryParser.escape(query));
      TopDocs top = searcher.search(parsed, limit);
      List<ScoredId> ids = new ArrayList<>();
      for (ScoreDoc doc : top.scoreDocs) {
        ids.add(new ScoredId(searcher.storedFields().document(doc.doc, Set.of(ID)).get(ID), doc.score));
      }
      return ids;
    } catch (ParseException | IOException | IndexSearcher.TooManyClauses e) {
      return List.of();
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
