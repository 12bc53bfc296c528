package org.raresearch.index;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseReport;

/**
 * Turns reports into the stored report documents of {@link IndexSchema}: the report once, as JSON,
 * with what indexing needs to find it again (id, origin, digest) and to link it to the other reports
 * of its disease (its accession and exact cross-references). Nothing in them is searched.
 */
final class ReportDocuments {
  /** {@code ORPHA_558}, {@code OMIM_154700}, {@code DECIPHER_12}: ids that name an accession. */
  private static final Pattern ACCESSION_ID = Pattern.compile("(ORPHA|OMIM|DECIPHER)_([0-9A-Za-z.]+)");

  private ReportDocuments() {}

  static Document toDocument(DiseaseReport report, String sourceDigest, String origin) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.KIND, IndexSchema.KIND_REPORT, Field.Store.NO));
    doc.add(new StringField(IndexSchema.REPORT_ID, report.id(), Field.Store.YES));
    // Linking reads ids, accessions and links from doc values, not from the stored report.
    doc.add(new SortedDocValuesField(IndexSchema.REPORT_ID, new BytesRef(report.id())));
    if (sourceDigest != null) {
      doc.add(new StoredField(IndexSchema.SOURCE_DIGEST, sourceDigest));
    }
    if (origin != null) {
      doc.add(new StringField(IndexSchema.ORIGIN, origin, Field.Store.YES));
    }
    String accession = accession(report.id());
    if (accession != null) {
      doc.add(new StringField(IndexSchema.ACCESSION, accession, Field.Store.YES));
      doc.add(new SortedDocValuesField(IndexSchema.ACCESSION, new BytesRef(accession)));
    }
    for (CrossReference reference : report.crossReferences()) {
      if (reference.match() == CrossReference.Match.EXACT) {
        doc.add(new StringField(IndexSchema.LINKS, reference.id(), Field.Store.YES));
        doc.add(new SortedSetDocValuesField(IndexSchema.LINKS, new BytesRef(reference.id())));
      }
    }
    for (CrossReference reference : report.crossReferences()) {
      if (reference.match() == CrossReference.Match.NARROWER) {
        doc.add(new SortedSetDocValuesField(IndexSchema.NARROWER_LINKS, new BytesRef(reference.id())));
      }
    }
    for (String parent : report.facts().parents()) {
      doc.add(new SortedSetDocValuesField(IndexSchema.PARENTS, new BytesRef(parent)));
    }
    if (report.facts().isGroup()) {
      doc.add(new NumericDocValuesField(IndexSchema.GROUP, 1));
    }
    doc.add(new StoredField(IndexSchema.REPORT, ReportCodec.encode(report)));
    return doc;
  }

  /** The accession a report id names ({@code ORPHA:558} for {@code ORPHA_558}), or null. */
  static String accession(String reportId) {
    Matcher own = ACCESSION_ID.matcher(reportId);
    return own.matches() ? own.group(1) + ":" + own.group(2) : null;
  }
}
