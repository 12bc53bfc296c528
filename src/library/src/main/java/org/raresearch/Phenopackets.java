package org.raresearch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.raresearch.api.PatientCase;
import org.raresearch.errors.InputFileException;
import org.raresearch.io.JsonLimits;
import org.raresearch.io.Limits;

/**
 * Reads GA4GH Phenopackets (schema v2 JSON, and v1, whose excluded features are {@code negated})
 * as {@link PatientCase}s: the packet's {@code id}; each of its {@code phenotypicFeatures} as a
 * finding by its {@code type}'s id (its label when the type has no id), the {@code excluded} (v1:
 * {@code negated}) ones as findings the patient lacks; and as its diagnoses the ids of its {@code
 * diseases} that are not excluded and of its {@code interpretations}' diagnosed diseases. A family
 * file's {@code proband} is read as its packet. Field names are read in the schema's JSON form
 * ({@code phenotypicFeatures}) and its proto form ({@code phenotypic_features}); all other fields
 * are ignored.
 *
 * <pre>{@code
 * PatientCase patient = Phenopackets.read(Path.of("PMID_123_patient_1.json"));
 * rare.searchCase(patient, 10);
 * }</pre>
 *
 * Bounded: a packet of more than {@value #MAX_PACKET_BYTES} bytes or more than {@value
 * #MAX_FEATURES} features is refused, as is JSON past {@link JsonLimits}. Thread-safe.
 */
public final class Phenopackets {
  /** The largest packet read, in bytes: a packet of a hundred features is a few kilobytes. */
  public static final long MAX_PACKET_BYTES = 4L << 20;
  /** The most phenotypic features a packet may have. */
  public static final int MAX_FEATURES = 256;
  private static final long MAX_TOKENS = 500_000;
  private static final JsonFactory JSON = JsonLimits.factory(MAX_PACKET_BYTES, MAX_TOKENS);
  private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

  private Phenopackets() {}

  /**
   * Reads one packet.
   *
   * @param file a phenopacket JSON file
   * @return the case it describes; its id is the file's name without {@code .json} when the packet
   *     has none
   * @throws InputFileException when the file is missing, unreadable, too large, not JSON (naming
   *     the line and column), not a phenopacket, or has no phenotypic feature, a feature without a
   *     term, or too many features
   */
  public static PatientCase read(Path file) {
    String name = file.toString();
    long size;
    try {
      size = Files.size(file);
    } catch (NoSuchFileException e) {
      throw new InputFileException(name, 0, "there is no such file");
    } catch (IOException e) {
      throw new InputFileException(name, 0, "cannot be read: " + e.getMessage(), e);
    }
    if (size > MAX_PACKET_BYTES) {
      throw new InputFileException(name, 0, "is " + Limits.bytes(size) + "; a phenopacket is read up to " + Limits.bytes(MAX_PACKET_BYTES));
    }
    JsonNode root;
    try (InputStream in = Files.newInputStream(file); JsonParser parser = JSON.createParser(in)) {
      root = MAPPER.readTree(parser);
      if (root != null && parser.nextToken() != null) {
        JsonLocation at = parser.currentTokenLocation();
        throw new InputFileException(name, at.getLineNr(), "column " + at.getColumnNr() + ": more JSON after the packet's end");
      }
    } catch (StreamConstraintsException e) {
      throw new InputFileException(name, 0, JsonLimits.describe(e), e);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long line = at == null ? 0 : at.getLineNr();
      String column = at == null || at.getColumnNr() < 1 ? "" : "column " + at.getColumnNr() + ": ";
      throw new InputFileException(name, line, column + "not valid JSON: " + JsonLimits.syntaxError(e), e);
    } catch (IOException e) {
      throw new InputFileException(name, 0, "cannot be read: " + e.getMessage(), e);
    }
    return of(name, root, defaultId(file));
  }

  private static String defaultId(Path file) {
    String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
    return fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
  }

