package org.raresearch.cli;

import java.io.PrintWriter;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Organization;

/** Prints a whole report for people, section by section. */
final class ReportPrinter {
  private ReportPrinter() {}

  static void print(PrintWriter out, DiseaseReport report) {
    out.println(report.title() + "  [" + report.id() + "]");
    out.println("Synonyms: " + (report.synonyms().isEmpty() ? "none" : String.join("; ", report.synonyms())));
    out.println("Disorder subdivisions: " + (report.subdivisions().isEmpty() ? "none" : String.join("; ", report.subdivisions())));
    report.sections().forEach((key, text) -> {
      out.println();
      out.println("== " + key.name() + " ==");
      out.println(text);
    });
    if (!report.organizations().isEmpty()) {
      out.println();
      out.println("== Supporting Organizations (" + report.organizations().size() + ") ==");
      for (Organization o : report.organizations()) {
        StringBuilder line = new StringBuilder("- ").append(o.name());
        if (!o.addressLines().isEmpty()) {
          line.append("; ").append(String.join(", ", o.addressLines()));
        }
        o.phones().forEach(p -> line.append("; Tel: ").append(p));
        o.faxes().forEach(f -> line.append("; Fax: ").append(f));
        o.email().ifPresent(e -> line.append("; Email: ").append(e));
        o.website().ifPresent(w -> line.append("; Internet: ").append(w));
        out.println(line);
      }
    }
    out.println();
    out.println("Last updated: " + report.lastUpdated().map(Object::toString).orElse("unknown"));
    report.copyright().ifPresent(c -> out.println(c));
    if (!report.crossReferences().isEmpty()) {
      out.println("Cross-references: " + String.join(", ", report.crossReferences().stream()
          .map(r -> r.id() + " (" + r.match().name().toLowerCase(java.util.Locale.ROOT) + ")").toList()));
    }
  }
}
