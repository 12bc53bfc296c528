package org.raresearch.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.raresearch.analysis.FindingKeys;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.Organization;
import org.raresearch.report.SectionKind;

/**
 * The searchable text of a disease, made from its reports: each text field of {@link IndexSchema}
 * with its values in index order. It is the one place that says what a disease's text is, so that
 * indexing and highlighting (which reads the values back from the stored reports) see the same
 * values in the same order, and the offsets in the postings point into them.
 *
 * <p>The first report gives the title; the others' titles become synonyms. Every report's sections
 * follow one another in the section fields; a finding listed by an earlier report is not listed
 * again, so a disease described by two sources with the same findings does not count them twice.
 */
public final class DiseaseText {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> names = new ArrayList<>();
  private final List<List<String>> findingKeys = new ArrayList<>();

  private DiseaseText() {
    for (int i = 0; i < IndexSchema.FINDING_KEY_FIELDS.size(); i++) {
      findingKeys.add(new ArrayList<>());
    }
  }

  /**
   * The text of the disease the reports describe.
   *
   * @param reports the disease's reports, the one that names it first; not empty
   */
  public static DiseaseText of(List<DiseaseReport> reports) {
    if (reports.isEmpty()) {
      throw new IllegalArgumentException("a disease has at least one report");
    }
    DiseaseText text = new DiseaseText();
    // The first report's names as it gives them; the others' names where they add one.
    DiseaseReport first = reports.getFirst();
    text.add(IndexSchema.TITLE, first.title());
    first.synonyms().forEach(synonym -> text.add(IndexSchema.SYNONYMS, synonym));
    first.subdivisions().forEach(subdivision -> text.add(IndexSchema.SUBDIVISIONS, subdivision));
    Set<String> seenNames = new HashSet<>();
    first.names().forEach(name -> seenNames.add(name.toLowerCase(Locale.ROOT)));
    for (DiseaseReport other : reports.subList(1, reports.size())) {
      List<String> synonyms = new ArrayList<>();
      synonyms.add(other.title());
      synonyms.addAll(other.synonyms());
      for (String synonym : synonyms) {
        if (seenNames.add(synonym.toLowerCase(Locale.ROOT))) {
          text.add(IndexSchema.SYNONYMS, synonym);
        }
      }
      for (String subdivision : other.subdivisions()) {
        if (seenNames.add(subdivision.toLowerCase(Locale.ROOT))) {
          text.add(IndexSchema.SUBDIVISIONS, subdivision);
        }
      }
    }
    text.names.addAll(text.values(IndexSchema.TITLE));
    text.names.addAll(text.values(IndexSchema.SYNONYMS));
    text.names.addAll(text.values(IndexSchema.SUBDIVISIONS));

    Set<String> listedKeys = new HashSet<>();
    Set<String> keyed = new HashSet<>();
    for (DiseaseReport report : reports) {
      List<Finding> findings = Finding.listedIn(report.section(SectionKind.SIGNS_AND_SYMPTOMS));
      Set<String> ownKeys = new LinkedHashSet<>();
      report.sections().forEach((key, section) -> {
        String field = IndexSchema.sectionField(key);
        if (key.kind() == SectionKind.SIGNS_AND_SYMPTOMS && !findings.isEmpty()) {
          // One value per listed finding: a phrase never runs from one finding into the next.
          for (Finding finding : findings) {
            String findingKey = FindingKeys.of(finding.text());
            if (finding.frequency() != Frequency.EXCLUDED && !listedKeys.contains(findingKey)) {
              text.add(field, finding.text());
              ownKeys.add(findingKey);
            }
          }
        } else {
          text.add(field, section);
        }
        if (IndexSchema.inContext(key.kind())) {
          text.add(IndexSchema.CONTEXT, section);
        }
      });
      for (Finding finding : findings) {
        int frequencyClass = IndexSchema.frequencyClass(finding.frequency());
        String findingKey = FindingKeys.of(finding.text());
        if (frequencyClass >= 0 && !findingKey.isEmpty() && !listedKeys.contains(findingKey) && keyed.add(findingKey)) {
          text.findingKeys.get(frequencyClass).add(findingKey);
        }
      }
      listedKeys.addAll(ownKeys);
      for (Organization organization : report.organizations()) {
        text.add(IndexSchema.ORGANIZATIONS, organization.name());
      }
    }
    return text;
  }

  private void add(String field, String value) {
    values.computeIfAbsent(field, f -> new ArrayList<>()).add(value);
  }

  /** The values of a text field in index order; empty when the disease has none. */
  public List<String> values(String field) {
    return values.getOrDefault(field, List.of());
  }

  /** Every text field that has values, in index order. */
  public Set<String> fields() {
    return values.keySet();
  }

  /** Every name of the disease: its title, then its synonyms, then its subdivisions. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /**
   * The keys of its listed findings in one frequency class (see {@link
   * IndexSchema#frequencyClass}), each once.
   */
  List<String> findingKeys(int frequencyClass) {
    return findingKeys.get(frequencyClass);
  }
}
