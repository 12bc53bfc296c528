package org.raresearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.raresearch.api.DiseaseFields;
import org.raresearch.report.DiseaseReport;
import org.raresearch.vocabulary.HpoOntology;

/**
 * The disease documents of an index as field values ({@link DiseaseFields}), made again from their
 * stored reports exactly as {@code DiseaseDocuments} made them, one at a time.
 */
public final class DiseaseExport {
  /** Between a phenotype term and its frequency in {@link DiseaseFields}. */
  public static final char FREQUENCY_DELIMITER = '|';

  private DiseaseExport() {}

  /**
   * Hands each disease of the index to {@code each}, in index order.
   *
   * @param ontology the index's vocabulary, or null when it has none
   * @return the number of diseases handed out
   */
  public static long forEach(IndexReader reader, HpoOntology ontology, Consumer<DiseaseFields> each) throws IOException {
    Term disease = new Term(IndexSchema.KIND, IndexSchema.KIND_DISEASE);
    StoredFields stored = reader.storedFields();
    long count = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum postings = leaf.reader().postings(disease, PostingsEnum.NONE);
      if (postings == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document fields = stored.document(leaf.docBase + doc, Set.of(IndexSchema.ID, IndexSchema.MEMBER));
        String id = fields.get(IndexSchema.ID);
        List<DiseaseReport> reports = StoredReports.all(reader, List.of(fields.getValues(IndexSchema.MEMBER)));
        if (reports.isEmpty()) {
          continue;
        }
        each.accept(fieldsOf(id, DiseaseDocuments.toDocument(id, reports, ontology), PhenotypeProfile.of(reports, ontology)));
        count++;
      }
    }
    return count;
  }

  private static DiseaseFields fieldsOf(String id, Document document, PhenotypeProfile profile) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (IndexableField field : document) {
      if (field.fieldType().indexOptions() != IndexOptions.NONE && field.stringValue() != null) {
        values.computeIfAbsent(field.name(), f -> new ArrayList<>()).add(field.stringValue());
      }
    }
    if (!profile.frequencies().isEmpty()) {
      List<String> terms = new ArrayList<>(profile.frequencies().size());
      profile.frequencies().forEach((term, frequency) -> terms.add(term + FREQUENCY_DELIMITER + frequency));
      values.put(IndexSchema.PHENOTYPE, terms);
    }
    return new DiseaseFields(id, values);
  }
}
