package org.raresearch.opensearch;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.DelimitedTermFrequencyTokenFilter;
import org.opensearch.common.settings.Settings;
import org.opensearch.index.IndexSettings;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.ClosePositionGapsFilterFactory;
import org.raresearch.analysis.ParentheticalVariantsFilterFactory;
import org.raresearch.analysis.QualifierWordFilterFactory;
import org.raresearch.analysis.RomanNumeralFilterFactory;
import org.raresearch.analysis.SymptomSynonyms;
import org.raresearch.analysis.TypeFillerFilterFactory;
import org.raresearch.index.DiseaseExport;
import org.raresearch.index.IndexSchema;

/**
 * RareSearch's analyzers and token filters under the names mappings use. The analyzers are the
 * library's own ({@link Analyzers}); the token filters are the library's Lucene token filters,
 * which take the same parameters as under Lucene's names.
 */
public final class RareSearchAnalysis {
  /** Report text: the analyzer of the library's text fields. */
  public static final String TEXT = "raresearch_text";
  /** Symptom queries: the text analyzer with RareSearch's lay and clinical synonyms. */
  public static final String TEXT_QUERY = "raresearch_text_query";
  /** Disease names. */
  public static final String NAME = "raresearch_name";
  /** Name keys: names without the filler word "type". */
  public static final String NAME_KEY = "raresearch_name_key";
  /** Name bags: a name's words sorted, as one token. */
  public static final String NAME_BAG = "raresearch_name_bag";
  /** Phenotype terms, each written {@code id|frequency}, indexed with the frequency as term frequency. */
  public static final String TERM_FREQUENCIES = "raresearch_term_frequencies";

  /** The analyzers, by name. */
  public static final Map<String, Supplier<Analyzer>> ANALYZERS;

  /** The token filters, by name: each makes the library's Lucene factory of that filter. */
  public static final Map<String, Function<Map<String, String>, org.apache.lucene.analysis.TokenFilterFactory>> TOKEN_FILTERS;

  static {
    Map<String, Supplier<Analyzer>> analyzers = new LinkedHashMap<>();
    analyzers.put(TEXT, Analyzers::text);
    analyzers.put(TEXT_QUERY, () -> Analyzers.textQuery(SymptomSynonyms.defaults()));
    analyzers.put(NAME, Analyzers::name);
    analyzers.put(NAME_KEY, Analyzers::nameKey);
    analyzers.put(NAME_BAG, Analyzers::nameBag);
    analyzers.put(TERM_FREQUENCIES, RareSearchAnalysis::termFrequencies);
    ANALYZERS = Map.copyOf(analyzers);
    Map<String, Function<Map<String, String>, org.apache.lucene.analysis.TokenFilterFactory>> filters = new LinkedHashMap<>();
    filters.put("raresearch_close_position_gaps", ClosePositionGapsFilterFactory::new);
    filters.put("raresearch_parenthetical_variants", ParentheticalVariantsFilterFactory::new);
    filters.put("raresearch_qualifier_word", QualifierWordFilterFactory::new);
    filters.put("raresearch_roman_numeral", RomanNumeralFilterFactory::new);
    filters.put("raresearch_type_filler", TypeFillerFilterFactory::new);
    TOKEN_FILTERS = Map.copyOf(filters);
  }

  private RareSearchAnalysis() {}

  /** The analyzer a field of the library's schema is indexed with, by name. */
  static String analyzerOf(IndexSchema.Analysis analysis) {
    return switch (analysis) {
      case TEXT -> TEXT;
      case NAME -> NAME;
      case TERM_FREQUENCIES -> TERM_FREQUENCIES;
      case KEYWORD, FEATURES -> throw new IllegalArgumentException("a field of " + analysis + " has no analyzer");
    };
  }

  /** An analyzer by name, made anew. */
  static Analyzer analyzer(String name) {
    Supplier<Analyzer> analyzer = ANALYZERS.get(name);
    if (analyzer == null) {
      throw new IllegalArgumentException("no RareSearch analyzer is called " + name);
    }
    return analyzer.get();
  }

  /** Terms separated by white space, each {@code term|frequency}: the frequency becomes its term frequency. */
  private static Analyzer termFrequencies() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new WhitespaceTokenizer();
        TokenStream frequencies = new DelimitedTermFrequencyTokenFilter(source, DiseaseExport.FREQUENCY_DELIMITER);
        return new TokenStreamComponents(source, frequencies);
      }
    };
  }

  static Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> analyzerProviders() {
    Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> providers = new HashMap<>();
    ANALYZERS.forEach((name, analyzer) -> providers.put(name,
        (indexSettings, environment, given, settings) -> new LibraryAnalyzer(indexSettings, given, settings, analyzer.get())));
    return providers;
  }

  static Map<String, AnalysisProvider<TokenFilterFactory>> tokenFilterProviders() {
    Map<String, AnalysisProvider<TokenFilterFactory>> providers = new HashMap<>();
    TOKEN_FILTERS.forEach((name, factory) -> providers.put(name,
        (indexSettings, environment, given, settings) -> new LibraryTokenFilter(indexSettings, given, settings, factory.apply(parameters(settings)))));
    return providers;
  }

  /**
   * A filter's settings as the parameters of its Lucene factory, without OpenSearch's own ("type",
   * and the index's settings such as "index.version.created").
   */
  private static Map<String, String> parameters(Settings settings) {
    Map<String, String> parameters = new HashMap<>();
    for (String key : settings.keySet()) {
      if (!key.equals("type") && !key.startsWith("index.")) {
        parameters.put(key, settings.get(key));
      }
    }
    return parameters;
  }

  private static final class LibraryAnalyzer extends AbstractIndexAnalyzerProvider<Analyzer> {
    private final Analyzer analyzer;

    LibraryAnalyzer(IndexSettings indexSettings, String name, Settings settings, Analyzer analyzer) {
      super(indexSettings, name, settings);
      this.analyzer = analyzer;
    }

    @Override
    public Analyzer get() {
      return analyzer;
    }
  }

  private static final class LibraryTokenFilter extends AbstractTokenFilterFactory {
    private final org.apache.lucene.analysis.TokenFilterFactory factory;

    LibraryTokenFilter(IndexSettings indexSettings, String name, Settings settings, org.apache.lucene.analysis.TokenFilterFactory factory) {
      super(indexSettings, name, settings);
      this.factory = factory;
    }

    @Override
    public TokenStream create(TokenStream input) {
      return factory.create(input);
    }
  }
}
