package org.raresearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.raresearch.PhenotypeMatch;
import org.raresearch.RankingConfig;
import org.raresearch.ScoredId;
import org.raresearch.SearchHit;
import org.raresearch.SearchResults;
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
 * Then the ranking has two stages: the best diseases by text and the best by phenotypes ({@link
 * PhenotypeQueryBuilder}) are the candidates; each candidate's two scores, each divided by its
 * highest among the candidates, are summed with the weights of {@link RankingConfig.Phenotypes}.
 * Findings the patient does not have count against the diseases that frequently have them, and a
 * disease one of whose names is the whole query comes first, as in the text ranking.
 */
public final class SymptomSearcher {
  private static final Sort RANKING =
      new Sort(SortField.FIELD_SCORE, new SortField(IndexSchema.ID, SortField.Type.STRING));
  /**
   * The evidence against a disease of a finding it is stated not to have, or of a finding the
   * patient does not have that the disease has in nearly every patient (log scale).
   */
  private static final double CONTRADICTION = Math.log(0.05);

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
    SymptomQueryBuilder.Built built = queries.build(query);
    List<RecognizedFinding> recognized = recognize(built);
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
      List<DiseaseReport> own = StoredReports.all(searcher, ids);
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
    SymptomQueryBuilder.Built built = queries.build(query);
    Ranked ranked = rank(searcher, built, recognize(built), limit);
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
    Query phenotypeQuery = phenotypes == null || config.phenotypes().weight() == 0
        ? null
        : phenotypes.build(searcher.getIndexReader(), recognized);
    if (phenotypeQuery == null) {
      TopFieldDocs top = searcher.search(built.query(), limit, RANKING, false);
      int[] docs = new int[top.scoreDocs.length];
      float[] scores = new float[docs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = top.scoreDocs[i].doc;
        scores[i] = (Float) ((FieldDoc) top.scoreDocs[i]).fields[0];
      }
      return new Ranked(docs, scores, top.totalHits.value());
    }
    return fused(searcher, built, phenotypeQuery, recognized, limit);
  }

  /** The two-stage ranking by text and phenotypes; see the class description. */
  private Ranked fused(IndexSearcher searcher, SymptomQueryBuilder.Built built, Query phenotypeQuery,
      List<RecognizedFinding> recognized, int limit) throws IOException {
    RankingConfig.Phenotypes settings = config.phenotypes();
    int wanted = Math.max(limit, settings.candidates());
    TopDocs byText = searcher.search(built.query(), wanted);
    TopDocs byPhenotype = searcher.search(phenotypeQuery, wanted);
    TreeSet<Integer> union = new TreeSet<>();
    for (ScoreDoc hit : byText.scoreDocs) {
      union.add(hit.doc);
    }
    for (ScoreDoc hit : byPhenotype.scoreDocs) {
      union.add(hit.doc);
    }
    int[] docs = union.stream().mapToInt(Integer::intValue).toArray();
    float[] text = CandidateScores.of(searcher, built.findingsQuery(), docs);
    float[] name = CandidateScores.of(searcher, built.name(), docs);
    float[] phenotype = CandidateScores.of(searcher, phenotypeQuery, docs);
    double[] evidence = new double[docs.length];
    for (int i = 0; i < docs.length; i++) {
      evidence[i] = phenotype[i];
    }
    contradictions(searcher, recognized, docs, evidence);
    double maxText = 0;
    double maxEvidence = 0;
    for (int i = 0; i < docs.length; i++) {
      maxText = Math.max(maxText, text[i]);
      maxEvidence = Math.max(maxEvidence, evidence[i]);
    }
    double weight = settings.weight();
    float[] fused = new float[docs.length];
    for (int i = 0; i < docs.length; i++) {
      double score = (maxEvidence > 0 ? weight * evidence[i] / maxEvidence : 0)
          + (maxText > 0 ? (1 - weight) * text[i] / maxText : 0)
          // A disease named by the whole query comes first, as it does by text alone.
          + (config.nameBoost() > 0 ? name[i] / config.nameBoost() : 0);
      fused[i] = (float) score;
    }
    String[] ids = DiseaseIds.of(searcher, docs);
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> fused[i]).reversed().thenComparing(i -> ids[i]));
    int kept = Math.min(limit, order.length);
    int[] best = new int[kept];
    float[] scores = new float[kept];
    for (int i = 0; i < kept; i++) {
      best[i] = docs[order[i]];
      scores[i] = fused[order[i]];
    }
    long matches = Math.max(byText.totalHits.value(), byPhenotype.totalHits.value());
    return new Ranked(best, scores, Math.max(matches, union.size()));
  }

  /**
   * Subtracts from each candidate's phenotype evidence what contradicts it: a finding the patient
   * does not have that the disease usually has, and a finding the patient has that a source states
   * the disease does not have.
   */
  private void contradictions(IndexSearcher searcher, List<RecognizedFinding> recognized, int[] docs, double[] evidence)
      throws IOException {
    for (RecognizedFinding finding : recognized) {
      for (RecognizedFinding.Term recognised : finding.terms()) {
        String id = recognised.term().id();
        if (finding.excluded()) {
          double[] shares = CandidateScores.shares(searcher, new Term(IndexSchema.PHENOTYPE, id), docs);
          for (int i = 0; i < docs.length; i++) {
            if (shares[i] > 0) {
              evidence[i] += recognised.confidence() * Math.max(CONTRADICTION, Math.log(1 - shares[i]));
            }
          }
        } else {
          for (String ancestorOrSelf : ontology.lineage(id)) {
            double[] stated = CandidateScores.shares(searcher, new Term(IndexSchema.PHENOTYPE_EXCLUDED, ancestorOrSelf), docs);
            for (int i = 0; i < docs.length; i++) {
              if (stated[i] > 0) {
                evidence[i] += recognised.confidence() * CONTRADICTION;
              }
            }
          }
        }
      }
    }
  }

  /** The query's findings as phenotype terms; empty when the index has no vocabulary. */
  private List<RecognizedFinding> recognize(SymptomQueryBuilder.Built built) {
    if (ontology == null) {
      return List.of();
    }
    List<RecognizedFinding> recognized = new ArrayList<>();
    for (QueryText.Finding finding : built.findings()) {
      recognized.add(recognizer.recognize(finding.text()));
    }
    return recognized;
  }
}
