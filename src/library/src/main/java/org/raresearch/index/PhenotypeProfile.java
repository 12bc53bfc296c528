package org.raresearch.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.vocabulary.HpoOntology;

/**
 * How often a disease has each phenotype, by HPO term, as indexed in {@link IndexSchema#PHENOTYPE}:
 * every term its reports annotate it with and, by the ontology's true-path rule, every ancestor of
 * one (a disease with focal seizures has seizures). A term's frequency is the highest its reports
 * or its annotated descendants give. Terms a report states the disease does not have are left out.
 *
 * <p>Frequencies are shares of patients from 0 to 1, stored as term frequencies in thousandths
 * ({@link #SCALE}). An annotation with an exact share ({@code 3/7}) counts as that share; one with a
 * class counts as a typical share of the class.
 */
public final class PhenotypeProfile {
  /** Stored term frequency of a phenotype every patient has. */
  public static final int SCALE = 1000;

  private final Map<String, Integer> frequencies;

  private PhenotypeProfile(Map<String, Integer> frequencies) {
    this.frequencies = frequencies;
  }

  /**
   * The profile of the disease the reports describe.
   *
   * @param reports its reports
   * @param ontology the ontology the annotations are named in, or null: then only the annotated
   *     terms themselves are in the profile, without their ancestors
   */
  public static PhenotypeProfile of(List<DiseaseReport> reports, HpoOntology ontology) {
    Map<String, Integer> frequencies = new LinkedHashMap<>();
    for (DiseaseReport report : reports) {
      for (PhenotypeAnnotation annotation : report.phenotypes()) {
        if (annotation.excluded()) {
          continue;
        }
        int stored = encode(share(annotation));
        List<String> terms = ontology == null ? List.of() : ontology.lineage(annotation.termId());
        if (terms.isEmpty()) {
          terms = List.of(annotation.termId());
        }
        for (String term : terms) {
          frequencies.merge(term, stored, Math::max);
        }
      }
      // Ages of onset, as clinical course terms: a disease that starts at one of k ages has each in
      // 1/k of its patients; another course term (Progressive) counts as a phenotype of unknown share.
      List<String> onsets = report.facts().onsets();
      long ages = ontology == null ? onsets.size() : onsets.stream().filter(id -> ontology.lineage(id).contains(HpoOntology.ONSET)).count();
      for (String onset : onsets) {
        List<String> terms = ontology == null ? List.of() : ontology.lineage(onset);
        boolean age = ontology == null || terms.contains(HpoOntology.ONSET);
        int stored = encode(age ? 1.0 / Math.max(1, ages) : 0.5);
        for (String term : terms.isEmpty() ? List.of(onset) : terms) {
          frequencies.merge(term, stored, Math::max);
        }
      }
    }
    return new PhenotypeProfile(frequencies);
  }

  /**
   * The share of patients an annotation stands for: its exact share when the source gives one,
   * else a typical share of its class (the middle of Orphanet's ranges).
   */
  public static double share(PhenotypeAnnotation annotation) {
    if (annotation.share().isPresent()) {
      return annotation.share().getAsDouble() / 100;
    }
    return switch (annotation.frequency()) {
      case OBLIGATE -> 1.0;
      case VERY_FREQUENT -> 0.9;
      case FREQUENT -> 0.55;
      case OCCASIONAL -> 0.17;
      case VERY_RARE -> 0.025;
      case UNKNOWN -> 0.5;
      case EXCLUDED -> 0;
    };
  }

  /** A share of patients as a stored term frequency, at least 1. */
  public static int encode(double share) {
    return Math.max(1, Math.min(SCALE, (int) Math.round(share * SCALE)));
  }

  /** A stored term frequency as a share of patients. */
  public static double decode(int termFrequency) {
    return Math.min(termFrequency, SCALE) / (double) SCALE;
  }

  /** The stored term frequency of each term of the profile, in the order first met. */
  public Map<String, Integer> frequencies() {
    return frequencies;
  }
}
