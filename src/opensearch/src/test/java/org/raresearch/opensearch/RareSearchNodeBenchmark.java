package org.raresearch.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.opensearch.action.bulk.BulkRequestBuilder;
import org.opensearch.action.search.SearchType;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.common.settings.Settings;
import org.opensearch.plugins.Plugin;
import org.opensearch.search.sort.SortBuilders;
import org.opensearch.search.sort.SortOrder;
import org.opensearch.test.OpenSearchIntegTestCase;
import org.raresearch.RareSearch;
import org.raresearch.testing.SharedData;

/**
 * Throughput of one OpenSearch node with the plugin against the library in one JVM, over the same
 * reports and the same symptom queries, one query at a time: not part of the test suite (its name
 * ends in Benchmark). Run it with
 *
 * <pre>
 * ./mvnw -o test -pl src/opensearch -am -Dtest=RareSearchNodeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It indexes every {@code raresearch.bench.every}-th report of {@code ../shared/eval/corpus} (default
 * every 4th), runs the dev symptom queries ({@code dev-symptoms.tsv}, {@code dev-symptoms-lay.tsv})
 * once to warm up and then measured, and prints queries per second for each.
 */
@OpenSearchIntegTestCase.ClusterScope(scope = OpenSearchIntegTestCase.Scope.SUITE, numDataNodes = 1, numClientNodes = 0, supportsDedicatedMasters = false)
public class RareSearchNodeBenchmark extends OpenSearchIntegTestCase {
  private static final String INDEX = "raresearch-bench";

  @Override
  protected Collection<Class<? extends Plugin>> nodePlugins() {
    return List.of(RareSearchPlugin.class);
  }

  public void testThroughputOfOneNodeAgainstTheLibrary() throws Exception {
    Path corpus = SharedData.root().resolve("eval/corpus");
    assumeTrue("skipped: shared data " + corpus + " is not present", Files.isDirectory(corpus));
    int every = Integer.getInteger("raresearch.bench.every", 4);
    List<String> queries = new ArrayList<>();
    for (String set : List.of("dev-symptoms.tsv", "dev-symptoms-lay.tsv")) {
      for (String line : Files.readAllLines(SharedData.root().resolve("eval/queries").resolve(set))) {
        String[] fields = line.split("\t", 2);
        if (fields.length == 2) {
          queries.add(fields[1]);
        }
      }
    }
    Path work = Files.createTempDirectory("raresearch-bench");
    Path reports = Files.createDirectories(work.resolve("reports"));
    try (Stream<Path> files = Files.list(corpus)) {
      List<Path> all = files.sorted().toList();
      for (int i = 0; i < all.size(); i += every) {
        Files.copy(all.get(i), reports.resolve(all.get(i).getFileName()));
      }
    }
    try (RareSearch library = RareSearch.open(work.resolve("index"))) {
      library.sync(reports);
      assertTrue(client().admin().indices().prepareCreate(INDEX)
          .setSettings(Settings.builder().put("index.number_of_shards", 1).put("index.number_of_replicas", 0).loadFromMap(RareSearchTemplate.settings()))
          .setMapping(RareSearchTemplate.mappings()).get().isAcknowledged());
      BulkRequestBuilder bulk = client().prepareBulk().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
      long diseases = library.forEachDisease(d -> bulk.add(client().prepareIndex(INDEX).setId(d.id()).setSource(d.fields())));
      assertFalse(bulk.get().hasFailures());
      client().admin().indices().prepareForceMerge(INDEX).setMaxNumSegments(1).get();
      for (int round = 0; round < 2; round++) {
        long start = System.nanoTime();
        for (String query : queries) {
          library.rank(query, 10);
        }
        double libraryQps = queries.size() / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (String query : queries) {
          client().prepareSearch(INDEX)
              .setSearchType(SearchType.QUERY_THEN_FETCH)
              .setQuery(new RareSymptomsQueryBuilder(query))
              .addSort(SortBuilders.scoreSort())
              .addSort(SortBuilders.fieldSort("id").order(SortOrder.ASC))
              .setSize(10)
              .get();
        }
        double nodeQps = queries.size() / ((System.nanoTime() - start) / 1e9);
        if (round == 1) {
          System.out.printf(Locale.ROOT, "BENCHMARK %d diseases, %d queries, top 10: library %.1f queries/s, one OpenSearch node %.1f queries/s%n",
              diseases, queries.size(), libraryQps, nodeQps);
        }
      }
    } finally {
      org.apache.lucene.util.IOUtils.rm(work);
    }
  }
}
