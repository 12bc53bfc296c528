package org.raresearch.search.symptoms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;
import org.raresearch.api.RankingConfig;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.index.IndexSchema;
import org.raresearch.query.QueryReader;
import org.raresearch.query.QueryReading;
import org.raresearch.query.QueryText;
import org.raresearch.search.queries.ContradictedQuery;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * The ranking of diseases for a free-text symptom query, as Lucene queries: the one definition of
 * it, which the library's searcher runs and which an engine that shares term statistics across
 * shards can run as well (its constants come from the searcher's statistics when it is rewritten).
 *
 * <p>The query's findings are recognised as phenotype terms of the vocabulary, when there is one.
 * A disease's score is its text score ({@link SymptomQueryBuilder}) plus the weighted evidence of
 * its annotated phenotypes ({@link PhenotypeQueryBuilder}, {@link RankingConfig.Phenotypes}),
 * lowered for findings the patient does not have that the disease usually has ({@link
 * ContradictedQuery}). A disease one of whose names is the whole query comes first. Without a
 * vocabulary, or without recognised findings, it is the text ranking alone.
 *
 * <h2>Two stages</h2>
 *
 * A query costs its set-up (looking up its words in every field of every segment) and the scoring
 * of every disease that shares a word with it. Scoring phrases, coordination and synonym variants
 * is wasted on the thousands of diseases that cannot reach the top, and grows with the index. So
 * {@link #search} ranks in two stages, as search engines do:
 *
 * <ol>
 *   <li>{@link Prepared#candidates()}, the <em>first stage</em>: every word of every finding and of
 *       its variants once, as one BM25F field over the weighted fields, weighted by the most it is
 *       worth in any of the finding's variants (a quoted finding by its phrase); the listed-finding
 *       matches; the name clause; the weighted phenotype evidence without the ancestors most
 *       diseases have ({@link #GATHERING_ANCESTOR_SHARE}); lowered for contradictions. A flat
 *       disjunction whose clauses know their highest score, so that a top-k search skips what
 *       cannot compete. It matches the diseases the full ranking matches, but for those that share
 *       with the query nothing but such a common ancestor.
 *   <li>{@link Prepared#query()}, the <em>second stage</em>: the full ranking, computed for the
 *       first stage's best {@link #window(int)} diseases only.
 * </ol>
 *
 * <p>The final score of a disease among the first stage's best {@code window} is its score by
 * {@link Prepared#query()}, exactly; the others are not ranked. Ties are broken by disease id.
 * The window is at least {@value #CANDIDATES} and {@value #CANDIDATES_PER_HIT} per hit asked for:
 * on the dev sets the two stages return the full ranking's top 10, and its top 100 for all but a
 * few hits in ten thousand (see {@code docs/performance.md}). The second stage still looks up
 * every term of the full ranking in every segment and opens its postings, which on the dev indexes
 * (10,000 diseases) is most of its cost: there the two stages take about as long as the full
 * ranking alone, and on an index ten times larger half as long.
 *
 * <p>The two stages map onto an engine's query-then-rescore, such as OpenSearch's {@code
 * rescore}: the first stage is the query, the second the rescore query over a window of
 * {@code window(size)} hits per shard, with {@code query_weight} 0, {@code rescore_query_weight}
 * 1 and {@code score_mode} {@code total}. Every disease the first stage matches, the second
 * matches too, so each hit in the window gets exactly the full ranking's score. Left to the
 * engine: the tie-break by disease id (a sort on the {@code id} field of the hits) and, across
 * shards, the window (per shard there, once over the whole index here; with statistics shared by
 * DFS the shards' windows together hold at least the index's).
 *
 * <pre>{@code
 * SymptomRanking ranking = new SymptomRanking(Analyzers.textQuery(SymptomSynonyms.defaults()),
 *     RankingConfig.defaults(), FindingExpansion.NONE, ontology);
 * SymptomRanking.Ranked top = ranking.search(searcher, ranking.prepare("seizures; no fever"), 10);
 * }</pre>
 *
 * Thread-safe.
 */
public final class SymptomRanking {
  private final SymptomQueryBuilder queries;
  private final RankingConfig config;
  private final QueryReader reader;
  private final PhenotypeQueryBuilder phenotypes;
  private final OnsetAges onsets;

  /**
   * @param queryAnalyzer the analyzer of query text, with synonyms ({@code Analyzers.textQuery})
   * @param config the ranking settings
   * @param expansion further words for each finding, such as the names of the terms it is
   *     recognised as ({@link HpoFindingExpansion})
   * @param ontology the vocabulary findings are recognised in, or null for the text ranking only;
   *     its lookup tables are built here, once
   */
  public SymptomRanking(Analyzer queryAnalyzer, RankingConfig config, FindingExpansion expansion, HpoOntology ontology) {
    this.queries = new SymptomQueryBuilder(queryAnalyzer, config, expansion);
    this.config = Objects.requireNonNull(config, "config");
    this.reader = new QueryReader(ontology, config.course().recognised());
    this.onsets = ontology == null || !config.course().recognised() ? null : new OnsetAges(ontology);
    this.phenotypes = ontology == null ? null : new PhenotypeQueryBuilder(ontology, config.phenotypes());
  }

  /**
   * The fewest diseases the first stage hands to the second: enough for a page of 10 hits. On the
   * dev sets (both symptom query sets, on the report index and on the open-data index) the first
   * stage's best 200 held 7,039 of the full ranking's 7,040 top-10 hits, its best 100 held 7,032.
   * See {@code docs/performance.md}.
   */
  public static final int CANDIDATES = 200;

  /**
   * The first stage hands the second at least this many diseases per hit asked for: for 100 hits,
   * 500 candidates. On the dev sets the best 500 held 70,378 of the full ranking's 70,400 top-100
   * hits (the best 200, 69,544), and left every figure (MRR, success@10, recall@100) as it was.
   */
  public static final int CANDIDATES_PER_HIT = 5;

  /**
   * A symptom query made ready to run.
   *
   * @param query the full ranking, the second stage: run it alone, sorted by score then disease id,
   *     for the ranking without a first stage
   * @param candidates the first stage, which gathers the diseases the second stage scores
   * @param textQuery the text part alone, for highlighting passages
   * @param findings what each finding was recognised as (empty without a vocabulary, unless the
   *     query wrote ids)
   * @param truncated whether part of a very long query was left out
   */
  public record Prepared(Query query, Query candidates, Query textQuery, List<RecognizedFinding> findings, boolean truncated) {}

  /**
   * The diseases a search ranked, best first.
   *
   * @param hits the hits: document, final score, disease id
   * @param totalMatches how many diseases matched, counted exactly up to {@value
   *     #COUNTED_MATCHES}; beyond, at least that many
   * @param totalExact whether {@code totalMatches} is exact
   */
  public record Ranked(List<Hit> hits, long totalMatches, boolean totalExact) {}

  /**
   * One ranked disease.
   *
   * @param doc its document in the searcher's reader
   * @param score its score by the full ranking
   * @param id its disease id
   */
  public record Hit(int doc, float score, String id) {}

  /**
   * The first stage leaves out the phenotype ancestors that more than this share of the diseases
   * have: on the open data they were 72% of the postings it read (the root is in every profile),
   * and leaving them out left the top 10 of every dev query as it was (see {@code
   * docs/performance.md}). The second stage counts them.
   */
  static final double GATHERING_ANCESTOR_SHARE = 0.1;

  /** Matching diseases are counted exactly up to this many; a top-k search skips the rest. */
  public static final int COUNTED_MATCHES = 1_000;


  /**
   * Prepares a free-text symptom query.
   *
   * @throws InvalidQueryException when the text is empty, too long, or has nothing searchable
   */
  public Prepared prepare(String text) {
    return prepare(reader.read(text));
  }

  /**
   * Prepares a query already read, as {@link #reader()} reads text or a structured case.
   *
   * @throws InvalidQueryException when it has nothing searchable
   */
  public Prepared prepare(QueryReading reading) {
    List<RecognizedFinding> recognized = reader.hasVocabulary() ? reading.recognized() : List.of();
    SymptomQueryBuilder.Built built = build(reading);
    float weight = config.phenotypes().weight();
    boolean byPhenotype = phenotypes != null && weight != 0 && !recognized.isEmpty();
    Query phenotypeQuery = byPhenotype ? phenotypes.build(recognized) : null;
    Query evidence = phenotypeQuery == null ? null : new BoostQuery(phenotypeQuery, weight);
    Query gatheringQuery = byPhenotype ? phenotypes.gathering(recognized, GATHERING_ANCESTOR_SHARE) : null;
    Query gatheringEvidence = gatheringQuery == null ? null : new BoostQuery(gatheringQuery, weight);
    List<ContradictedQuery.Contradiction> contradictions = byPhenotype ? contradictions(recognized) : new ArrayList<>();
    if (byPhenotype && onsets != null && config.course().mismatch() > 0) {
      contradictions = new ArrayList<>(contradictions);
      for (RecognizedFinding finding : recognized) {
        if (!finding.excluded() && onsets.isCourse(finding)) {
          contradictions.addAll(onsets.contradictions(finding, config.course().mismatch()));
        }
      }
    }
    return new Prepared(
        withPrior(query(built.findingClauses(), built.name(), evidence, contradictions)),
        withPrior(query(List.of(built.words()), built.name(), gatheringEvidence, contradictions)),
        built.query(),
        reader.hasVocabulary() || reading.hasIds() ? reading.recognized() : List.of(),
        built.truncated() || reading.truncated());
  }

  /**
   * The reader of this ranking's queries: text, ids, and the findings of a structured case.
   *
   * @return the reader
   */
  public QueryReader reader() {
    return reader;
  }

  /**
   * How many diseases the first stage hands to the second for a search of {@code limit} hits: at
   * least {@value #CANDIDATES}, and {@value #CANDIDATES_PER_HIT} per hit.
   */
  public static int window(int limit) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(CANDIDATES, (long) CANDIDATES_PER_HIT * limit));
  }

  /**
   * Ranks diseases, best first, ties broken by disease id: the first stage's best {@link
   * #window(int)} diseases, ranked by the full ranking. On an index of no more diseases than the
   * window, the full ranking alone, which there ranks the same diseases the same at less cost.
   *
   * @param limit the most hits to return
   */
  public Ranked search(IndexSearcher searcher, Prepared prepared, int limit) throws IOException {
    int window = window(limit);
    if (searcher.getIndexReader().numDocs() <= window) {
      return fullRanking(searcher, prepared, limit);
    }
    return twoStages(searcher, prepared, limit, window);
  }

  /** Both stages, with a window of {@code window} candidates. */
  Ranked twoStages(IndexSearcher searcher, Prepared prepared, int limit, int window) throws IOException {
    window = Math.min(window, Math.max(1, searcher.getIndexReader().maxDoc()));
    TopDocs candidates = searcher.search(prepared.candidates(), new TopScoreDocCollectorManager(window, Math.max(window, COUNTED_MATCHES)));
    List<Hit> hits = rescore(searcher, prepared.query(), candidates.scoreDocs, limit);
    return ranked(hits, candidates.totalHits);
  }

  /** The full ranking alone, over every matching disease. */
  static Ranked fullRanking(IndexSearcher searcher, Prepared prepared, int limit) throws IOException {
    // Scores are read from the sort values: asking Lucene to fill them in would score the top hits
    // again, with a new weight for the whole query.
    TopFieldDocs top = searcher.search(prepared.query(), limit, IndexSchema.BY_SCORE_THEN_ID, false);
    List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      Object[] values = ((FieldDoc) hit).fields;
      hits.add(new Hit(hit.doc, (Float) values[0], values[1] == null ? "" : ((BytesRef) values[1]).utf8ToString()));
    }
    return ranked(hits, top.totalHits);
  }

  private static Ranked ranked(List<Hit> hits, TotalHits total) {
    return new Ranked(hits, total.value(), total.relation() == TotalHits.Relation.EQUAL_TO);
  }

  /**
   * The second stage: the candidates' scores by the full ranking, best first, ties broken by
   * disease id. A candidate the full ranking does not match (there should be none) is left out.
   */
  private static List<Hit> rescore(IndexSearcher searcher, Query full, ScoreDoc[] candidates, int limit) throws IOException {
    ScoreDoc[] byDoc = candidates.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
    Weight weight = searcher.createWeight(searcher.rewrite(full), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    List<Hit> scored = new ArrayList<>(byDoc.length);
    int i = 0;
    while (i < byDoc.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(byDoc[i].doc, leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      Scorer scorer = weight.scorer(leaf);
      DocIdSetIterator matches = scorer == null ? DocIdSetIterator.empty() : scorer.iterator();
      SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexSchema.ID);
      for (; i < byDoc.length && byDoc[i].doc < end; i++) {
        int doc = byDoc[i].doc - leaf.docBase;
        if (matches.docID() < doc) {
          matches.advance(doc);
        }
        if (matches.docID() == doc) {
          String id = ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : "";
          scored.add(new Hit(byDoc[i].doc, scorer.score(), id));
        }
      }
    }
    scored.sort(Comparator.comparingDouble((Hit hit) -> -hit.score()).thenComparing(Hit::id));
    return List.copyOf(scored.subList(0, Math.min(limit, scored.size())));
  }

  /**
   * The text query of the findings the patient has, by the words each is searched by ({@link
   * RecognizedFinding#searchText()}): those the patient lacks and ids that name no known term are
   * left out.
   *
   * @throws InvalidQueryException when no finding is left to search
   */
  private SymptomQueryBuilder.Built build(QueryReading reading) {
    List<QueryText.Finding> present = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    boolean negated = false;
    // Onset and course findings name no finding of a disease: their words leave the text query,
    // unless the query has nothing else the patient has.
    boolean onlyCourse = onsets == null
        || reading.findings().stream().allMatch(read -> read.recognized().excluded() || onsets.isCourse(read.recognized()));
    for (QueryReading.Read read : reading.findings()) {
      RecognizedFinding finding = read.recognized();
      String words = finding.searchText();
      if (words.isEmpty()) {
        unread.add(finding.id());
      } else if (finding.excluded()) {
        negated = true;
      } else if (!onlyCourse && onsets.isCourse(finding)) {
        continue;
      } else {
        present.add(new QueryText.Finding(words, read.quoted()));
      }
    }
    if (present.isEmpty() && !unread.isEmpty()) {
      throw new InvalidQueryException(reader.hasVocabulary()
          ? "the query names no finding to search: " + String.join(", ", unread) + (unread.size() == 1 ? " is not an id" : " are not ids")
              + " of the index's ontology"
          : "the query names no finding to search: " + String.join(", ", unread) + (unread.size() == 1 ? " is an HPO id" : " are HPO ids")
              + ", and the index has no ontology to read ids in (give one with --hpo FILE)");
    }
    // The whole query is matched as a disease name as written; a query of ids, by its terms' labels.
    String name = reading.hasIds()
        ? String.join("; ", present.stream().map(QueryText.Finding::text).toList())
        : reading.text();
    return queries.build(name.isEmpty() ? reading.text() : name, present, negated);
  }

  /**
   * The text clauses and the name clause, plus the weighted phenotype evidence, lowered for what
   * contradicts each disease.
   */
  private static Query query(List<Query> textClauses, Query name, Query evidence, List<ContradictedQuery.Contradiction> contradictions) {
    BooleanQuery.Builder ranking = new BooleanQuery.Builder();
    textClauses.forEach(clause -> ranking.add(clause, Occur.SHOULD));
    if (name != null) {
      ranking.add(name, Occur.SHOULD);
    }
    if (evidence != null) {
      ranking.add(evidence, Occur.SHOULD);
    }
    return contradictions.isEmpty() ? ranking.build() : new ContradictedQuery(ranking.build(), contradictions);
  }

  /**
   * The ranking plus what is known of each disease it matches before any finding ({@link
   * RankingConfig.Prior}): the weighted log prevalence and the score of being a diagnosis, read
   * from the disease's features. They raise only the diseases the ranking matches (the ranking is
   * required), so both stages match the same diseases as without them; a disease without features
   * (a report file's) is left as it is.
   */
  private Query withPrior(Query ranking) {
    RankingConfig.Prior prior = config.prior();
    if (prior.weight() == 0 && prior.diagnosisWeight() == 0) {
      return ranking;
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder().add(ranking, Occur.MUST);
    if (prior.weight() > 0) {
      query.add(FeatureField.newLinearQuery(IndexSchema.FEATURES, IndexSchema.PRIOR, prior.weight()), Occur.SHOULD);
    }
    if (prior.diagnosisWeight() > 0) {
      query.add(FeatureField.newLinearQuery(IndexSchema.FEATURES, IndexSchema.DIAGNOSIS, prior.diagnosisWeight()), Occur.SHOULD);
    }
    return query.build();
  }

  /**
   * What can contradict a disease: each finding the patient does not have, as the disease's
   * profile term. (A finding the patient has that a source states the disease lacks is shown in
   * the explanation but not counted: on the dev sets counting it lowered MRR by 0.015, the sources'
   * exclusions being too often at odds with real patients.)
   */
  private static List<ContradictedQuery.Contradiction> contradictions(List<RecognizedFinding> recognized) {
    List<ContradictedQuery.Contradiction> contradictions = new ArrayList<>();
    for (RecognizedFinding finding : recognized) {
      if (finding.excluded()) {
        for (RecognizedFinding.Term recognised : finding.terms()) {
          contradictions.add(new ContradictedQuery.Contradiction(
              new Term(IndexSchema.PHENOTYPE, recognised.term().id()), recognised.confidence()));
        }
      }
    }
    return contradictions;
  }
}
