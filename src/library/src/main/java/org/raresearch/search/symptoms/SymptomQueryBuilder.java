package org.raresearch.search.symptoms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.index.Term;
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
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.FindingKeys;
import org.raresearch.analysis.NameKeys;
import org.raresearch.analysis.QualifierWordFilter;
import org.raresearch.api.RankingConfig;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.index.IndexSchema;
import org.raresearch.query.Negation;
import org.raresearch.query.QueryText;
import org.raresearch.report.SectionKind;
import org.raresearch.search.queries.ReachableFuzzyQuery;

/**
 * Builds the Lucene query for a free-text symptom query. User text is analysed, never parsed as
 * Lucene syntax.
 *
 * <p>The query is split into findings ({@code heliotrope rash, proximal muscle weakness}). Each
 * finding scores a report by
 *
 * <ul>
 *   <li>its words across the weighted fields, as one BM25F field ({@link CombinedFieldQuery}),
 *       divided by the number of its words so that every finding counts alike;
 *   <li>the finding as a phrase, with a little slop, in the signs and discussion sections, so
 *       multi-word findings match as phrases first;
 *   <li>a constant for matching most of the finding's words, so reports that match more of the
 *       listed findings rank above reports that match one of them many times;
 *   <li>its lay or clinical synonyms ({@code droopy eyelid} / {@code ptosis}) and any vocabulary
 *       alternatives ({@link FindingExpansion}), of which only the best counts;
 *   <li>optionally, the finding as exactly one of the report's listed findings, weighted by its
 *       frequency class.
 * </ul>
 *
 * <p>The whole query also earns a large constant when it is one of the report's names, written
 * alike once normalised, in another word order, or within a typo or two.
 *
 * <p>The number of findings, variants and words is bounded so that no query, however long, can
 * exceed Lucene's clause limit; what is left out is reported by {@link Built#truncated()}.
 * Thread-safe.
 */
final class SymptomQueryBuilder {
  /** At most this many leaf clauses per query: below Lucene's default limit of 1024. */
  static final int MAX_CLAUSES = 1000;
  /** Clauses kept for matching the whole query as a name. */
  private static final int NAME_CLAUSES = 8;
  static final int MAX_FINDINGS = 64;
  private static final int MAX_VARIANTS = 6;
  private static final int MAX_WORDS_PER_FINDING = 12;

  private final Analyzer plain;
  private final Analyzer withSynonyms;
  private final RankingConfig config;
  /** The weighted fields, by the index's field names. */
  private final Map<String, Float> fieldWeights;
  private final FindingExpansion expansion;
  private final List<String> phraseFields;

  /**
   * One way of saying a finding: its analysed words, what a match of them is worth, and which words
   * the analyzer marked as qualifiers ({@link QualifierWordFilter}).
   */
  record Variant(List<String> words, float weight, Set<String> qualifiers) {}

  /**
   * A built query, and whether parts of the user's text were left out to stay within bounds.
   *
   * @param findingClauses one clause per finding kept, in query order
   * @param words the first stage's text part: every word of every finding's variants once, across
   *     the weighted fields, weighted by the most it is worth in each finding and summed over the
   *     findings; no phrases, no coordination. It matches what the finding clauses match.
   * @param name the whole query as a disease name, or null when names are not matched
   * @param findings the findings kept, as written
   */
  public record Built(List<Query> findingClauses, Query words, Query name, boolean truncated, List<QueryText.Finding> findings) {
    /** The text ranking: every finding's clause and the name clause, summed. */
    public Query query() {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      findingClauses.forEach(clause -> query.add(clause, Occur.SHOULD));
      if (name != null) {
        query.add(name, Occur.SHOULD);
      }
      return query.build();
    }

