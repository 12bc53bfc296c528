package org.raresearch.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Frequency;
import org.raresearch.report.Organization;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;

/**
 * The stored form of a report: compact JSON, read back into an equal {@link DiseaseReport}. Its
 * bytes are what an import's digest of a report is taken of, so a change to them is a change of the
 * schema. Users see reports in another form, {@code report.ReportJson}. Thread-safe.
 */
public final class ReportCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReportCodec() {}

  /** The report as a JSON string, written field by field: a report is stored at every update. */
  public static String encode(DiseaseReport report) {
    StringWriter out = new StringWriter(256 + report.sections().values().stream().mapToInt(String::length).sum());
    try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("id", report.id());
      json.writeStringField("title", report.title());
      strings(json, "synonyms", report.synonyms());
      strings(json, "subdivisions", report.subdivisions());
      json.writeArrayFieldStart("sections");
      for (Map.Entry<SectionKey, String> section : report.sections().entrySet()) {
        json.writeStartObject();
        json.writeStringField("kind", section.getKey().kind().name());
        json.writeStringField("heading", section.getKey().name());
        json.writeStringField("text", section.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("organizations");
      for (Organization o : report.organizations()) {
        json.writeStartObject();
        json.writeStringField("name", o.name());
        strings(json, "address", o.addressLines());
        strings(json, "phones", o.phones());
        strings(json, "faxes", o.faxes());
        optional(json, "email", o.email());
        optional(json, "website", o.website());
        json.writeEndObject();
      }
      json.writeEndArray();
      optional(json, "lastUpdated", report.lastUpdated().map(LocalDate::toString));
      optional(json, "copyright", report.copyright());
      if (!report.crossReferences().isEmpty()) {
        json.writeArrayFieldStart("crossReferences");
        for (CrossReference reference : report.crossReferences()) {
          json.writeStartObject();
          json.writeStringField("id", reference.id());
          json.writeStringField("match", reference.match().name());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      if (!report.phenotypes().isEmpty()) {
        json.writeArrayFieldStart("phenotypes");
        for (PhenotypeAnnotation annotation : report.phenotypes()) {
          json.writeStartObject();
          json.writeStringField("id", annotation.termId());
          json.writeStringField("label", annotation.label());
          json.writeStringField("frequency", annotation.frequency().name());
          if (annotation.share().isPresent()) {
            json.writeNumberField("share", annotation.share().getAsDouble());
          }
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      DiseaseFacts facts = report.facts();
      if (!facts.isEmpty()) {
        json.writeObjectFieldStart("facts");
        optional(json, "disorderType", facts.disorderType());
        json.writeArrayFieldStart("prevalences");
        for (DiseaseFacts.Prevalence prevalence : facts.prevalences()) {
          json.writeStartObject();
          json.writeStringField("estimate", prevalence.estimate());
          json.writeStringField("type", prevalence.type());
          json.writeStringField("geography", prevalence.geography());
          json.writeEndObject();
        }
        json.writeEndArray();
        strings(json, "onsets", facts.onsets());
        strings(json, "parents", facts.parents());
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toString();
  }

  private static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void optional(JsonGenerator json, String field, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(field, value.get());
    }
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
      DiseaseFacts facts = DiseaseFacts.NONE;
      JsonNode f = node.get("facts");
      if (f != null && f.isObject()) {
        List<DiseaseFacts.Prevalence> prevalences = new ArrayList<>();
        for (JsonNode v : f.path("prevalences")) {
          prevalences.add(new DiseaseFacts.Prevalence(v.path("estimate").asText(), v.path("type").asText(), v.path("geography").asText()));
        }
        facts = new DiseaseFacts(text(f, "disorderType"), prevalences, strings(f.path("onsets")), strings(f.path("parents")));
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
          phenotypes,
          facts);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored report is not valid JSON: " + e.getMessage(), e);
    }
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
