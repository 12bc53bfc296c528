package org.raresearch.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.raresearch.InvalidQueryException;
import org.raresearch.RankingConfig;
import org.raresearch.analysis.Negation;
import org.raresearch.index.IndexSchema;
import org.raresearch.vocabulary.FindingRecognizer;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * The ranking of diseases for a free-text symptom query, as one Lucene query: the one definition
 * of it, which the library's searcher runs and which an engine that shares term statistics across
 * shards can run as well (its constants come from the searcher's statistics when it is rewritten).
 *
 * <p>The query's findings are recognised as phenotype terms of the vocabulary, when there is one.
 * A disease's score is its text score ({@link SymptomQueryBuilder}) plus the weighted evidence of
 * its annotated phenotypes ({@link PhenotypeQueryBuilder}, {@link RankingConfig.Phenotypes}),
 * lowered for findings the patient does not have that the disease usually has ({@link
 * ContradictedQuery}). A disease one of whose names is the whole query comes first. Without a
 * vocabulary, or without recognised findings, it is the text ranking alone.
 *
 * <pre>{@code
 * SymptomRanking ranking = new SymptomRanking(Analyzers.textQuery(SymptomSynonyms.defaults()),
 *     RankingConfig.defaults(), FindingExpansion.NONE, ontology);
 * TopDocs top = searcher.search(ranking.prepare("seizures; no fever").query(), 10);
 * }</pre>
 *
 * Thread-safe.
 */
public final class SymptomRanking {
  private final SymptomQueryBuilder queries;
  private final RankingConfig config;
  private final FindingRecognizer recognizer;
  private final PhenotypeQueryBuilder phenotypes;

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
    this.recognizer = ontology == null ? null : new FindingRecognizer(ontology);
    this.phenotypes = ontology == null ? null : new PhenotypeQueryBuilder(ontology, config.phenotypes());
  }

  /**
   * A symptom query made ready to run.
   *
   * @param query the ranking: run it, sorted by score, to rank diseases
   * @param textQuery the text part alone, for highlighting passages
   * @param findings what each finding was recognised as (empty without a vocabulary)
   * @param truncated whether part of a very long query was left out
   */
  public record Prepared(Query query, Query textQuery, List<RecognizedFinding> findings, boolean truncated) {}

  /**
   * Prepares a free-text symptom query.
   *
   * @throws InvalidQueryException when the text is empty, too long, or has nothing searchable
   */
  public Prepared prepare(String text) {
    List<RecognizedFinding> recognized = recognize(text);
    SymptomQueryBuilder.Built built = build(text, recognized);
    return new Prepared(query(built, recognized), built.query(), recognized, built.truncated());
  }

  /** The query's findings as phenotype terms, as many as a query may have; empty without a vocabulary. */
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

  /** The text ranking plus the weighted phenotype evidence, lowered for what contradicts each disease. */
  private Query query(SymptomQueryBuilder.Built built, List<RecognizedFinding> recognized) {
    float weight = config.phenotypes().weight();
    if (phenotypes == null || weight == 0 || recognized.isEmpty()) {
      return built.query();
    }
    Query ranking = built.query();
    Query phenotypeQuery = phenotypes.build(recognized);
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
}
