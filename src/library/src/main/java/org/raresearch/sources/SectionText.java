package org.raresearch.sources;

import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;

/**
 * Writes an imported disease's facts as report sections, in the labelled lines report files use
 * ({@code Inheritance: Autosomal recessive.}), so that imported and parsed reports read alike.
 */
final class SectionText {
  private SectionText() {}

  /** {@code label: a, b.}; "" when there is no value. */
  static String line(String label, Collection<String> values, String separator) {
    return values.isEmpty() ? "" : label + ": " + String.join(separator, values) + ".";
  }

  /** The non-empty lines, one per line. */
  static String lines(String... lines) {
    StringJoiner text = new StringJoiner("\n");
    for (String line : lines) {
      if (!line.isEmpty()) {
        text.add(line);
      }
    }
    return text.toString();
  }

  /** Adds the section unless its text is blank: a report has no empty sections. */
  static void put(Map<SectionKey, String> sections, SectionKind kind, String text) {
    if (!text.isBlank()) {
      sections.put(SectionKey.of(kind), text);
    }
  }
}
