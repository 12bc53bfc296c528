package org.raresearch.opensearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexOptions;
import org.raresearch.index.IndexSchema;

/**
 * The mappings of an OpenSearch index that holds RareSearch's disease documents, made from the
 * library's one schema ({@link IndexSchema#diseaseFields()}): each field analysed, indexed and
 * stored as the library indexes it, so that {@code rare_symptoms} and {@code rare_names} score a
 * disease there as the library does. Load the documents with {@code raresearch export --format
 * opensearch-bulk}.
 */
public final class RareSearchTemplate {
  private RareSearchTemplate() {}

  /**
   * The index's mappings: strict (a document with a field the schema does not have is refused), one
   * property per field of the schema.
   */
  public static Map<String, Object> mappings() {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (IndexSchema.DiseaseField field : IndexSchema.diseaseFields()) {
      properties.put(field.name(), property(field));
    }
    Map<String, Object> mappings = new LinkedHashMap<>();
    mappings.put("dynamic", "strict");
    mappings.put("properties", properties);
    return mappings;
  }

  /**
   * A composable index template ({@code PUT _index_template/raresearch}) that gives indexes whose
   * name matches {@code pattern} these mappings and the similarity the library ranks with.
   */
  public static Map<String, Object> indexTemplate(String pattern) {
    Map<String, Object> template = new LinkedHashMap<>();
    template.put("settings", settings());
    template.put("mappings", mappings());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("index_patterns", List.of(pattern));
    body.put("template", template);
    return body;
  }

  /** Index settings: BM25 with Lucene's defaults, as the library's searcher scores. */
  public static Map<String, Object> settings() {
    return Map.of("index.similarity.default.type", "BM25");
  }

  private static Map<String, Object> property(IndexSchema.DiseaseField field) {
    Map<String, Object> property = new LinkedHashMap<>();
    if (field.analysis() == IndexSchema.Analysis.KEYWORD) {
      property.put("type", "keyword");
      property.put("doc_values", field.sortable());
    } else {
      String analyzer = RareSearchAnalysis.analyzerOf(field.analysis());
      property.put("type", "text");
      property.put("analyzer", analyzer);
      property.put("index_options", indexOptions(field.indexOptions()));
      if (field.analysis() == IndexSchema.Analysis.TERM_FREQUENCIES) {
        property.put("norms", false);
      } else {
        try (Analyzer made = RareSearchAnalysis.analyzer(analyzer)) {
          property.put("position_increment_gap", made.getPositionIncrementGap(field.name()));
        }
      }
    }
    property.put("store", field.stored());
    return property;
  }

  private static String indexOptions(IndexOptions options) {
    return switch (options) {
      case DOCS -> "docs";
      case DOCS_AND_FREQS -> "freqs";
      case DOCS_AND_FREQS_AND_POSITIONS -> "positions";
      case DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS -> "offsets";
      default -> throw new IllegalArgumentException("a field of the schema indexed as " + options + " has no mapping");
    };
  }
}
