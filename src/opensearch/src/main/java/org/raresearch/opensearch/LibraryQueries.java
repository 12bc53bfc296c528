package org.raresearch.opensearch;

import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.SymptomSynonyms;
import org.raresearch.api.RankingConfig;
import org.raresearch.search.names.NameResolver;
import org.raresearch.search.symptoms.FindingExpansion;
import org.raresearch.search.symptoms.SymptomRanking;

/**
 * The library's query code, made once per node: the symptom ranking with RareSearch's default
 * settings and synonyms (without a vocabulary: the text ranking) and the name resolver. Both are
 * thread-safe.
 */
final class LibraryQueries {
  private LibraryQueries() {}

  private static final class Symptoms {
    static final SymptomRanking RANKING = new SymptomRanking(
        Analyzers.textQuery(SymptomSynonyms.defaults()), RankingConfig.defaults(), FindingExpansion.NONE, null);
  }

  private static final class Names {
    static final NameResolver RESOLVER = new NameResolver();
  }

  /** The symptom ranking. */
  static SymptomRanking symptoms() {
    return Symptoms.RANKING;
  }

  /** The name resolver. */
  static NameResolver names() {
    return Names.RESOLVER;
  }
}
