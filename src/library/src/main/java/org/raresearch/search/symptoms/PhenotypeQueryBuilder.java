package org.raresearch.search.symptoms;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.raresearch.api.RankingConfig;
import org.raresearch.search.queries.PhenotypeEvidenceQuery;
import org.raresearch.query.FindingRecognizer;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * Builds the phenotype query of the findings a query was recognised as: how likely a disease's
 * patients are to show them, from the frequencies of its annotated phenotypes, the specificity of
 * the terms and the ontology's hierarchy.
 *
 * <p>For a query term q and a disease d, the evidence is the best, over the terms t that are q or an
 * ancestor of q and in d's profile, of
 *
 * <pre>
 *   f(d, t) x (N(q) / N(t))^g x (t = q ? 1 : a)
 * </pre>
 *
 * where f is how often d has t (its profile's share), N(t) the number of diseases that have t
 * (t's document frequency in the profile field: a term every disease has says nothing), g the
 * specificity exponent and a the back-off factor for matching only an ancestor. A disease with a
 * more specific phenotype than q has q too (the profile holds every annotated term's ancestors).
 * A term contributes the log of its evidence over the floor, or nothing below the floor; the query
 * sums the contributions of its findings, each weighted by how surely it was recognised. Each query
 * term is a {@link PhenotypeEvidenceQuery}.
 */
final class PhenotypeQueryBuilder {
  private final HpoOntology ontology;
  private final RankingConfig.Phenotypes settings;

  PhenotypeQueryBuilder(HpoOntology ontology, RankingConfig.Phenotypes settings) {
    this.ontology = ontology;
    this.settings = settings;
  }

  /**
   * The query of the findings the patient has; null when none was recognised. Its constants are set
   * when it is rewritten, from the searcher's statistics ({@link PhenotypeEvidenceQuery}).
   */
  Query build(List<RecognizedFinding> findings) {
    return build(findings, 1.0);
  }

  /**
   * The query of the findings for gathering candidates: as {@link #build(List)}, but the ancestors
   * held by more than {@code share} of the diseases are left out ({@link
   * PhenotypeEvidenceQuery#gathering}).
   */
  Query gathering(List<RecognizedFinding> findings, double share) {
    return build(findings, share);
  }

  private Query build(List<RecognizedFinding> findings, double share) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int clauses = 0;
    for (RecognizedFinding finding : findings) {
      if (finding.excluded()) {
        continue;
      }
      List<Query> alternatives = new ArrayList<>();
      for (RecognizedFinding.Term recognised : finding.terms()) {
        List<String> lineage = ontology.lineage(recognised.term().id());
        if (FindingRecognizer.isCourse(ontology, recognised.term().id())) {
          // An onset or course term meets only its own branch: every disease has the root, and
          // Onset or Mortality/Aging alone says nothing of when.
          lineage = lineage.stream().filter(term -> FindingRecognizer.isCourse(ontology, term)).toList();
        }
        if (!lineage.isEmpty()) {
          Query term = share >= 1
              ? new PhenotypeEvidenceQuery(lineage, settings)
              : PhenotypeEvidenceQuery.gathering(lineage, settings, share);
          float confidence = (float) recognised.confidence();
          alternatives.add(confidence == 1f ? term : new BoostQuery(term, confidence));
        }
      }
      if (alternatives.isEmpty()) {
        continue;
      }
      // The terms of one finding are readings of the same words: the best one counts.
      query.add(alternatives.size() == 1 ? alternatives.getFirst() : new DisjunctionMaxQuery(alternatives, 0f), Occur.SHOULD);
      clauses++;
    }
    return clauses == 0 ? null : query.build();
  }
}
