package org.raresearch.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What loading a directory of reports gave: the reports read and the files rejected, each with the
 * reason.
 *
 * @param directory the directory that was loaded
 * @param reports the reports that parsed, in file-name order
 * @param rejected one exception per rejected file, naming the file, the line and the problem
 */
public record LoadSummary(Path directory, List<ParsedReport> reports, List<ReportParseException> rejected) {
  /** Copies the lists. */
  public LoadSummary {
    Objects.requireNonNull(directory, "directory");
    reports = List.copyOf(reports);
    rejected = List.copyOf(rejected);
  }

  /**
   * The number of warnings across all reports read.
   *
   * @return the number of warnings
   */
  public int warningCount() {
    return reports.stream().mapToInt(r -> r.warnings().size()).sum();
  }

  /**
   * A one-paragraph account for people: counts, then one line per rejected file.
   *
   * @return the account
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("Read ")
        .append(reports.size())
        .append(reports.size() == 1 ? " report" : " reports")
        .append(" from ")
        .append(directory)
        .append(", rejected ")
        .append(rejected.size())
        .append(", ")
        .append(warningCount())
        .append(warningCount() == 1 ? " warning" : " warnings")
        .append('.');
    for (ReportParseException e : rejected) {
      sb.append(System.lineSeparator()).append("  rejected ").append(e.getMessage());
    }
    return sb.toString();
  }
}
