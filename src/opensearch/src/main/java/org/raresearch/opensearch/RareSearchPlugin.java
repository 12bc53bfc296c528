package org.raresearch.opensearch;

import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.plugins.SearchPlugin;

/**
 * RareSearch in OpenSearch, the plugin class the descriptor names. It offers
 *
 * <ul>
 *   <li>RareSearch's analyzers ({@link RareSearchAnalysis#ANALYZERS}) and token filters ({@link
 *       RareSearchAnalysis#TOKEN_FILTERS}) to mappings;
 *   <li>the symptom ranking as the query {@code {"rare_symptoms": {"query": "..."}}} ({@link
 *       RareSymptomsQueryBuilder}) and name resolution as {@code {"rare_names": {"name": "..."}}}
 *       ({@link RareNamesQueryBuilder}), both built by the library's own query code;
 *   <li>the settings and mappings of an index of the library's schema ({@link RareSearchTemplate}).
 * </ul>
 */
public final class RareSearchPlugin extends Plugin implements AnalysisPlugin, SearchPlugin {
  /** Made by OpenSearch when a node loads the plugin. */
  public RareSearchPlugin() {}

  @Override
  public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
    return RareSearchAnalysis.analyzerProviders();
  }

  @Override
  public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
    return RareSearchAnalysis.tokenFilterProviders();
  }

  @Override
  public List<QuerySpec<?>> getQueries() {
    return List.of(
        new QuerySpec<>(RareSymptomsQueryBuilder.NAME, RareSymptomsQueryBuilder::new, RareSymptomsQueryBuilder::fromXContent),
        new QuerySpec<>(RareNamesQueryBuilder.NAME, RareNamesQueryBuilder::new, RareNamesQueryBuilder::fromXContent));
  }
}
