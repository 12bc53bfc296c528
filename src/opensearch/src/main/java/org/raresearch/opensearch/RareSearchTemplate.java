package org.raresearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexOptions;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.xcontent.XContentBuilder;
import org.raresearch.index.IndexSchema;

/**
 * The mappings of an OpenSearch index that holds RareSearch's disease documents, made from the
 * library's one schema ({@link IndexSchema#diseaseFields()}): each field analysed, indexed and
 * stored as the library indexes it, so that {@code rare_symptoms} and {@code rare_names} score a
 * disease there as the library does. Create an index with {@link #indexBody}, then load the
 * documents with {@code raresearch export --format opensearch-bulk}.
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
      // A disease's ranking features (its prior) are not carried over: OpenSearch keeps such
      // fields in a module of its own (rank_features), and the export does not write them.
      if (field.analysis() != IndexSchema.Analysis.FEATURES) {
        properties.put(field.name(), property(field));
      }
    }
    Map<String, Object> mappings = new LinkedHashMap<>();
    mappings.put("dynamic", "strict");
    mappings.put("properties", properties);
    return mappings;
  }

  /**
   * The body of a request that creates an index for the disease documents ({@code PUT
   * raresearch-diseases}): these settings, with the number of shards and replicas when given, and
   * these mappings.
   *
   * @param shards the number of primary shards, or 0 for OpenSearch's default
   * @param replicas the number of replicas of each, or -1 for OpenSearch's default
   */
  public static String indexBody(int shards, int replicas) {
    Map<String, Object> settings = new LinkedHashMap<>(settings());
    if (shards > 0) {
      settings.put("index.number_of_shards", shards);
    }
    if (replicas >= 0) {
      settings.put("index.number_of_replicas", replicas);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("settings", settings);
    body.put("mappings", mappings());
    try (XContentBuilder json = XContentFactory.jsonBuilder()) {
      json.prettyPrint();
      json.map(body);
      return BytesReference.bytes(json).utf8ToString();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON in memory cannot fail", e);
    }
  }

  /**
   * Prints {@link #indexBody} on standard output, for {@code curl -XPUT .../raresearch-diseases -d @body.json}:
   * {@code java -cp 'plugins/raresearch/*:lib/*' org.raresearch.opensearch.RareSearchTemplate [SHARDS [REPLICAS]]}
   * in an OpenSearch installation with the plugin.
   */
  public static void main(String[] args) {
    if (args.length > 2 || !java.util.Arrays.stream(args).allMatch(a -> a.matches("\\d{1,4}"))) {
      System.err.println("usage: RareSearchTemplate [SHARDS [REPLICAS]] (whole numbers)");
      System.exit(2);
    }
    int shards = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int replicas = args.length > 1 ? Integer.parseInt(args[1]) : -1;
    System.out.println(indexBody(shards, replicas));
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
