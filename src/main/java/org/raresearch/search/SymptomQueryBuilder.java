package org.raresearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.NameKeys;
import org.raresearch.index.IndexSchema;
import org.raresearch.report.SectionKind;

/**
 * Builds the Lucene query for a free-text symptom query. User text is analysed, never parsed as
 * Lucene syntax.
 *
 * <p>The query is split into findings ({@code heliotrope rash, proximal muscle weakness}). Each
 * finding scores a report by
 *
 * <ul>
 *   <li>its words across the weighted fields, as one BM25F field ({@link CombinedFieldQuery});
 *   <li>the finding as a phrase, with a little slop, in the signs and discussion sections, so
 *       multi-word findings match as phrases first;
 *   <li>a constant for matching most of the finding's words, so reports that match more of the
 *       listed findings rank above reports that match one of them many times;
 *   <li>its lay or clinical synonyms ({@code droopy eyelid} / {@code ptosis}), as alternatives of
 *       which only the best counts;
 *   <li>a large constant when the finding is one of the report's names.
 * </ul>
 *
 * <p>The number of findings, variants and words is bounded so that no query, however long, can
 * exceed Lucene's clause limit; what is left out is reported by {@link Built#truncated()}.
 * Thread-safe.
 */
public final class SymptomQueryBuilder {
  /** At most this many leaf clauses per query: below Lucene's default limit of 1024. */
  static final int MAX_CLAUSES = 900;
  private static final int MAX_VARIANTS = 6;
  private static final int MAX_WORDS_PER_FINDING = 12;

  private final Analyzer plain;
  private final Analyzer withSynonyms;
  private final RankingConfig config;
  private final FindingExpansion expansion;
  private final List<String> phraseFields;

  /** One way of saying a finding: its analysed words and what a match of them is worth. */
  record Variant(List<String> words, float weight) {}

  /** A built query, and whether parts of the user's text were left out to stay within bounds. */
  public record Built(Query query, boolean truncated, int findings) {}

  /**
   * @param withSynonyms the query analyzer with synonym expansion ({@code Analyzers.textQuery})
   * @param config the ranking settings
   */
  public SymptomQueryBuilder(Analyzer withSynonyms, RankingConfig config) {
    this(withSynonyms, config, FindingExpansion.NONE);
  }

  /**
   * @param withSynonyms the query analyzer with synonym expansion ({@code Analyzers.textQuery})
   * @param config the ranking settings
   * @param expansion further alternatives for each finding, e.g. from a vocabulary
   */
  public SymptomQueryBuilder(Analyzer withSynonyms, RankingConfig config, FindingExpansion expansion) {
    this.plain = Analyzers.text();
    this.withSynonyms = withSynonyms;
    this.config = config;
    this.expansion = expansion;
    List<String> fields = new ArrayList<>();
    for (String field :
        List.of(
            IndexSchema.sectionField(SectionKind.SIGNS_AND_SYMPTOMS),
            IndexSchema.sectionField(SectionKind.GENERAL_DISCUSSION))) {
      if (config.fieldWeights().containsKey(field)) {
        fields.add(field);
      }
    }
    this.phraseFields = List.copyOf(fields);
  }