  /**
   * The case a packet's JSON describes.
   *
   * @param name what to call the packet in an error (a file, a request)
   * @param root the packet's JSON
   * @param defaultId the case's id when the packet has none
   * @return the case
   * @throws InputFileException when it is not a phenopacket with phenotypic features
   */
  public static PatientCase of(String name, JsonNode root, String defaultId) {
    if (root == null || !root.isObject()) {
      throw new InputFileException(name, 0, "is not a phenopacket: a phenopacket is a JSON object");
    }
    JsonNode packet = root.has("proband") ? root.get("proband") : root;
    if (!packet.isObject()) {
      throw new InputFileException(name, 0, "proband: is not a phenopacket object");
    }
    String id = text(packet.get("id"));
    JsonNode features = field(packet, "phenotypicFeatures", "phenotypic_features");
    if (features == null || features.isNull() || (features.isArray() && features.isEmpty())) {
      throw new InputFileException(name, 0, "has no phenotypicFeatures: there is nothing to rank diseases by");
    }
    if (!features.isArray()) {
      throw new InputFileException(name, 0, "phenotypicFeatures: is not a list");
    }
    if (features.size() > MAX_FEATURES) {
      throw new InputFileException(name, 0, "has " + features.size() + " phenotypic features; the limit is " + MAX_FEATURES);
    }
    List<PatientCase.Finding> findings = new ArrayList<>();
    for (int i = 0; i < features.size(); i++) {
      JsonNode feature = features.get(i);
      String where = "phenotypicFeatures[" + i + "]: ";
      JsonNode type = feature.get("type");
      if (!feature.isObject() || type == null || !type.isObject()) {
        throw new InputFileException(name, 0, where + "has no type, the term of the feature");
      }
      String term = text(type.get("id"));
      if (term.isEmpty()) {
        term = text(type.get("label"));
      }
      if (term.isBlank()) {
        throw new InputFileException(name, 0, where + "its type has neither an id nor a label");
      }
      JsonNode excluded = feature.has("excluded") ? feature.get("excluded") : feature.get("negated");
      if (excluded != null && !excluded.isBoolean()) {
        throw new InputFileException(name, 0, where + "excluded: is not true or false");
      }
      findings.add(new PatientCase.Finding(term.replaceAll("[\\r\\n;]+", " "), excluded != null && excluded.booleanValue()));
    }
    Set<String> diagnoses = new LinkedHashSet<>();
    for (JsonNode disease : list(packet.get("diseases"))) {
      if (!disease.path("excluded").asBoolean(false)) {
        add(diagnoses, disease.path("term").get("id"));
      }
    }
    for (JsonNode interpretation : list(packet.get("interpretations"))) {
      add(diagnoses, interpretation.path("diagnosis").path("disease").get("id"));
    }
    return new PatientCase(id.isEmpty() ? defaultId : id, findings, List.copyOf(diagnoses));
  }

  /**
   * The packets named: each file as it is, each folder's {@code .json} files (not its subfolders'),
   * by name.
   *
   * @param paths files and folders
   * @return the files, in the order named, each folder's sorted
   * @throws InputFileException when a path does not exist or a folder cannot be listed
   */
  public static List<Path> files(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> listed = Files.list(path)) {
          listed.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") && Files.isRegularFile(p))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new InputFileException(path.toString(), 0, "the folder cannot be listed: " + e.getMessage(), e);
        }
      } else if (Files.exists(path)) {
        files.add(path);
      } else {
        throw new InputFileException(path.toString(), 0, "there is no such file or folder");
      }
    }
    return files;
  }

  /**
   * A diagnosis id as the index names reports: {@code OMIM:154700} is {@code OMIM_154700}, {@code
   * ORPHA:558} and {@code Orphanet:558} are {@code ORPHA_558}.
   *
   * @param diagnosis a disease id as a packet writes it
   * @return the report id
   */
  public static String reportId(String diagnosis) {
    int colon = diagnosis.indexOf(':');
    if (colon < 0) {
      return diagnosis;
    }
    String prefix = diagnosis.substring(0, colon).toUpperCase(Locale.ROOT);
    String local = diagnosis.substring(colon + 1);
    return (prefix.equals("ORPHANET") ? "ORPHA" : prefix) + "_" + local;
  }

  private static JsonNode field(JsonNode node, String name, String protoName) {
    return node.has(name) ? node.get(name) : node.get(protoName);
  }

  private static Iterable<JsonNode> list(JsonNode node) {
    return node != null && node.isArray() ? node : List.of();
  }

  private static void add(Set<String> ids, JsonNode id) {
    String text = text(id);
    if (!text.isEmpty()) {
      ids.add(text);
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.asText().strip() : "";
  }
}
