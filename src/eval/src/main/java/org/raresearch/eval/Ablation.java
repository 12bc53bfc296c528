package org.raresearch.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.raresearch.api.RankingConfig;

/**
 * The ranking variants of the ablation study: the default, and the default with one part removed
 * or added, so that what each part buys can be measured ({@code raresearch eval --ablation}).
 */
public final class Ablation {
  private Ablation() {}

  /**
   * The variants, by name.
   *
   * @return variant name to configuration, the default first
   */
  public static Map<String, RankingConfig> variants() {
    RankingConfig d = RankingConfig.defaults();
    Map<String, RankingConfig> variants = new LinkedHashMap<>();
    variants.put("default", d);
    Map<RankingConfig.Field, Float> flat = new LinkedHashMap<>(d.fieldWeights());
    flat.replaceAll((field, weight) -> 1f);
    variants.put("- field weights (all 1)", d.toBuilder().fieldWeights(flat).build());
    variants.put("- phrases", d.toBuilder().phraseBoost(0).build());
    variants.put("- coordination", d.toBuilder().coordinationBoost(0).build());
    variants.put("- finding length normalisation", d.toBuilder().findingLengthNorm(0).build());
    variants.put("- synonyms", d.toBuilder().synonymWeight(0).build());
    variants.put("- qualifier down-weighting", d.toBuilder().qualifierWeight(1f).build());
    variants.put("- name matching", d.toBuilder().nameBoost(0).build());
    variants.put("+ exact findings", d.toBuilder().exactFindingBoost(1f).build());
    variants.put("+ exact findings by frequency", d.toBuilder().exactFindingBoost(1f).frequencyWeights(1.5f, 1f, 0.5f).build());
    // Phenotype ranking: these change nothing on an index without phenotype annotations.
    RankingConfig.Phenotypes p = d.phenotypes();
    variants.put("- phenotype evidence (text only)", d.toBuilder().phenotypes(p.withWeight(0)).build());
    variants.put("- term names in the text", d.toBuilder().phenotypes(p.withNamesInText(false)).build());
    variants.put("- ancestor back-off", d.toBuilder().phenotypes(p.withAncestorFactor(0)).build());
    variants.put("- specificity", d.toBuilder().phenotypes(p.withSpecificity(0)).build());
    variants.put("phenotype weight 0.25", d.toBuilder().phenotypes(p.withWeight(0.25f)).build());
    variants.put("phenotype weight 1", d.toBuilder().phenotypes(p.withWeight(1)).build());
    // The prior and onset findings: these change nothing on an index of report files.
    variants.put("- prior (every disease alike)", d.toBuilder().prior(RankingConfig.Prior.NONE).build());
    variants.put("- prevalence (groups still below)", d.toBuilder().prior(d.prior().withWeight(0)).build());
    variants.put("- groups below their disorders", d.toBuilder().prior(d.prior().withDiagnosisWeight(0)).build());
    variants.put("+ onset and course findings", d.toBuilder().course(new RankingConfig.Course(true, 0.5f)).build());
    return variants;
  }
}
