package org.raresearch.index;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;
import org.raresearch.analysis.FindingKeys;
import org.raresearch.analysis.NameKeys;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.Organization;
import org.raresearch.report.SectionKind;

/** Turns reports into Lucene documents following {@link IndexSchema}. */
final class ReportDocuments {
  private ReportDocuments() {}

  /** {@code ORPHA_558}, {@code OMIM_154700}, {@code DECIPHER_12}: ids that name an accession. */
  private static final Pattern ACCESSION_ID = Pattern.compile("(ORPHA|OMIM|DECIPHER)_([0-9A-Za-z.]+)");

  static Document toDocument(DiseaseReport report, String sourceDigest, String origin) {
    Document doc = new Document();
    doc.add(new StringField(IndexSchema.ID, report.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(IndexSchema.ID, new BytesRef(report.id())));
    if (sourceDigest != null) {
      doc.add(new StoredField(IndexSchema.SOURCE_DIGEST, sourceDigest));
    }
    if (origin != null) {
      doc.add(new StringField(IndexSchema.ORIGIN, origin, Field.Store.YES));
    }
    for (String key : diseaseKeys(report)) {
      doc.add(new StringField(IndexSchema.DISEASE_KEY, key, Field.Store.YES));
    }
    doc.add(new StoredField(IndexSchema.REPORT, ReportCodec.encode(report)));

    doc.add(new Field(IndexSchema.TITLE, report.title(), IndexSchema.STORED_TEXT));
    report.synonyms().forEach(s -> doc.add(new Field(IndexSchema.SYNONYMS, s, IndexSchema.STORED_TEXT)));
    report.subdivisions().forEach(s -> doc.add(new Field(IndexSchema.SUBDIVISIONS, s, IndexSchema.STORED_TEXT)));

    Set<String> keys = new LinkedHashSet<>();
    Set<String> bags = new HashSet<>();
    for (String name : report.names()) {
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

    List<Finding> findings = Finding.listedIn(report.section(SectionKind.SIGNS_AND_SYMPTOMS));
    report.sections().forEach((key, text) -> {
      String field = IndexSchema.sectionField(key);
      if (key.kind() == SectionKind.SIGNS_AND_SYMPTOMS && !findings.isEmpty()) {
        // One value per listed finding: a phrase never runs from one finding into the next.
        for (Finding finding : findings) {
          if (finding.frequency() != Frequency.EXCLUDED) {
            doc.add(new Field(field, finding.text(), IndexSchema.STORED_TEXT));
          }
        }
      } else {
        doc.add(new Field(field, text, IndexSchema.STORED_TEXT));
      }
      if (IndexSchema.inContext(key.kind())) {
        doc.add(new TextField(IndexSchema.CONTEXT, text, Field.Store.NO));
      }
    });
    Set<String> findingKeys = new HashSet<>();
    for (Finding finding : findings) {
      int frequencyClass = IndexSchema.frequencyClass(finding.frequency());
      if (frequencyClass < 0) {
        continue;
      }
      String key = FindingKeys.of(finding.text());
      if (!key.isEmpty() && findingKeys.add(key)) {
        doc.add(new StringField(IndexSchema.FINDING_KEY_FIELDS.get(frequencyClass), key, Field.Store.NO));
      }
    }
    for (Organization organization : report.organizations()) {
      doc.add(new TextField(IndexSchema.ORGANIZATIONS, organization.name(), Field.Store.NO));
    }
    return doc;
  }

  /** The report's own accession (when its id names one) and its exact cross-references. */
  static Set<String> diseaseKeys(DiseaseReport report) {
    Set<String> keys = new LinkedHashSet<>();
    Matcher own = ACCESSION_ID.matcher(report.id());
    if (own.matches()) {
      keys.add(own.group(1) + ":" + own.group(2));
    }
    for (CrossReference reference : report.crossReferences()) {
      if (reference.match() == CrossReference.Match.EXACT) {
        keys.add(reference.id());
      }
    }
    return keys;
  }
}
