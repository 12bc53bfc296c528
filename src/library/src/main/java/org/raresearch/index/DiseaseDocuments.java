package org.raresearch.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.raresearch.analysis.NameKeys;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.vocabulary.HpoOntology;

/** Turns a disease, as the reports that describe it, into the disease document searches rank. */
final class DiseaseDocuments {
  /** Term ids with a frequency each, carried as term frequencies; no positions, no norms. */
  private static final FieldType PHENOTYPE_TYPE;

  static {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.freeze();
    PHENOTYPE_TYPE = type;
  }

  private DiseaseDocuments() {}

  /**
   * @param id the disease's id
   * @param reports its reports, the one whose id it has first
   * @param ontology the index's vocabulary, or null when it has none
   */
  /**
   * Whether a disease made of this report alone would hold a term Lucene refuses: a name key, name
   * bag or finding key over {@link IndexWriter#MAX_TERM_LENGTH} bytes (a name or finding thousands
   * of characters long). A report's own document holds no such key, so it is checked here, before
   * the report is written: a disease document is written only when the links are applied.
   *
   * @return true when one term of the report's disease document is too long
   */
  static boolean holdsImmenseTerm(DiseaseReport report) {
    if (allShorterThan(report, SURELY_SHORT_CHARS)) {
      return false;
    }
    for (IndexableField field : toDocument(report.id(), List.of(report), null)) {
      String value = field.stringValue();
      if (value != null && !field.fieldType().tokenized() && field.fieldType().indexOptions() != IndexOptions.NONE
          && UnicodeUtil.calcUTF16toUTF8Length(value, 0, value.length()) > IndexWriter.MAX_TERM_LENGTH) {
        return true;
      }
    }
    return false;
  }

  /**
   * Text this short cannot make a term over Lucene's limit: a key is made of the text's own words,
   * and a character becomes at most 4 bytes of a key (UTF-8, or the ASCII letters it is folded to).
   */
  private static final int SURELY_SHORT_CHARS = IndexWriter.MAX_TERM_LENGTH / 4;

  private static boolean allShorterThan(DiseaseReport report, int chars) {
    if (report.id().length() >= chars || report.title().length() >= chars) {
      return false;
    }
    for (List<String> names : List.of(report.synonyms(), report.subdivisions())) {
      for (String name : names) {
        if (name.length() >= chars) {
          return false;
        }
      }
    }
    for (String section : report.sections().values()) {
      if (section.length() >= chars) {
        return false;
      }
    }
    for (var annotation : report.phenotypes()) {
      if (annotation.label().length() >= chars) {
        return false;
      }
    }
    return true;
  }

  static Document toDocument(String id, List<DiseaseReport> reports, HpoOntology ontology) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_DISEASE, Field.Store.NO));
    doc.add(new StringField(IndexSchema.ID, id, Field.Store.YES));
    doc.add(new SortedDocValuesField(IndexSchema.ID, new BytesRef(id)));
    for (DiseaseReport report : reports) {
      doc.add(new StringField(IndexSchema.MEMBER, report.id(), Field.Store.YES));
      doc.add(new SortedSetDocValuesField(IndexSchema.MEMBER, new BytesRef(report.id())));
    }

    DiseaseText text = DiseaseText.of(reports);
    for (String field : text.fields()) {
      for (String value : text.values(field)) {
        doc.add(switch (field) {
          case IndexSchema.TITLE, IndexSchema.SYNONYMS, IndexSchema.SUBDIVISIONS -> new Field(field, value, IndexSchema.STORED_TEXT);
          case IndexSchema.CONTEXT, IndexSchema.ORGANIZATIONS -> new TextField(field, value, Field.Store.NO);
          default -> new Field(field, value, IndexSchema.TEXT);
        });
      }
    }
    Set<String> keys = new HashSet<>();
    Set<String> bags = new HashSet<>();
    for (String name : text.names()) {
      doc.add(new TextField(IndexSchema.NAMES, name, Field.Store.NO));
      for (String variant : NameKeys.variants(name)) {
        String key = NameKeys.of(variant);
        if (!key.isEmpty() && keys.add(key)) {
          doc.add(new StringField(IndexSchema.NAME_KEY, key, Field.Store.NO));
        }
        String bag = NameKeys.bagOf(variant);
        if (!bag.isEmpty() && bags.add(bag)) {
          doc.add(new StringField(IndexSchema.NAME_BAG, bag, Field.Store.NO));
        }
      }
    }
    for (int frequencyClass = 0; frequencyClass < IndexSchema.FINDING_KEY_FIELDS.size(); frequencyClass++) {
      for (String key : text.findingKeys(frequencyClass)) {
        doc.add(new StringField(IndexSchema.FINDING_KEY_FIELDS.get(frequencyClass), key, Field.Store.NO));
      }
    }

    DiseaseFacts facts = reports.isEmpty() ? DiseaseFacts.NONE : reports.getFirst().facts();
    if (DiseasePrior.applies(reports)) {
      doc.add(new FeatureField(IndexSchema.FEATURES, IndexSchema.PRIOR, DiseasePrior.feature(reports)));
      if (!facts.isGroup()) {
        doc.add(new FeatureField(IndexSchema.FEATURES, IndexSchema.DIAGNOSIS, 1f));
      }
    }
    facts.disorderType().ifPresent(type -> doc.add(new StringField(IndexSchema.DISORDER_TYPE, type, Field.Store.YES)));

    PhenotypeProfile profile = PhenotypeProfile.of(reports, ontology);
    if (!profile.frequencies().isEmpty()) {
      doc.add(new Field(IndexSchema.PHENOTYPE, new TermFrequencyStream(profile.frequencies()), PHENOTYPE_TYPE));
    }
    return doc;
  }
}
