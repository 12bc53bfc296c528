package org.raresearch.vocabulary;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.raresearch.io.JsonLimits;

/**
 * Reads an obographs JSON document ({@code hp.json}). The document is streamed: each node, edge and
 * graph {@code meta} is read as a small tree, so the whole file is never held as one.
 */
final class HpoJsonReader {
  /** hp.json holds about 3 million tokens; the bound keeps a hostile file's trees within reach. */
  private static final long MAX_TOKENS = 64L << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonLimits.factory(HpoOntology.MAX_FILE_BYTES, MAX_TOKENS));

  private final String source;
  private final Map<String, TermDraft> terms = new LinkedHashMap<>();
  private final Map<String, List<String>> parents = new LinkedHashMap<>();
  private String release = "";

  private HpoJsonReader(String source) {
    this.source = source;
  }

  static HpoOntology read(InputStream in, String source) throws IOException {
    HpoJsonReader reader = new HpoJsonReader(source);
    JsonParser parser = MAPPER.createParser(in);
    try (parser) {
      reader.readDocument(parser);
    } catch (StreamConstraintsException e) {
      JsonLocation location = parser.currentTokenLocation();
      int line = location == null ? 0 : Math.max(0, location.getLineNr());
      throw new HpoFormatException(source, line, JsonLimits.describe(e), e);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      int line = location == null ? 0 : Math.max(0, location.getLineNr());
      String where = location == null || location.getColumnNr() < 1 ? "" : " (column " + location.getColumnNr() + ")";
      throw new HpoFormatException(source, line, "invalid JSON" + where + ": " + JsonLimits.syntaxError(e), e);
    }
    return reader.finish();
  }

  private void readDocument(JsonParser parser) throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw fail("the JSON document is not an object");
    }
    boolean sawGraphs = false;
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("graphs".equals(field)) {
        if (value != JsonToken.START_ARRAY) {
          throw fail("\"graphs\" is not an array");
        }
        sawGraphs = true;
        for (JsonToken graph = next(parser); graph != JsonToken.END_ARRAY; graph = next(parser)) {
          if (graph != JsonToken.START_OBJECT) {
            throw fail("an entry of \"graphs\" is not an object");
          }
          readGraph(parser);
        }
      } else {
        parser.skipChildren();
      }
    }
    if (parser.nextToken() != null) {
      throw fail("unexpected content after the end of the JSON document");
    }
    if (!sawGraphs) {
      throw fail("the JSON has no \"graphs\" array; it is not an obographs (hp.json) file");
    }
  }

  /** Reads one graph object; the parser is on its START_OBJECT and is left on its END_OBJECT. */
  private void readGraph(JsonParser parser) throws IOException {
    for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "nodes", "edges" -> {
          if (value != JsonToken.START_ARRAY) {
            throw fail("\"" + field + "\" of a graph is not an array");
          }
          for (JsonToken item = next(parser); item != JsonToken.END_ARRAY; item = next(parser)) {
            JsonNode node = MAPPER.readTree(parser);
            if (field.equals("nodes")) {
              readNode(node);
            } else {
              readEdge(node);
            }
          }
        }
        case "meta" -> readGraphMeta(MAPPER.readTree(parser));
        default -> parser.skipChildren();
      }
    }
  }

  /** The next token; the end of the input inside an array is an error, never an endless loop. */
  private JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw fail("invalid JSON: the document ends inside an array");
    }
    return token;
  }

  private void readGraphMeta(JsonNode meta) {
    if (!release.isEmpty()) {
      return;
    }
    String version = meta.path("version").asText("").strip();
    if (version.isEmpty()) {
      for (JsonNode property : meta.path("basicPropertyValues")) {
        if (property.path("pred").asText("").endsWith("versionInfo")) {
          version = property.path("val").asText("").strip();
          break;
        }
      }
    }
    release = version;
  }

  private void readNode(JsonNode node) {
    String id = HpoIds.normalize(node.path("id").asText(null));
    if (id == null) {
      return; // another ontology's node, or no id at all
    }
    JsonNode type = node.get("type");
    boolean isClass = type == null ? node.has("lbl") : "CLASS".equals(type.asText());
    if (!isClass) {
      return; // a property, or a bare reference without a label
    }
    if (terms.containsKey(id)) {
      throw fail("term " + id + " is defined twice");
    }
    TermDraft term = new TermDraft(0);
    term.id = id;
    term.label = node.path("lbl").asText("").strip();
    JsonNode meta = node.path("meta");
    term.obsolete = meta.path("deprecated").asBoolean(false);
    for (JsonNode synonym : meta.path("synonyms")) {
      String text = synonym.path("val").asText("").strip();
      if (!text.isEmpty()) {
        String synonymType = synonym.path("synonymType").asText("").toLowerCase(Locale.ROOT);
        term.synonyms.add(new HpoTerm.Synonym(text, scope(synonym.path("pred").asText("")), synonymType.endsWith("layperson")));
      }
    }
    for (JsonNode property : meta.path("basicPropertyValues")) {
      String predicate = property.path("pred").asText("");
      String value = HpoIds.normalize(property.path("val").asText(null));
      if (value == null || value.equals(id)) {
        continue;
      }
      if (predicate.endsWith("hasAlternativeId")) {
        term.altIds.add(value);
      } else if (predicate.endsWith("IAO_0100001")) { // term replaced by
        term.replacedBy.add(value);
      } else if (predicate.endsWith("#consider")) {
        term.consider.add(value);
      }
    }
    terms.put(id, term);
  }

  private void readEdge(JsonNode edge) {
    String predicate = edge.path("pred").asText("");
    if (!predicate.equals("is_a") && !predicate.endsWith("subClassOf")) {
      return;
    }
    String child = HpoIds.normalize(edge.path("sub").asText(null));
    String parent = HpoIds.normalize(edge.path("obj").asText(null));
    if (child != null && parent != null) {
      parents.computeIfAbsent(child, k -> new ArrayList<>()).add(parent);
    }
  }

  private HpoOntology finish() {
    if (terms.isEmpty()) {
      throw fail("the JSON holds no HP terms; is it an HPO (hp.json) file?");
    }
    parents.forEach(
        (child, ids) -> {
          TermDraft term = terms.get(child);
          if (term != null) {
            ids.forEach(term::addParent);
          }
        });
    return new HpoOntology(release, terms.values().stream().map(TermDraft::toTerm).toList());
  }

  private static HpoTerm.Scope scope(String predicate) {
    String name = predicate.substring(predicate.lastIndexOf('#') + 1);
    return switch (name) {
      case "hasExactSynonym" -> HpoTerm.Scope.EXACT;
      case "hasBroadSynonym" -> HpoTerm.Scope.BROAD;
      case "hasNarrowSynonym" -> HpoTerm.Scope.NARROW;
      default -> HpoTerm.Scope.RELATED;
    };
  }

  private HpoFormatException fail(String reason) {
    return new HpoFormatException(source, 0, reason);
  }
}
