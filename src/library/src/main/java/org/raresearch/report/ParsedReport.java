package org.raresearch.report;

import java.util.List;
import java.util.Objects;

/**
 * A report as parsed from a file, with anything the parser noticed along the way.
 *
 * @param source the file (or other source) the report was read from
 * @param report the report
 * @param warnings problems that did not stop parsing, in line order
 */
public record ParsedReport(String source, DiseaseReport report, List<ParseWarning> warnings) {
  /** Checks the components and copies the warnings. */
  public ParsedReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(report, "report");
    warnings = List.copyOf(warnings);
  }
}
