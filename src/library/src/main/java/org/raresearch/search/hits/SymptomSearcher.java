package org.raresearch.search.hits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.raresearch.api.PhenotypeMatch;
import org.raresearch.api.PriorScore;
import org.raresearch.api.RankingConfig;
import org.raresearch.api.ScoredId;
import org.raresearch.api.SearchHit;
import org.raresearch.api.SearchResults;
import org.raresearch.index.DiseasePrior;
import org.raresearch.index.DiseaseText;
import org.raresearch.query.QueryReader;
import org.raresearch.query.QueryReading;
import org.raresearch.index.IndexSchema;
import org.raresearch.index.StoredReports;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.SectionKind;
import org.raresearch.search.symptoms.FindingExpansion;
import org.raresearch.search.symptoms.SymptomRanking;
import org.raresearch.vocabulary.HpoOntology;

/**
 * Runs symptom queries against an index: ranks its diseases by {@link SymptomRanking}, in its two
 * stages ({@link SymptomRanking#search}), ties broken by disease id so results are stable, and
 * explains each hit with the phenotypes that fit its findings, the sections it matched and
 * highlighted snippets. Thread-safe: the searcher is passed to each call.
 */
public final class SymptomSearcher {
  private final SymptomRanking ranking;
  private final HitHighlighter highlighter;
  private final PhenotypeExplainer explainer;
  private final RankingConfig config;

  /**
   * @param queryAnalyzer the analyzer for query text, with synonyms
   * @param config the ranking settings
   */
  public SymptomSearcher(Analyzer queryAnalyzer, RankingConfig config) {
    this(queryAnalyzer, config, FindingExpansion.NONE, null);
  }

  /**
   * @param queryAnalyzer the analyzer for query text, with synonyms
   * @param config the ranking settings
   * @param expansion further alternatives for each finding's words, e.g. HPO synonyms
   * @param ontology the vocabulary findings are recognised in, or null for text ranking only
   */
  public SymptomSearcher(Analyzer queryAnalyzer, RankingConfig config, FindingExpansion expansion, HpoOntology ontology) {
    this.ranking = new SymptomRanking(queryAnalyzer, config, expansion, ontology);
    this.config = config;
    this.explainer = ontology == null ? null : new PhenotypeExplainer(ontology);
    // Every stored field a query's words may be found in; the highlighter looks for the query's
    // words in each, whichever field the query named them for.
    // Most telling first: names, then what the disease looks like, then the other sections.
    List<String> fields = new ArrayList<>(List.of(
        IndexSchema.TITLE,
        IndexSchema.SYNONYMS,
        IndexSchema.SUBDIVISIONS,
        IndexSchema.sectionField(SectionKind.SIGNS_AND_SYMPTOMS),
        IndexSchema.sectionField(SectionKind.GENERAL_DISCUSSION)));
    for (String field : IndexSchema.sectionFields()) {
      if (!fields.contains(field) && !field.equals(IndexSchema.sectionField(SectionKind.REFERENCES))) {
        fields.add(field);
      }
    }
    this.highlighter = new HitHighlighter(fields);
  }

  /**
   * Ranked diseases with matched sections and snippets, each once, listing the reports it is made
   * of in {@link SearchHit#sourceIds()}.
   */
  public SearchResults search(IndexSearcher searcher, String query, int limit) throws IOException {
    return search(searcher, ranking.reader().read(query), limit);
  }

  /** As {@link #search(IndexSearcher, String, int)}, for a query already read. */
  public SearchResults search(IndexSearcher searcher, QueryReading query, int limit) throws IOException {
    SymptomRanking.Prepared prepared = ranking.prepare(query);
    SymptomRanking.Ranked top = ranking.search(searcher, prepared, limit);
    // Rewritten once for all: the highlighter rewrites its query for every hit and field.
    Query rewritten = searcher.rewrite(prepared.textQuery());
    StoredFields stored = searcher.storedFields();
    int[] docs = new int[top.hits().size()];
    List<String> titles = new ArrayList<>(docs.length);
    List<List<String>> sourceIds = new ArrayList<>(docs.length);
    List<List<DiseaseReport>> reports = new ArrayList<>(docs.length);
    List<DiseaseText> texts = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      docs[i] = top.hits().get(i).doc();
      var fields = stored.document(docs[i], Set.of(IndexSchema.TITLE, IndexSchema.MEMBER));
      titles.add(fields.get(IndexSchema.TITLE));
      List<String> ids = List.of(fields.getValues(IndexSchema.MEMBER));
      sourceIds.add(ids);
      List<DiseaseReport> own = StoredReports.all(searcher.getIndexReader(), ids);
      reports.add(own);
      texts.add(DiseaseText.of(own));
    }
    List<HitHighlighter.Highlighted> highlights = highlighter.highlight(searcher, rewritten, docs, texts);
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      HitHighlighter.Highlighted h = highlights.get(i);
      List<String> ids = sourceIds.get(i);
      List<PhenotypeMatch> matches = explainer == null
          ? List.of()
          : explainer.explain(searcher.getIndexReader(), prepared.findings(), reports.get(i));
      hits.add(new SearchHit(ids.getFirst(), titles.get(i), top.hits().get(i).score(), h.sections(), h.snippets(), ids, matches,
          prior(reports.get(i))));
    }
    return new SearchResults(hits, top.totalMatches(), prepared.truncated(), prepared.findings());
  }

  /** What the prior added to a disease's score, as the ranking added it; empty when it added nothing. */
  private Optional<PriorScore> prior(List<DiseaseReport> reports) {
    RankingConfig.Prior settings = config.prior();
    if ((settings.weight() == 0 && settings.diagnosisWeight() == 0) || !DiseasePrior.applies(reports)) {
      return Optional.empty();
    }
    DiseaseFacts facts = reports.getFirst().facts();
    float score = settings.weight() * DiseasePrior.feature(reports) + (facts.isGroup() ? 0 : settings.diagnosisWeight());
    return Optional.of(new PriorScore(facts.disorderType(), facts.isGroup(), DiseasePrior.prevalence(facts), score));
  }

  /**
   * The reader of this searcher's queries.
   *
   * @return the reader
   */
  public QueryReader reader() {
    return ranking.reader();
  }

  /** Ranked disease ids only: the fast path for evaluation runs. */
  public List<ScoredId> rank(IndexSearcher searcher, String query, int limit) throws IOException {
    return rank(searcher, ranking.reader().read(query), limit);
  }

  /** As {@link #rank(IndexSearcher, String, int)}, for a query already read. */
  public List<ScoredId> rank(IndexSearcher searcher, QueryReading query, int limit) throws IOException {
    SymptomRanking.Ranked top = ranking.search(searcher, ranking.prepare(query), limit);
    List<ScoredId> ids = new ArrayList<>(top.hits().size());
    for (SymptomRanking.Hit hit : top.hits()) {
      ids.add(new ScoredId(hit.id(), hit.score()));
    }
    return ids;
  }
}
