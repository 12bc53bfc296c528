package org.raresearch.search.names;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.raresearch.analysis.NameKeys;
import org.raresearch.api.NameMatch;
import org.raresearch.api.NameMatch.Kind;
import org.raresearch.index.IndexSchema;
import org.raresearch.search.queries.NearTerms;

/**
 * Matches a disease name by its words, for a name written unlike every indexed name: other words
 * around the same core ("Cardiomyopathy, dilated, 1A"), another source's wording ("Schimke X-linked
 * mental retardation syndrome" for "Schimke X-linked intellectual disability syndrome").
 *
 * <p>Each word of the name is looked up among the words of the reports' names, allowing one typo
 * in a word of five letters or more and two from eight ({@link NearTerms}). The reports whose names
 * share the most of these words (BM25 over {@link IndexSchema#NAMES}) are the candidates, and each
 * of a candidate's names is scored by how much of the two names' words match: an F-measure of
 * their word sets that favours covering the looked-up name, each word weighed by its inverse
 * document frequency among the reports' names (a word in many names, such as "syndrome", says
 * little about which disease is meant; a rare one, such as a person's or a gene's name, says
 * much), a word matched through a typo counting by its similarity. Unmatched rare words on either
 * side thus weigh against a candidate: an eponym the name does not have points to another
 * disease.
 */
final class NameWords {
  private static final int CANDIDATES = 50;
  /** The most distinct words of a name that are looked up. */
  private static final int MAX_NAME_WORDS = 32;
  /** The most typo variants of one word that are looked up. */
  private static final int MAX_VARIANTS = 20;
  /** The confidence of a match of all words: a name that is not written alike is never sure. */
  private static final double FULL_CONFIDENCE = 0.8;
  /** Below this, the words shared are too few or too common for a guess worth showing. */
  private static final double MIN_CONFIDENCE = 0.2;
  /**
   * β² of the F-measure that scores a name against the looked-up one: β = 2 weighs recall (the
   * share of the looked-up name matched) twice as much as precision. Chosen on the cross-source
   * dev names by two-fold cross-validation (β² from 2 to 8 were within 0.003 success@1 of each
   * other in both folds; the Dice coefficient, β = 1, is 0.013 lower).
   */
  private static final double RECALL_WEIGHT = 4;

  /** The reports matched by most of the words of {@code key}, each through its best name. */
  List<NameMatch> match(IndexSearcher searcher, String key) throws IOException {
    Lookup lookup = new Lookup(searcher, key);
    Query query = lookup.query();
    if (query == null) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    List<NameMatch> matches = new ArrayList<>();
    for (ScoreDoc hit : searcher.search(query, CANDIDATES, IndexSchema.BY_SCORE_THEN_ID).scoreDocs) {
      ReportNames report = ReportNames.load(stored, hit.doc);
      NameMatch best = null;
      for (ReportNames.Name name : report.names()) {
        for (String variant : NameKeys.variants(name.text())) {
          double floor = MIN_CONFIDENCE / (FULL_CONFIDENCE * name.weight());
          NameMatch match = name.match(report, Kind.PARTIAL, FULL_CONFIDENCE * lookup.overlap(NameKeys.of(variant), floor));
          if (match.confidence() >= MIN_CONFIDENCE && (best == null || match.confidence() > best.confidence())) {
            best = match;
          }
        }
      }
      if (best != null) {
        matches.add(best);
      }
    }
    return matches;
  }

  /** A word of the reports' names that a word of the looked-up name reaches, and how closely. */
  private record Reached(int word, double similarity) {}

  /** The words of one looked-up name, what they reach, and the weights of the words met. */
  private static final class Lookup {
    private final IndexSearcher searcher;
    private final long names;
    private final List<String> words;
    private final double[] wordWeights;
    private final double totalWeight;
    private final Map<String, Reached> reached = new HashMap<>();
    private final Map<String, Double> weights = new HashMap<>();
    private final List<Query> clauses = new ArrayList<>();
    /** Each segment's terms of the names field, opened on first use, to weigh the words met. */
    private final TermsEnum[] leaves;

    Lookup(IndexSearcher searcher, String key) throws IOException {
      this.searcher = searcher;
      this.leaves = new TermsEnum[searcher.getIndexReader().leaves().size()];
      CollectionStatistics statistics = searcher.collectionStatistics(IndexSchema.NAMES);
      this.names = statistics == null ? 0 : statistics.docCount();
      Set<String> distinct = new LinkedHashSet<>(List.of(key.split(" ")));
      this.words = distinct.stream().limit(MAX_NAME_WORDS).toList();
      this.wordWeights = new double[words.size()];
      double total = 0;
      for (int i = 0; i < words.size(); i++) {
        wordWeights[i] = reach(i);
        total += wordWeights[i];
      }
      this.totalWeight = total;
    }

