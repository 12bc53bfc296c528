package org.raresearch.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.search.SearchType;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.plugins.Plugin;
import org.opensearch.search.SearchHit;
import org.opensearch.search.sort.SortBuilders;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.raresearch.RareSearch;
import org.raresearch.analysis.Analyzers;
import org.raresearch.api.NameMatch;
import org.raresearch.api.ScoredId;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.SharedData;

/**
 * The plugin in a real in-JVM OpenSearch cluster of two nodes: an index of two shards, each with a
 * replica, loaded with the library's disease documents, answers {@code rare_symptoms} with DFS
 * query-then-fetch with the same top 10, in the same order, as the library over the same reports;
 * {@code rare_names} finds what the library finds first, as surely; and with one node stopped
 * halfway, no answer is lost. (The scores are the library's too, but for a hit now and then: a
 * word of a finding that one shard holds in none of its documents' copies of a field, while the
 * other shard does, leaves that field out of the BM25F statistics on the first shard, DFS or not;
 * each query's scores are logged side by side.)
 */
@OpenSearchIntegTestCase.ClusterScope(scope = OpenSearchIntegTestCase.Scope.SUITE, numDataNodes = 2, numClientNodes = 0, supportsDedicatedMasters = false)
public class RareSearchClusterTest extends OpenSearchIntegTestCase {
  /** The index, named as the README names it. */
  private static final String INDEX = "raresearch-diseases";
  /** The README's example, and symptom queries of other kinds (lay words, negation, a name). */
  private static final List<String> BUNDLED_QUERIES = List.of(
      "heliotrope rash, proximal muscle weakness, trouble climbing stairs",
      "heliotrope rash, proximal muscle weakness, no fever",
      "droopy eyelid; double vision",
      "muscle weakness that gets worse during the day",
      "joint pain, fever, salmon-coloured rash",
      "oral ulcers; genital ulcers; uveitis",
      "myasthenia gravis");

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(RareSearchPlugin.class);
  }

  public void testBundledReportsRankAsInTheLibraryWithDfsAndSurviveANodeStop() throws Exception {
    try (RareSearch library = BundledIndex.open()) {
      long loaded = load(library);
      assertTrue("the bundled reports make at least 40 diseases, not " + loaded, loaded >= 40);
      int half = BUNDLED_QUERIES.size() / 2;
      for (String query : BUNDLED_QUERIES.subList(0, half)) {
        assertSameTop10(library, query);
      }
      // A node stops mid-run: the replicas of its shards answer.
      internalCluster().stopRandomDataNode();
      ensureYellow(INDEX);
      for (String query : BUNDLED_QUERIES) {
        assertSameTop10(library, query);
      }
      assertEquals(loaded, client().prepareSearch(INDEX).setSize(0).setTrackTotalHits(true).get().getHits().getTotalHits().value());
    }
  }

  public void testNamesResolveToTheLibrarysSurestMatch() throws Exception {
    try (RareSearch library = BundledIndex.open()) {
      load(library);
      for (String name : List.of("Myasthenia Gravis", "myasthenia gravs", "Still's disease, adult onset", "ALS", "gravis myasthenia")) {
        List<NameMatch> expected = library.resolve(name, 10);
        List<SearchHit> hits = search(new RareNamesQueryBuilder(name));
        assertFalse("the library resolves " + name, expected.isEmpty());
        assertFalse("the cluster resolves " + name, hits.isEmpty());
        assertEquals("the surest disease for " + name, expected.getFirst().id(), hits.getFirst().getId());
        assertEquals("the confidence for " + name, expected.getFirst().confidence(), hits.getFirst().getScore(), 1e-6);
      }
    }
  }

  public void testAnalyzersAreTheLibrarys() throws Exception {
    createDiseaseIndex();
    String text = "Droopy eyelids (ptosis) and Sjögren's syndrome type II; increased CK";
    for (String analyzer : List.of(RareSearchAnalysis.TEXT, RareSearchAnalysis.NAME, RareSearchAnalysis.NAME_KEY)) {
      List<String> terms = new ArrayList<>();
      client().admin().indices().prepareAnalyze(INDEX, text).setAnalyzer(analyzer).get().getTokens().forEach(t -> terms.add(t.getTerm()));
      assertEquals(analyzer, Analyzers.tokens(RareSearchAnalysis.analyzer(analyzer), "f", text), terms);
    }
    List<String> filtered = new ArrayList<>();
    client().admin().indices().prepareAnalyze(INDEX, "type ii").setTokenizer("standard")
        .addTokenFilter("raresearch_roman_numeral").get().getTokens().forEach(t -> filtered.add(t.getTerm()));
    assertEquals(List.of("type", "2"), filtered);
  }

  /**
   * A sample of the open data's reports (those the first dev symptom queries are judged against,
   * and every 25th other one), in the library and in the cluster: the dev queries rank alike.
   */
  public void testOpenDataSampleRanksDevQueriesAsInTheLibrary() throws Exception {
    Path corpus = SharedData.root().resolve("eval/corpus");
    Path queries = SharedData.root().resolve("eval/queries/dev-symptoms.tsv");
    Path judgements = SharedData.root().resolve("eval/queries/dev-symptoms.qrels");
    assumeTrue("skipped: shared data " + corpus + " is not present (place the shared folder beside the project)",
        Files.isDirectory(corpus) && Files.isRegularFile(queries) && Files.isRegularFile(judgements));
    List<String[]> sample = Files.readAllLines(queries).stream().map(line -> line.split("\t", 2)).filter(f -> f.length == 2).limit(20).toList();
    Set<String> ids = new LinkedHashSet<>();
    Set<String> queryIds = new LinkedHashSet<>();
    sample.forEach(q -> queryIds.add(q[0]));
    for (String line : Files.readAllLines(judgements)) {
      String[] f = line.split("\\s+");
      if (f.length >= 4 && queryIds.contains(f[0])) {
        ids.add(f[2]);
      }
    }
    // Plain folders: the library's index and the copied reports are real files.
    Path work = Files.createTempDirectory("raresearch-cluster-sample");
    Path reports = Files.createDirectories(work.resolve("reports"));
    try (Stream<Path> files = Files.list(corpus)) {
      List<Path> all = files.sorted().toList();
      for (int i = 0; i < all.size(); i++) {
        String id = all.get(i).getFileName().toString().replaceFirst("\\.txt$", "");
        if (i % 25 == 0 || ids.contains(id)) {
          Files.copy(all.get(i), reports.resolve(all.get(i).getFileName()));
        }
      }
    }
    Path index = work.resolve("index");
    try (RareSearch library = RareSearch.open(index)) {
      library.sync(reports);
      long loaded = load(library);
      assertTrue("the sample holds hundreds of diseases, not " + loaded, loaded > 300);
      for (String[] query : sample) {
        assertSameTop10(library, query[1]);
      }
    } finally {
      org.apache.lucene.util.IOUtils.rm(work);
    }
  }

  /** Creates the index (2 shards, 1 replica each) and loads every disease of the library's index. */
  private long load(RareSearch library) throws Exception {
    createDiseaseIndex();
    BulkRequestBuilder bulk = client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
    long count = library.forEachDisease(disease -> bulk.add(client().prepareIndex(INDEX).setId(disease.id()).setSource(disease.fields())));
    BulkResponse response = bulk.get();
    assertFalse(response.buildFailureMessage(), response.hasFailures());
    ensureGreen(INDEX);
    return count;
  }

  /**
   * Creates the index, two shards of one replica each, with the settings and mappings of the body
   * the plugin gives for {@code PUT raresearch-diseases}.
   */
  @SuppressWarnings("unchecked")
  private void createDiseaseIndex() throws Exception {
    Map<String, Object> body = XContentHelper.convertToMap(MediaTypeRegistry.JSON.xContent(), RareSearchTemplate.indexBody(2, 1), false);
    assertTrue(client().admin().indices().prepareCreate(INDEX)
        .setSettings((Map<String, Object>) body.get("settings"))
        .setMapping((Map<String, Object>) body.get("mappings"))
        .get().isAcknowledged());
    ensureGreen(INDEX);
    // Every field of the schema, of its type and with its analyzer (OpenSearch leaves defaults out).
    Map<String, Object> mappings = client().admin().indices().prepareGetMappings(INDEX).get().mappings().get(INDEX).sourceAsMap();
    Map<String, Map<String, Object>> expected = (Map<String, Map<String, Object>>) RareSearchTemplate.mappings().get("properties");
    Map<String, Map<String, Object>> actual = (Map<String, Map<String, Object>>) mappings.get("properties");
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((field, property) -> {
      assertEquals(field, property.get("type"), actual.get(field).get("type"));
      assertEquals(field, property.get("analyzer"), actual.get(field).get("analyzer"));
    });
    assertEquals("strict", mappings.get("dynamic"));
    Settings settings = client().admin().indices().prepareGetSettings(INDEX).get().getIndexToSettings().get(INDEX);
    assertEquals("BM25", settings.get("index.similarity.default.type"));
    assertEquals("2", settings.get("index.number_of_shards"));
  }

  private void assertSameTop10(RareSearch library, String query) {
    List<ScoredId> expected = library.rank(query, 10);
    List<SearchHit> hits = search(new RareSymptomsQueryBuilder(query));
    List<String> expectedIds = expected.stream().map(ScoredId::id).toList();
    List<String> actualIds = hits.stream().map(SearchHit::getId).toList();
    StringBuilder scores = new StringBuilder();
    for (int i = 0; i < Math.min(expected.size(), hits.size()); i++) {
      scores.append(String.format(java.util.Locale.ROOT, " %s %.4f/%.4f", expectedIds.get(i), expected.get(i).score(), hits.get(i).getScore()));
    }
    logger.info("rare_symptoms [{}], library/cluster scores:{}", query, scores);
    assertEquals("the top 10 for " + query, expectedIds, actualIds);
  }

  private List<SearchHit> search(QueryBuilder query) {
    SearchResponse response = client().prepareSearch(INDEX)
        .setSearchType(SearchType.DFS_QUERY_THEN_FETCH)
        .setQuery(query)
        .addSort(SortBuilders.scoreSort())
        .addSort(SortBuilders.fieldSort("id").order(SortOrder.ASC))
        .setTrackScores(true)
        .setSize(10)
        .get();
    assertEquals(0, response.getFailedShards());
    return List.of(response.getHits().getHits());
  }
}
