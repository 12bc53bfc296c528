package org.raresearch.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A report as JSON, in the form users see it: the command line's {@code show --json} and {@code
 * parse --json}, the HTTP API's {@code /api/reports/{id}}. How the index stores reports is another
 * matter, free to change on its own.
 *
 * <p>One object: {@code id}, {@code title}, {@code synonyms} and {@code subdivisions} (arrays of
 * strings); {@code sections}, in report order, each {@code {"kind", "heading", "text"}} ({@code kind}
 * a {@link SectionKind} name); {@code organizations}, each {@code {"name", "address", "phones",
 * "faxes"}} and {@code email} and {@code website} when it has them; {@code lastUpdated} ({@code
 * yyyy-mm-dd}) and {@code copyright} when the report has them; {@code crossReferences}, each {@code
 * {"id", "match"}} ({@code match} a {@link CrossReference.Match} name), and {@code phenotypes}, each
 * {@code {"id", "label", "frequency"}} ({@code frequency} a {@link Frequency} name) and {@code share}
 * (percent) when the source gives it, both only when the report has any. Thread-safe.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportJson() {}

  /**
   * The report as JSON.
   *
   * @param report the report
   * @return a JSON object on one line
   */
  public static String of(DiseaseReport report) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", report.id());
    node.put("title", report.title());
    strings(node.putArray("synonyms"), report.synonyms());
    strings(node.putArray("subdivisions"), report.subdivisions());
    ArrayNode sections = node.putArray("sections");
    report.sections().forEach((key, text) -> sections.addObject()
        .put("kind", key.kind().name())
        .put("heading", key.name())
        .put("text", text));
    ArrayNode organizations = node.putArray("organizations");
    for (Organization o : report.organizations()) {
      ObjectNode organization = organizations.addObject().put("name", o.name());
      strings(organization.putArray("address"), o.addressLines());
      strings(organization.putArray("phones"), o.phones());
      strings(organization.putArray("faxes"), o.faxes());
      o.email().ifPresent(e -> organization.put("email", e));
      o.website().ifPresent(w -> organization.put("website", w));
    }
    report.lastUpdated().ifPresent(d -> node.put("lastUpdated", d.toString()));
    report.copyright().ifPresent(c -> node.put("copyright", c));
    if (!report.crossReferences().isEmpty()) {
      ArrayNode references = node.putArray("crossReferences");
      report.crossReferences().forEach(r -> references.addObject().put("id", r.id()).put("match", r.match().name()));
    }
    if (!report.phenotypes().isEmpty()) {
      ArrayNode phenotypes = node.putArray("phenotypes");
      for (PhenotypeAnnotation annotation : report.phenotypes()) {
        ObjectNode phenotype = phenotypes.addObject()
            .put("id", annotation.termId())
            .put("label", annotation.label())
            .put("frequency", annotation.frequency().name());
        annotation.share().ifPresent(share -> phenotype.put("share", share));
      }
    }
    return node.toString();
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
