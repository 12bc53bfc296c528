package org.raresearch.index;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.raresearch.analysis.NameKeys;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Organization;

/** Turns reports into Lucene documents following {@link IndexSchema}. */
final class ReportDocuments {
  private ReportDocuments() {}

  static Document toDocument(DiseaseReport report, String sourceDigest) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, report.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(IndexSchema.ID, new BytesRef(report.id())));
    if (sourceDigest != null) {
      doc.add(new StoredField(IndexSchema.SOURCE_DIGEST, sourceDigest));
    }
    doc.add(new StoredField(IndexSchema.REPORT, ReportCodec.encode(report)));

    doc.add(new Field(IndexSchema.TITLE, report.title(), IndexSchema.STORED_TEXT));
    report.synonyms().forEach(s -> doc.add(new Field(IndexSchema.SYNONYMS, s, IndexSchema.STORED_TEXT)));
    report.subdivisions().forEach(s -> doc.add(new Field(IndexSchema.SUBDIVISIONS, s, IndexSchema.STORED_TEXT)));

    Set<String> keys = new LinkedHashSet<>();
    for (String name : report.names()) {
      doc.add(new TextField(IndexSchema.NAMES, name, Field.Store.NO));
      for (String variant : NameKeys.variants(name)) {
        String key = NameKeys.of(variant);
        if (!key.isEmpty() && keys.add(key)) {
          doc.add(new StringField(IndexSchema.NAME_KEY, key, Field.Store.NO));
        }
      }
    }

    report.sections().forEach((key, text) -> doc.add(new Field(IndexSchema.sectionField(key), text, IndexSchema.STORED_TEXT)));
    for (Organization organization : report.organizations()) {
      doc.add(new TextField(IndexSchema.ORGANIZATIONS, organization.name(), Field.Store.NO));
    }
    return doc;
  }
}
