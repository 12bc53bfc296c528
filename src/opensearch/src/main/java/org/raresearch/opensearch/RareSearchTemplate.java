package org.raresearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexOptions;
import org.opensearch.cluster.metadata.IndexTemplateMetadata;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.index.mapper.MapperService;
import org.raresearch.index.IndexSchema;

/**
 * The mappings of an OpenSearch index that holds RareSearch's disease documents, made from the
 * library's one schema ({@link IndexSchema#diseaseFields()}): each field analysed, indexed and
 * stored as the library indexes it, so that {@code rare_symptoms} and {@code rare_names} score a
 * disease there as the library does. The plugin installs it as the index template {@value #NAME}
 * for indexes named {@value #PATTERN}; load the documents with {@code raresearch export --format
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

  /** The name of the index template the plugin installs. */
  public static final String NAME = "raresearch";

  /** The names of the indexes the template applies to. */
  public static final String PATTERN = "raresearch*";

  /**
   * The index template the plugin installs in the cluster when a node with it starts: indexes whose
   * name starts with {@code raresearch} get these settings and mappings.
   */
  public static IndexTemplateMetadata indexTemplate() {
    try {
      String mappings;
      try (XContentBuilder json = XContentFactory.jsonBuilder()) {
        json.map(Map.of(MapperService.SINGLE_MAPPING_NAME, mappings()));
        mappings = BytesReference.bytes(json).utf8ToString();
      }
      return IndexTemplateMetadata.builder(NAME)
          .patterns(List.of(PATTERN))
          .settings(Settings.builder().loadFromMap(settings()))
          .putMapping(MapperService.SINGLE_MAPPING_NAME, mappings)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the mappings as JSON in memory cannot fail", e);
    }
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