    /**
     * Looks up word {@code i} and its typo variants, adds them to the candidates' query and returns
     * the word's weight: that of the word itself when names have it, else of its closest variant.
     */
    private double reach(int i) throws IOException {
      String word = words.get(i);
      Term term = new Term(IndexSchema.NAMES, word);
      List<Query> ways = new ArrayList<>();
      double weight = weight(0);
      if (word.length() >= 5) {
        double closest = -1;
        for (NearTerms.Near near : NearTerms.find(searcher, term, word.length() >= 8 ? 2 : 1, 1, MAX_VARIANTS, true)) {
          String variant = near.bytes().utf8ToString();
          double similarity = near.edits() == 0 ? 1 : near.boost();
          double variantWeight = weight(near.states().docFreq());
          weights.put(variant, variantWeight);
          reach(variant, i, similarity, near.states(), ways);
          if (similarity > closest || (similarity == closest && variantWeight < weight)) {
            closest = similarity;
            weight = variantWeight;
          }
        }
      } else {
        TermStates states = TermStates.build(searcher, term, true);
        if (states.docFreq() > 0) {
          weight = weight(states.docFreq());
          weights.put(word, weight);
          reach(word, i, 1, states, ways);
        }
      }
      if (!ways.isEmpty()) {
        clauses.add(ways.size() == 1 ? ways.getFirst() : new DisjunctionMaxQuery(ways, 0f));
      }
      return weight;
    }

    private void reach(String variant, int word, double similarity, TermStates states, List<Query> ways) {
      Reached before = reached.get(variant);
      if (before == null || before.similarity() < similarity) {
        reached.put(variant, new Reached(word, similarity));
      }
      Query exact = new TermQuery(new Term(IndexSchema.NAMES, variant), states);
      ways.add(similarity == 1 ? exact : new BoostQuery(exact, (float) similarity));
    }

    /** The query for candidates: any of the words or their variants; null when none is indexed. */
    Query query() {
      if (clauses.isEmpty()) {
        return null;
      }
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      clauses.forEach(c -> query.add(c, Occur.SHOULD));
      return query.build();
    }

    /**
     * How much of the looked-up name and of the name with key {@code key} match, from 0 to 1: the
     * F2 measure of the matched words' weight, as a share of the looked-up name's words (recall)
     * and of the other name's (precision). Recall counts more: the words a user wrote should all be
     * found, while another source's name of the same disease often adds or leaves out words
     * ("autosomal recessive", a gene, a subtype number). Returns 0 when the measure cannot reach
     * {@code floor}, without weighing the other name's unmatched words.
     */
    double overlap(String key, double floor) throws IOException {
      Set<String> other = new LinkedHashSet<>(List.of(key.split(" ")));
      double[] matched = new double[words.size()];
      double matchedWeight = 0;
      for (String word : other) {
        Reached reach = reached.get(word);
        if (reach != null) {
          double weight = weights.get(word);
          matchedWeight += weight;
          matched[reach.word()] = Math.max(matched[reach.word()], reach.similarity() * (wordWeights[reach.word()] + weight) / 2);
        }
      }
      double shared = 0;
      for (double m : matched) {
        shared += m;
      }
      if (shared == 0 || measure(shared, matchedWeight) < floor) {
        return 0; // unmatched words only lower it
      }
      double otherWeight = 0;
      for (String word : other) {
        otherWeight += weightOf(word);
      }
      return measure(shared, otherWeight);
    }

    private double measure(double shared, double otherWeight) {
      double weighted = RECALL_WEIGHT * totalWeight + otherWeight;
      return weighted == 0 ? 0 : Math.min(1, (1 + RECALL_WEIGHT) * shared / weighted);
    }

    /** The weight of a word of a name; words not reached are looked up once per name resolved. */
    private double weightOf(String word) throws IOException {
      Double known = weights.get(word);
      if (known == null) {
        BytesRef bytes = new BytesRef(word);
        long docFreq = 0;
        List<LeafReaderContext> segments = searcher.getIndexReader().leaves();
        for (int i = 0; i < leaves.length; i++) {
          if (leaves[i] == null) {
            Terms terms = segments.get(i).reader().terms(IndexSchema.NAMES);
            leaves[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
          }
          if (leaves[i].seekExact(bytes)) {
            docFreq += leaves[i].docFreq();
          }
        }
        known = weight(docFreq);
        weights.put(word, known);
      }
      return known;
    }

    /** BM25's inverse document frequency of a word in {@code docFreq} of the reports' names. */
    private double weight(long docFreq) {
      return Math.log(1 + (names - docFreq + 0.5) / (docFreq + 0.5));
    }
  }
}
