package org.raresearch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Frequency;
import org.raresearch.report.Organization;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;

/**
 * The stored form of a report: compact JSON, read back into an equal {@link DiseaseReport}. Also
 * used for the CLI's {@code --json} output of whole reports. Thread-safe.
 */
public final class ReportCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportCodec() {}

  /** The report as a JSON tree. */
  public static ObjectNode toJson(DiseaseReport report) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", report.id());
    node.put("title", report.title());
    strings(node.putArray("synonyms"), report.synonyms());
    strings(node.putArray("subdivisions"), report.subdivisions());
    ArrayNode sections = node.putArray("sections");
    report.sections().forEach((key, text) -> {
      ObjectNode section = sections.addObject();
      section.put("kind", key.kind().name());
      section.put("heading", key.name());
      section.put("text", text);
    });
    ArrayNode organizations = node.putArray("organizations");
    for (Organization o : report.organizations()) {
      ObjectNode org = organizations.addObject();
      org.put("name", o.name());
      strings(org.putArray("address"), o.addressLines());
      strings(org.putArray("phones"), o.phones());
      strings(org.putArray("faxes"), o.faxes());
      o.email().ifPresent(e -> org.put("email", e));
      o.website().ifPresent(w -> org.put("website", w));
    }
    report.lastUpdated().ifPresent(d -> node.put("lastUpdated", d.toString()));
    report.copyright().ifPresent(c -> node.put("copyright", c));
    if (!report.crossReferences().isEmpty()) {
      ArrayNode references = node.putArray("crossReferences");
      for (CrossReference reference : report.crossReferences()) {
        references.addObject().put("id", reference.id()).put("match", reference.match().name());
      }
    }
    if (!report.phenotypes().isEmpty()) {
      ArrayNode phenotypes = node.putArray("phenotypes");
      for (PhenotypeAnnotation annotation : report.phenotypes()) {
        ObjectNode a = phenotypes.addObject()
            .put("id", annotation.termId())
            .put("label", annotation.label())
            .put("frequency", annotation.frequency().name());
        annotation.share().ifPresent(share -> a.put("share", share));
      }
    }
    return node;
  }

  /** The report as a JSON string. */
  public static String encode(DiseaseReport report) {
    return toJson(report).toString();
  }

  /** Reads a report written by {@link #encode}. */
  public static DiseaseReport decode(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      Map<SectionKey, String> sections = new LinkedHashMap<>();
      for (JsonNode s : node.path("sections")) {
        sections.put(
            new SectionKey(SectionKind.valueOf(s.get("kind").asText()), s.get("heading").asText()),
            s.get("text").asText());
      }
      List<Organization> organizations = new ArrayList<>();
      for (JsonNode o : node.path("organizations")) {
        organizations.add(
            new Organization(
                o.get("name").asText(),
                strings(o.path("address")),
                strings(o.path("phones")),
                strings(o.path("faxes")),
                text(o, "email"),
                text(o, "website")));
      }
      List<CrossReference> references = new ArrayList<>();
      for (JsonNode r : node.path("crossReferences")) {
        references.add(new CrossReference(r.get("id").asText(), CrossReference.Match.valueOf(r.get("match").asText())));
      }
      List<PhenotypeAnnotation> phenotypes = new ArrayList<>();
      for (JsonNode a : node.path("phenotypes")) {
        JsonNode share = a.get("share");
        phenotypes.add(new PhenotypeAnnotation(
            a.get("id").asText(),
            a.get("label").asText(),
            Frequency.valueOf(a.get("frequency").asText()),
            share == null ? OptionalDouble.empty() : OptionalDouble.of(share.asDouble())));
      }
      return new DiseaseReport(
          node.get("id").asText(),
          node.get("title").asText(),
          strings(node.path("synonyms")),
          strings(node.path("subdivisions")),
          sections,
          organizations,
          text(node, "lastUpdated").map(LocalDate::parse),
          text(node, "copyright"),
          references,
          phenotypes);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored report is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