    /** The findings' clauses alone, without the name clause. */
    public Query findingsQuery() {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      findingClauses.forEach(clause -> query.add(clause, Occur.SHOULD));
      return query.build();
    }
  }

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
    // A finding's own words as a query reads them: without synonyms, with the query's stop words.
    this.plain = Analyzers.textQuery(null);
    this.withSynonyms = withSynonyms;
    this.config = config;
    this.fieldWeights = IndexSchema.fieldWeights(config);
    this.expansion = expansion;
    List<String> fields = new ArrayList<>();
    for (String field :
        List.of(
            IndexSchema.sectionField(SectionKind.SIGNS_AND_SYMPTOMS),
            IndexSchema.sectionField(SectionKind.GENERAL_DISCUSSION))) {
      if (fieldWeights.containsKey(field)) {
        fields.add(field);
      }
    }
    this.phraseFields = List.copyOf(fields);
  }

  /**
   * Builds the query for {@code text}, leaving out findings negated by a plain cue ("no fever").
   *
   * @throws InvalidQueryException when the text is empty, too long, or has nothing searchable
   */
  public Built build(String text) {
    return build(text, finding -> Negation.withoutPlainCue(finding) != null);
  }

  /**
   * Builds the query for {@code text}: the text ranking of the findings the patient has.
   *
   * @param absent tells the findings the patient does not have, which are left out: a word the
   *     query negates must not make a disease that has it rank higher
   * @throws InvalidQueryException when the text is empty, too long, or has nothing searchable
   */
  public Built build(String text, Predicate<String> absent) {
    String cleaned = QueryText.clean(text, QueryText.MAX_QUERY_CHARS, "query");
    List<QueryText.Finding> findings = new ArrayList<>();
    boolean negated = false;
    for (QueryText.Finding finding : QueryText.findings(cleaned)) {
      if (absent.test(finding.text())) {
        negated = true;
      } else {
        findings.add(finding);
      }
    }
    return build(cleaned, findings, negated);
  }

  /**
   * Builds the query of findings already read: the text ranking of the findings the patient has.
   *
   * @param cleaned the query's text, matched as a disease name
   * @param findings the findings the patient has, in order
   * @param negated whether the query named findings the patient lacks, left out of {@code findings}
   * @throws InvalidQueryException when there is nothing searchable
   */
  Built build(String cleaned, List<QueryText.Finding> findings, boolean negated) {
    if (findings.isEmpty() && negated) {
      throw new InvalidQueryException("the query \"" + abbreviate(cleaned) + "\" names only findings the patient does not have; "
          + "name at least one the patient has");
    }
    // First each finding's own words, as many findings as the clause budget allows; then their
    // alternatives (synonyms, vocabulary terms), best first, round by round, while budget remains.
    int budget = MAX_CLAUSES - NAME_CLAUSES;
    boolean truncated = false;
    Set<String> seenFindings = new LinkedHashSet<>();
    List<QueryText.Finding> kept = new ArrayList<>();
    List<List<Variant>> candidates = new ArrayList<>();
    List<List<Variant>> chosen = new ArrayList<>();
    for (QueryText.Finding finding : findings) {
      if (kept.size() >= MAX_FINDINGS) {
        truncated = true;
        break;
      }
      List<Variant> variants = variants(finding.text());
      if (variants.isEmpty() || !seenFindings.add(String.join(" ", variants.get(0).words()))) {
        continue; // only stop words or punctuation, or said twice
      }
      int cost = cost(variants.get(0), finding.quoted());
      if (cost > budget) {
        truncated = true;
        break;
      }
      budget -= cost;
      kept.add(finding);
      candidates.add(variants);
      chosen.add(new ArrayList<>(List.of(variants.get(0))));
    }
    for (int round = 1; budget > 0; round++) {
      boolean added = false;
      for (int i = 0; i < kept.size(); i++) {
        List<Variant> variants = candidates.get(i);
        if (round < variants.size()) {
          int cost = cost(variants.get(round), kept.get(i).quoted());
          if (cost <= budget) {
            budget -= cost;
            chosen.get(i).add(variants.get(round));
            added = true;
          }
        }
      }
      if (!added) {
        break;
      }
    }
    List<Query> clauses = new ArrayList<>(kept.size());
    Map<String, Float> wordWeights = new LinkedHashMap<>();
    List<Query> exactFindings = new ArrayList<>();
    for (int i = 0; i < kept.size(); i++) {
      clauses.add(findingQuery(kept.get(i), chosen.get(i)));
      addWords(kept.get(i).quoted(), chosen.get(i), wordWeights, exactFindings);
    }
    int used = kept.size();
    if (used == 0) {
      if (truncated) {
        throw new InvalidQueryException("the query's first finding is too long to search; split it with commas");
      }
      throw new InvalidQueryException("the query \"" + abbreviate(cleaned) + "\" has no words to search for");
    }
    return new Built(clauses, wordsQuery(wordWeights, exactFindings), config.nameBoost() > 0 ? nameQuery(cleaned) : null, truncated, kept);
  }

  /**
   * Adds a finding's words to the first stage's: each word at the most it is worth in any of the
   * finding's variants (as in {@link #findingQuery}: the variant's weight, divided by its length,
   * less for a qualifier), summed over findings as the finding clauses are. A quoted finding of
   * several words adds its phrase instead, as it matches only as written.
   */
  private void addWords(boolean quoted, List<Variant> variants, Map<String, Float> wordWeights, List<Query> exactFindings) {
    Map<String, Float> own = new LinkedHashMap<>();
    for (Variant v : variants) {
      if (v.weight() <= 0) {
        continue;
      }
      float weight = v.weight() * (float) Math.pow(v.words().size(), -config.findingLengthNorm());
      if (quoted && v.words().size() > 1) {
        Query phrase = phrase(v.words(), 0);
        exactFindings.add(weight == 1f ? phrase : new BoostQuery(phrase, weight));
      } else {
        for (String word : v.words()) {
          boolean qualifier = config.qualifierWeight() != 1f && v.qualifiers().contains(word);
          own.merge(word, qualifier ? weight * config.qualifierWeight() : weight, Math::max);
        }
      }
      Query exact = exactFinding(v.words());
      if (exact != null) {
        exactFindings.add(weight == 1f ? exact : new BoostQuery(exact, weight));
      }
    }
    own.forEach((word, weight) -> wordWeights.merge(word, weight, Float::sum));
  }

  /**
   * The first stage's text part: the words, then the quoted findings' phrases and the listed
   * findings' matches, as a flat sum, so that top-k searches skip what cannot compete.
   */
  private Query wordsQuery(Map<String, Float> wordWeights, List<Query> exactFindings) {
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    wordWeights.forEach((word, weight) -> words.add(weight == 1f ? bm25f(word) : new BoostQuery(bm25f(word), weight), Occur.SHOULD));
    exactFindings.forEach(exact -> words.add(exact, Occur.SHOULD));
    return words.build();
  }

  private Query findingQuery(QueryText.Finding finding, List<Variant> variants) {
    List<Query> scored = new ArrayList<>();
    List<Query> matched = new ArrayList<>();
    for (Variant v : variants) {
      if (v.weight() <= 0) {
        continue;
      }
      List<String> words = v.words();
      BooleanQuery.Builder variant = new BooleanQuery.Builder();
      BooleanQuery.Builder enough = new BooleanQuery.Builder();
      Query phrase = words.size() > 1 ? phrase(words, finding.quoted() ? 0 : config.phraseSlop()) : null;
      if (finding.quoted()) {
        // A quoted finding must match as written: as a phrase, or as its single word.
        Query required = phrase != null ? phrase : bm25f(words.get(0));
        variant.add(required, Occur.SHOULD);
        enough.add(required, Occur.SHOULD);
      } else {
        for (String word : words) {
          Query term = bm25f(word);
          boolean qualifier = config.qualifierWeight() != 1f && v.qualifiers().contains(word);
          variant.add(qualifier ? new BoostQuery(term, config.qualifierWeight()) : term, Occur.SHOULD);
          enough.add(term, Occur.SHOULD);
        }
        enough.setMinimumNumberShouldMatch(Math.max(1, (int) Math.ceil(words.size() * config.findingMatchFraction())));
        if (phrase != null && config.phraseBoost() > 0) {
          variant.add(new BoostQuery(phrase, config.phraseBoost()), Occur.SHOULD);
        }
      }
      Query exact = exactFinding(words);
      if (exact != null) {
        variant.add(exact, Occur.SHOULD);
        enough.add(exact, Occur.SHOULD);
      }
      Query built = variant.build();
      // Every finding counts alike, however many words it takes to say it.
      float weight = v.weight() * (float) Math.pow(words.size(), -config.findingLengthNorm());
      scored.add(weight == 1f ? built : new BoostQuery(built, weight));
      // A variant's match counts for coordination with the variant's weight, not in full.
      Query all = new ConstantScoreQuery(enough.build());
      matched.add(v.weight() >= 1f ? all : new BoostQuery(all, v.weight()));
    }
    if (scored.isEmpty()) {
      return new MatchNoDocsQuery("finding has no searchable variant");
    }
    BooleanQuery.Builder clause = new BooleanQuery.Builder();
    clause.add(scored.size() == 1 ? scored.get(0) : new DisjunctionMaxQuery(scored, 0f), Occur.SHOULD);
    if (config.coordinationBoost() > 0) {
      clause.add(
          new BoostQuery(new DisjunctionMaxQuery(matched, 0f), config.coordinationBoost()),
          Occur.SHOULD);
    }
    return clause.build();
  }

  /**
   * The whole query as one of a report's names: written alike once normalised, with the same words
   * in another order, or (for a short query) within a typo or two. A report named by the query
   * outranks reports that merely mention its words.
   */
  private Query nameQuery(String text) {
    List<Query> ways = new ArrayList<>();
    String key = NameKeys.of(text);
    if (key.isEmpty() || key.length() > 300) {
      return new MatchNoDocsQuery("not a name");
    }
    ways.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.NAME_KEY, key))), config.nameBoost()));
    ways.add(new BoostQuery(
        new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.NAME_BAG, NameKeys.bagOf(text)))), 0.9f * config.nameBoost()));
    int words = key.split(" ").length;
    if (key.length() >= 5 && words <= 12) {
      int edits = key.length() >= 10 ? 2 : 1;
      ways.add(new BoostQuery(
          new ConstantScoreQuery(new ReachableFuzzyQuery(new Term(IndexSchema.NAME_KEY, key), edits, 1, 16, true)), 0.7f * config.nameBoost()));
    }
    return new DisjunctionMaxQuery(ways, 0f);
  }

  /** The words as a phrase in the fields where phrases mean something. */
  private Query phrase(List<String> words, int slop) {
    List<Query> phrases = new ArrayList<>();
    String[] terms = words.toArray(String[]::new);
    for (String field : phraseFields) {
      phrases.add(new PhraseQuery(slop, field, terms));
    }
    for (String field : List.of(IndexSchema.TITLE, IndexSchema.SYNONYMS)) {
      if (fieldWeights.containsKey(field)) {
        phrases.add(new PhraseQuery(0, field, terms));
      }
    }
    return new DisjunctionMaxQuery(phrases, 0.1f);
  }

  /**
   * The words as one of the report's listed findings, weighted by how frequent the finding is in
   * the disease; null when exact finding matches are off.
   */
  private Query exactFinding(List<String> words) {
    if (config.exactFindingBoost() <= 0) {
      return null;
    }
    String key = FindingKeys.of(words);
    List<Query> classes = new ArrayList<>();
    for (int c = 0; c < IndexSchema.FINDING_KEY_FIELDS.size(); c++) {
      float weight = config.frequencyWeights().get(c);
      if (weight > 0) {
        classes.add(new BoostQuery(new TermQuery(new Term(IndexSchema.FINDING_KEY_FIELDS.get(c), key)), weight));
      }
    }
    return classes.isEmpty() ? null : new BoostQuery(new DisjunctionMaxQuery(classes, 0f), config.exactFindingBoost());
  }

  private Query bm25f(String word) {
    CombinedFieldQuery.Builder builder = new CombinedFieldQuery.Builder(word);
    for (Map.Entry<String, Float> field : fieldWeights.entrySet()) {
      builder.addField(field.getKey(), field.getValue());
    }
    return builder.build();
  }

  /**
   * Leaf clauses a variant adds, as Lucene counts them against its clause limit (a query counts
   * one per term it names): each word in every weighted field, twice (scored and counted for
   * coordination); each word of the phrase in the phrase fields and the title and synonyms (twice
   * for a quoted finding, whose phrase also decides whether it matched); the exact-finding fields,
   * twice.
   */
  private int cost(Variant v, boolean quoted) {
    int words = v.words().size();
    int phrase = words > 1 ? (quoted ? 2 : 1) * words * (phraseFields.size() + 2) : 0;
    return 2 * words * Math.max(1, fieldWeights.size()) + phrase + 2 * IndexSchema.FINDING_KEY_FIELDS.size();
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
      finding = String.join(" ", Arrays.copyOf(raw, 2 * MAX_WORDS_PER_FINDING));
    }
    if (finding.length() > 40 * MAX_WORDS_PER_FINDING) {
      finding = finding.substring(0, 40 * MAX_WORDS_PER_FINDING);
    }
    Set<String> qualifiers = new HashSet<>();
    List<String> own = words(plain, finding, qualifiers);
    if (own.isEmpty()) {
      return List.of();
    }
    if (own.size() > MAX_WORDS_PER_FINDING) {
      own = own.subList(0, MAX_WORDS_PER_FINDING);
    }
    Map<List<String>, Float> variants = new LinkedHashMap<>();
    variants.put(List.copyOf(own), 1f);
    for (FindingExpansion.Alternative alternative : expansion.expand(finding)) {
      List<String> words = words(plain, alternative.text(), qualifiers);
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
          List<String> words = new ArrayList<>();
          read(path, words, qualifiers, MAX_WORDS_PER_FINDING);
          if (!words.isEmpty()) {
            variants.putIfAbsent(List.copyOf(words), config.synonymWeight());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("analysing a query in memory cannot fail", e);
      }
    }
    List<Variant> result = new ArrayList<>();
    variants.forEach((words, weight) -> result.add(new Variant(words, weight, qualifiers)));
    return result;
  }

  /** The analysed words of {@code text}, adding those marked as qualifiers to {@code qualifiers}. */
  private static List<String> words(Analyzer analyzer, String text, Set<String> qualifiers) {
    List<String> words = new ArrayList<>();
    try {
      read(analyzer.tokenStream("text", text), words, qualifiers, Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException("analysing a query in memory cannot fail", e);
    }
    return words;
  }

  /** Reads up to {@code max} words of a stream, noting its qualifier words, and closes it. */
  private static void read(TokenStream stream, List<String> words, Set<String> qualifiers, int max) throws IOException {
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      FlagsAttribute flags = stream.addAttribute(FlagsAttribute.class);
      stream.reset();
      while (words.size() < max && stream.incrementToken()) {
        words.add(term.toString());
        if (QualifierWordFilter.isQualifier(flags)) {
          qualifiers.add(term.toString());
        }
      }
      stream.end();
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
