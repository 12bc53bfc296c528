package org.raresearch.search.hits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.raresearch.api.PhenotypeMatch;
import org.raresearch.api.PhenotypeMatch.Relation;
import org.raresearch.index.IndexSchema;
import org.raresearch.index.PhenotypeProfile;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * Says why a disease fits a query's recognised findings: for each finding, the annotation of one
 * of the disease's reports that supports it best (or counts against it), and how it meets the
 * finding's term. Reads the reports as their sources gave them.
 */
final class PhenotypeExplainer {
  private final HpoOntology ontology;

  PhenotypeExplainer(HpoOntology ontology) {
    this.ontology = ontology;
  }

  /** The matches of one disease, in query order, at most one per finding. */
  List<PhenotypeMatch> explain(IndexReader reader, List<RecognizedFinding> findings, List<DiseaseReport> reports)
      throws IOException {
    List<PhenotypeMatch> matches = new ArrayList<>();
    for (RecognizedFinding finding : findings) {
      if (!finding.recognised()) {
        continue;
      }
      Candidate best = null;
      for (RecognizedFinding.Term recognised : finding.terms()) {
        String query = recognised.term().id();
        List<String> queryLineage = ontology.lineage(query);
        for (DiseaseReport report : reports) {
          for (PhenotypeAnnotation annotation : report.phenotypes()) {
            Relation relation = relation(query, queryLineage, annotation, finding.excluded());
            if (relation != null) {
              Candidate candidate = new Candidate(recognised, annotation, report.id(), relation);
              if (best == null || Candidate.ORDER.compare(candidate, best) < 0) {
                best = candidate;
              }
            }
          }
        }
      }
      if (best != null) {
        int diseases = reader.docFreq(new Term(IndexSchema.PHENOTYPE, best.annotation().termId()));
        matches.add(new PhenotypeMatch(
            finding.finding(),
            best.recognised().term().id(),
            best.recognised().term().label(),
            best.annotation().termId(),
            best.annotation().label(),
            best.annotation().frequency(),
            best.annotation().share(),
            best.reportId(),
            best.relation(),
            diseases));
      }
    }
    return matches;
  }

  /**
   * How an annotation meets a query term, or null when it does not: the same term, a more specific
   * one (the disease has the query's term), a more general one, or a contradiction (an excluded
   * finding the disease has, a finding the source states it does not have).
   */
  private Relation relation(String query, List<String> queryLineage, PhenotypeAnnotation annotation, boolean excluded) {
    String annotated = annotation.termId();
    boolean same = annotated.equals(query);
    boolean moreSpecific = !same && ontology.lineage(annotated).contains(query);
    boolean moreGeneral = !same && queryLineage.contains(annotated);
    if (annotation.excluded()) {
      // A source stating the disease lacks the term, or a more general one, contradicts a patient who has it.
      return !excluded && (same || moreGeneral) ? Relation.CONTRADICTS : null;
    }
    if (excluded) {
      return same || moreSpecific ? Relation.CONTRADICTS : null;
    }
    return same ? Relation.SAME : moreSpecific ? Relation.MORE_SPECIFIC : moreGeneral ? Relation.MORE_GENERAL : null;
  }

  /** One way a finding meets the disease. */
  private record Candidate(RecognizedFinding.Term recognised, PhenotypeAnnotation annotation, String reportId, Relation relation) {
    /** Contradictions first (they must be shown), then the closest relation, surest term, commonest phenotype. */
    static final Comparator<Candidate> ORDER = Comparator
        .comparing((Candidate c) -> c.relation() == Relation.CONTRADICTS ? 0 : 1)
        .thenComparing(Candidate::relation)
        .thenComparing(Comparator.comparingDouble((Candidate c) -> c.recognised().confidence()).reversed())
        .thenComparing(Comparator.comparingDouble((Candidate c) -> PhenotypeProfile.share(c.annotation())).reversed())
        .thenComparing(Candidate::reportId);
  }
}
