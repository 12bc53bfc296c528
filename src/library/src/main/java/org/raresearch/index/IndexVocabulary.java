package org.raresearch.index;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.raresearch.vocabulary.HpoOntology;

/**
 * The ontology an index keeps with it, in its one vocabulary document: the release its
 * annotations were imported with, so queries recognise findings without being given it again.
 */
final class IndexVocabulary {
  private static final String DIGEST = "vocabulary_digest";
  private static final Term KIND = new Term(IndexSchema.KIND, IndexSchema.KIND_VOCABULARY);

  private IndexVocabulary() {}

  /**
   * The ontology kept in the index, if it keeps one.
   *
   * @throws IOException when the index cannot be read or the stored ontology is damaged
   */
  public static Optional<HpoOntology> load(IndexReader reader) throws IOException {
    Optional<Document> doc = document(reader);
    if (doc.isEmpty()) {
      return Optional.empty();
    }
    BytesRef bytes = doc.get().getBinaryValue(IndexSchema.VOCABULARY);
    return Optional.of(OntologyCodec.decode(BytesRef.deepCopyOf(bytes).bytes));
  }

  /** The digest of the kept ontology's compact form, or empty when there is none. */
  static Optional<String> digest(IndexReader reader) throws IOException {
    return document(reader).map(doc -> doc.get(DIGEST));
  }

  private static Optional<Document> document(IndexReader reader) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    ScoreDoc[] hits = searcher.search(new TermQuery(KIND), 1).scoreDocs;
    return hits.length == 0 ? Optional.empty() : Optional.of(searcher.storedFields().document(hits[0].doc));
  }

  /** The vocabulary document of an ontology already in compact form. */
  static Document toDocument(byte[] encoded, String digest) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_VOCABULARY, Field.Store.NO));
    doc.add(new StoredField(IndexSchema.VOCABULARY, encoded));
    doc.add(new StoredField(DIGEST, digest));
    return doc;
  }

  static Term term() {
    return KIND;
  }
}
