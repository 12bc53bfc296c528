package org.raresearch.search.names;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.StoredFields;
import org.raresearch.api.NameMatch;
import org.raresearch.api.NameMatch.Kind;
import org.raresearch.index.IndexSchema;

/**
 * The names of one indexed report, read from its stored fields: its title, then its synonyms, then
 * its subdivisions, each name once, with the way it names the report.
 *
 * @param id the report id
 * @param title the report's title
 * @param names every name, the title first
 */
record ReportNames(String id, String title, List<Name> names) {
  private static final Set<String> FIELDS = Set.of(IndexSchema.ID, IndexSchema.TITLE, IndexSchema.SYNONYMS, IndexSchema.SUBDIVISIONS);

  /**
   * One name of a report.
   *
   * @param text the name as the report writes it
   * @param kind how it names the report: {@code TITLE}, {@code SYNONYM}, {@code ABBREVIATION} or
   *     {@code SUBDIVISION}
   */
  record Name(String text, Kind kind) {
    /**
     * How surely this name means the report, from 0 to 1: a report is what its title and synonyms
     * name, while a subdivision names a part of it (a group lists its members, a disease its
     * subtypes), so a name that is one report's title or synonym and another's subdivision means
     * the first.
     */
    double weight() {
      return kind == Kind.SUBDIVISION ? 0.9 : 1.0;
    }

    /** A match of the report through this name. */
    NameMatch match(ReportNames report, Kind how, double confidence) {
      return new NameMatch(report.id(), report.title(), text, how, Math.min(1.0, confidence * weight()));
    }
  }

  static ReportNames load(StoredFields stored, int doc) throws IOException {
    var document = stored.document(doc, FIELDS);
    String title = document.get(IndexSchema.TITLE);
    Map<String, Name> names = new LinkedHashMap<>();
    names.put(title, new Name(title, Kind.TITLE));
    for (String synonym : document.getValues(IndexSchema.SYNONYMS)) {
      names.putIfAbsent(synonym, new Name(synonym, isAbbreviation(synonym) ? Kind.ABBREVIATION : Kind.SYNONYM));
    }
    for (String subdivision : document.getValues(IndexSchema.SUBDIVISIONS)) {
      names.putIfAbsent(subdivision, new Name(subdivision, Kind.SUBDIVISION));
    }
    return new ReportNames(document.get(IndexSchema.ID), title, List.copyOf(names.values()));
  }

  /** {@code IIM}, {@code GSD II}, {@code MPS-I}: short, mostly capitals, no lower-case word. */
  static boolean isAbbreviation(String name) {
    if (name.length() > 12) {
      return false;
    }
    int upper = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        upper++;
      }
    }
    return upper >= 2;
  }
}