  /**
   * Builds the query for {@code text}.
   *
   * @throws InvalidQueryException when the text is empty, too long, or has nothing searchable
   */
  public Built build(String text) {
    String cleaned = QueryText.clean(text, QueryText.MAX_QUERY_CHARS, "query");
    List<QueryText.Finding> findings = QueryText.findings(cleaned);
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int budget = MAX_CLAUSES;
    int used = 0;
    boolean truncated = false;
    Set<String> seenFindings = new LinkedHashSet<>();
    for (QueryText.Finding finding : findings) {
      List<Variant> variants = variants(finding.text());
      if (variants.isEmpty() || !seenFindings.add(String.join(" ", variants.get(0).words()))) {
        continue; // only stop words or punctuation, or said twice
      }
      int cost = cost(variants);
      if (cost > budget) {
        truncated = true;
        break;
      }
      budget -= cost;
      query.add(findingQuery(finding, variants), Occur.SHOULD);
      used++;
      if (used >= MAX_CLAUSES / 8) {
        truncated = true;
        break;
      }
    }
    if (used == 0) {
      if (truncated) {
        throw new InvalidQueryException("the query's first finding is too long to search; split it with commas");
      }
      throw new InvalidQueryException("the query \"" + abbreviate(cleaned) + "\" has no words to search for");
    }
    if (config.nameBoost() > 0 && findings.size() > 1) {
      String key = NameKeys.of(cleaned);
      if (!key.isEmpty() && key.length() < 300) {
        query.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.NAME_KEY, key))), config.nameBoost()), Occur.SHOULD);
      }
    }
    return new Built(query.build(), truncated, used);
  }

  private Query findingQuery(QueryText.Finding finding, List<Variant> variants) {
    List<Query> scored = new ArrayList<>();
    List<Query> matched = new ArrayList<>();
    for (Variant v : variants) {
      List<String> words = v.words();
      float weight = v.weight();
      if (weight <= 0) {
        continue;
      }
      BooleanQuery.Builder variant = new BooleanQuery.Builder();
      BooleanQuery.Builder allWords = new BooleanQuery.Builder();
      if (!finding.quoted()) {
        for (String word : words) {
          Query term = bm25f(word);
          variant.add(term, Occur.SHOULD);
          allWords.add(term, Occur.SHOULD);
        }
        allWords.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(words.size() * config.findingMatchFraction())));
      }
      if (words.size() > 1 && (config.phraseBoost() > 0 || finding.quoted())) {
        int slop = finding.quoted() ? 0 : config.phraseSlop();
        float boost = Math.max(config.phraseBoost(), finding.quoted() ? 1f : 0f);
        List<Query> phrases = new ArrayList<>();
        for (String field : phraseFields) {
          phrases.add(new PhraseQuery(slop, field, words.toArray(String[]::new)));
        }
        for (String field : List.of(IndexSchema.TITLE, IndexSchema.SYNONYMS)) {
          if (config.fieldWeights().containsKey(field)) {
            phrases.add(new PhraseQuery(0, field, words.toArray(String[]::new)));
          }
        }
        Query phrase = new DisjunctionMaxQuery(phrases, 0.1f);
        // The words of a phrase are scored again here on purpose: a phrase match is worth more
        // than the same words scattered through the report.
        variant.add(new BoostQuery(phrase, boost * words.size()), Occur.SHOULD);
        if (finding.quoted()) {
          allWords.add(phrase, Occur.SHOULD);
        }
      } else if (finding.quoted()) {
        Query term = bm25f(words.get(0));
        variant.add(term, Occur.SHOULD);
        allWords.add(term, Occur.SHOULD);
      }
      scored.add(weight == 1f ? variant.build() : new BoostQuery(variant.build(), weight));
      BooleanQuery all = allWords.build();
      matched.add(weight >= 1f ? all : new BoostQuery(all, weight));
    }
    if (scored.isEmpty()) {
      return new MatchNoDocsQuery("finding has no searchable variant");
    }
    BooleanQuery.Builder clause = new BooleanQuery.Builder();
    clause.add(new DisjunctionMaxQuery(scored, 0f), Occur.SHOULD);
    if (config.coordinationBoost() > 0) {
      clause.add(
          new BoostQuery(new ConstantScoreQuery(new DisjunctionMaxQuery(matched, 0f)), config.coordinationBoost()),
          Occur.SHOULD);
    }
    if (config.nameBoost() > 0) {
      String key = NameKeys.of(finding.text());
      if (!key.isEmpty()) {
        clause.add(
            new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.NAME_KEY, key))), config.nameBoost()),
            Occur.SHOULD);
      }
    }
    return clause.build();
  }

  private Query bm25f(String word) {
    CombinedFieldQuery.Builder builder = new CombinedFieldQuery.Builder(word);
    for (Map.Entry<String, Float> field : config.fieldWeights().entrySet()) {
      builder.addField(field.getKey(), field.getValue());
    }
    return builder.build();
  }

  /** Leaf clauses a finding will use. */
  private int cost(List<Variant> variants) {
    int cost = 1;
    for (Variant v : variants) {
      cost += 2 * v.words().size() * Math.max(1, config.fieldWeights().size()) / 4 + phraseFields.size() + 3;
    }
    return cost;
  }

  /**
   * The finding's own words first, then its synonym variants: each a list of analysed words, at most
   * {@value #MAX_VARIANTS} variants of at most {@value #MAX_WORDS_PER_FINDING} words.
   */
  List<Variant> variants(String finding) {
    // A finding is a few words; of a longer one only the start is searched, so that analysis and
    // synonym expansion stay cheap whatever the user sends.
    String[] raw = finding.strip().split("\\s+", 2 * MAX_WORDS_PER_FINDING + 1);
    if (raw.length > 2 * MAX_WORDS_PER_FINDING) {
      finding = String.join(" ", java.util.Arrays.copyOf(raw, 2 * MAX_WORDS_PER_FINDING));
    }
    if (finding.length() > 40 * MAX_WORDS_PER_FINDING) {
      finding = finding.substring(0, 40 * MAX_WORDS_PER_FINDING);
    }
    List<String> own = Analyzers.tokens(plain, "text", finding);
    if (own.isEmpty()) {
      return List.of();
    }
    if (own.size() > MAX_WORDS_PER_FINDING) {
      own = own.subList(0, MAX_WORDS_PER_FINDING);
    }
    java.util.Map<List<String>, Float> variants = new java.util.LinkedHashMap<>();
    variants.put(List.copyOf(own), 1f);
    for (FindingExpansion.Alternative alternative : expansion.expand(finding)) {
      List<String> words = Analyzers.tokens(plain, "text", alternative.text());
      if (!words.isEmpty() && words.size() <= MAX_WORDS_PER_FINDING && variants.size() < MAX_VARIANTS + 12) {
        variants.merge(List.copyOf(words), alternative.weight(), Math::max);
      }
    }
    int beforeSynonyms = variants.size();
    if (config.synonymWeight() > 0) {
      try (TokenStream stream = withSynonyms.tokenStream("text", finding)) {
        GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(stream);
        Iterator<TokenStream> paths = graph.getFiniteStrings();
        // The paths of a synonym graph multiply with every expanded word: look at a few only.
        int examined = 0;
        while (paths.hasNext() && variants.size() < beforeSynonyms + MAX_VARIANTS && examined++ < 4 * MAX_VARIANTS) {
          TokenStream path = paths.next();
          CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
          List<String> words = new ArrayList<>();
          path.reset();
          while (path.incrementToken() && words.size() < MAX_WORDS_PER_FINDING) {
            words.add(term.toString());
          }
          path.end();
          path.close();
          if (!words.isEmpty()) {
            variants.putIfAbsent(List.copyOf(words), config.synonymWeight());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("analysing a query in memory cannot fail", e);
      }
    }
    List<Variant> result = new ArrayList<>();
    variants.forEach((words, weight) -> result.add(new Variant(words, weight)));
    return result;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
