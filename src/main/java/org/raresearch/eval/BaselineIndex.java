package org.raresearch.eval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ReportDirectory;
import org.raresearch.search.ScoredId;

/**
 * The bare baseline every ranking is compared with: what a developer writes first with Lucene. Each
 * report file's whole text in one field, {@link StandardAnalyzer}, BM25, and the query escaped and
 * OR-ed by the classic {@link QueryParser}. Held in memory; close it when done.
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

  /** Indexes every {@code .txt} file of a directory, whole, as the baseline does. */
  public static BaselineIndex build(Path reports) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      List<Document> batch = new ArrayList<>();
      for (Path file : ReportDirectory.reportFiles(reports)) {
        Document doc = new Document();
        doc.add(new StringField(ID, NordReportParser.idOf(file), Field.Store.YES));
        doc.add(new TextField(TEXT, new String(Files.readAllBytes(file), StandardCharsets.UTF_8), Field.Store.NO));
        batch.add(doc);
      }
      writer.addDocuments(batch);
    }
    return new BaselineIndex(directory);
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
