package org.raresearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.raresearch.PhenotypeMatch;
import org.raresearch.RankingConfig;
import org.raresearch.ScoredId;
import org.raresearch.SearchHit;
import org.raresearch.SearchResults;
import org.raresearch.analysis.Negation;
import org.raresearch.index.DiseaseText;
import org.raresearch.index.IndexSchema;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.SectionKind;
import org.raresearch.vocabulary.FindingRecognizer;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * Runs symptom queries against an index and ranks its diseases, breaking ties by disease id so
 * results are stable, and explains each hit with the sections it matched and highlighted
 * snippets. Thread-safe: the searcher is passed to each call.
 *
 * <p>Diseases rank by their text ({@link SymptomQueryBuilder}) unless the query's findings are
 * recognised as phenotype terms of the index's vocabulary and its diseases have phenotype profiles.
 * Then a disease's score is its text score plus the weighted evidence of its annotated phenotypes
 * ({@link PhenotypeQueryBuilder}, {@link RankingConfig.Phenotypes}), one Lucene query, lowered
 * for findings the patient does not have that the disease usually has ({@link
 * ContradictedQuery}). A disease one of whose names is the whole query comes first, as in the
 * text ranking.
 */
public final class SymptomSearcher {
  private static final Sort RANKING =
      new Sort(SortField.FIELD_SCORE, new SortField(IndexSchema.ID, SortField.Type.STRING));

  private final SymptomQueryBuilder queries;
  private final HitHighlighter highlighter;
  private final RankingConfig config;
  private final HpoOntology ontology;
  private final PhenotypeQueryBuilder phenotypes;
  private final PhenotypeExplainer explainer;
  private final FindingRecognizer recognizer;

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
    this.queries = new SymptomQueryBuilder(queryAnalyzer, config, expansion);
    this.config = config;
    this.ontology = ontology;
    this.phenotypes = ontology == null ? null : new PhenotypeQueryBuilder(ontology, config.phenotypes());
    this.explainer = ontology == null ? null : new PhenotypeExplainer(ontology);
    // Built here rather than on first use: no query's time budget pays for it.
    this.recognizer = ontology == null ? null : new FindingRecognizer(ontology);
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
    List<RecognizedFinding> recognized = recognize(query);
    SymptomQueryBuilder.Built built = build(query, recognized);
    Ranked ranked = rank(searcher, built, recognized, limit);
    // Rewritten once for all: the highlighter rewrites its query for every hit and field.
    Query rewritten = searcher.rewrite(built.query());
    StoredFields stored = searcher.storedFields();
    int[] docs = ranked.docs();
    List<String> titles = new ArrayList<>(docs.length);
    List<List<String>> sourceIds = new ArrayList<>(docs.length);
    for (int doc : docs) {
      var fields = stored.document(doc, Set.of(IndexSchema.TITLE, IndexSchema.MEMBER));
      titles.add(fields.get(IndexSchema.TITLE));
      sourceIds.add(List.of(fields.getValues(IndexSchema.MEMBER)));
    }
    List<List<DiseaseReport>> reports = new ArrayList<>(docs.length);
    List<DiseaseText> texts = new ArrayList<>(docs.length);
    for (List<String> ids : sourceIds) {
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
          : explainer.explain(searcher.getIndexReader(), recognized, reports.get(i));
      hits.add(new SearchHit(ids.getFirst(), titles.get(i), ranked.scores()[i], h.sections(), h.snippets(), ids, matches));
    }
    return new SearchResults(hits, ranked.totalMatches(), built.truncated(), recognized);
  }

  /** Ranked disease ids only: the fast path for evaluation runs. */
  public List<ScoredId> rank(IndexSearcher searcher, String query, int limit) throws IOException {
    List<RecognizedFinding> recognized = recognize(query);
    Ranked ranked = rank(searcher, build(query, recognized), recognized, limit);
    List<ScoredId> ids = new ArrayList<>(ranked.docs().length);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < ranked.docs().length; i++) {
      ids.add(new ScoredId(stored.document(ranked.docs()[i], Set.of(IndexSchema.ID)).get(IndexSchema.ID), ranked.scores()[i]));
    }
    return ids;
  }

  /** The best documents, best first, with their scores, and how many matched at all. */
  private record Ranked(int[] docs, float[] scores, long totalMatches) {}

  private Ranked rank(IndexSearcher searcher, SymptomQueryBuilder.Built built, List<RecognizedFinding> recognized, int limit)
      throws IOException {
    TopFieldDocs top = searcher.search(query(searcher, built, recognized), limit, RANKING, false);
    int[] docs = new int[top.scoreDocs.length];
    float[] scores = new float[docs.length];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = top.scoreDocs[i].doc;
      scores[i] = (Float) ((FieldDoc) top.scoreDocs[i]).fields[0];
    }
    return new Ranked(docs, scores, top.totalHits.value());
  }

  /**
   * The ranking as one query: the text ranking plus the weighted phenotype evidence, lowered for
   * what contradicts each disease. Without recognised findings it is the text ranking alone.
   */
  private Query query(IndexSearcher searcher, SymptomQueryBuilder.Built built, List<RecognizedFinding> recognized)
      throws IOException {
    float weight = config.phenotypes().weight();
    if (phenotypes == null || weight == 0 || recognized.isEmpty()) {
      return built.query();
    }
    Query phenotypeQuery = phenotypes.build(searcher.getIndexReader(), recognized);
    Query ranking = built.query();
    if (phenotypeQuery != null) {
      BooleanQuery.Builder both = new BooleanQuery.Builder();
      built.findingClauses().forEach(clause -> both.add(clause, Occur.SHOULD));
      if (built.name() != null) {
        both.add(built.name(), Occur.SHOULD);
      }
      both.add(new BoostQuery(phenotypeQuery, weight), Occur.SHOULD);
      ranking = both.build();
    }
    List<ContradictedQuery.Contradiction> contradictions = contradictions(recognized);
    return contradictions.isEmpty() ? ranking : new ContradictedQuery(ranking, contradictions);
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

  /**
   * The query's findings as phenotype terms, as many as a query may have; empty when the index has
   * no vocabulary.
   */
  private List<RecognizedFinding> recognize(String query) {
    if (recognizer == null) {
      return List.of();
    }
    List<RecognizedFinding> recognized = new ArrayList<>();
    for (QueryText.Finding finding : QueryText.findings(QueryText.clean(query, QueryText.MAX_QUERY_CHARS, "query"))) {
      if (recognized.size() == SymptomQueryBuilder.MAX_FINDINGS) {
        break;
      }
      recognized.add(recognizer.recognize(finding.text()));
    }
    return recognized;
  }

  /**
   * The text query of the findings the patient has: those the vocabulary recognised as absent, or
   * that a plain cue negates, are left out.
   */
  private SymptomQueryBuilder.Built build(String query, List<RecognizedFinding> recognized) {
    if (recognized.isEmpty()) {
      return queries.build(query);
    }
    Map<String, Boolean> absent = new HashMap<>();
    for (RecognizedFinding finding : recognized) {
      absent.put(finding.finding(), finding.excluded());
    }
    // "No social interaction" is a finding's name: the vocabulary knows it is not negated.
    return queries.build(query, finding -> absent.getOrDefault(finding, Negation.withoutPlainCue(finding) != null));
  }
}
