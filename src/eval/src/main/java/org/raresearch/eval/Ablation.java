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
    variants.put("- field weights (all 1)", d.withFieldWeights(flat));
    variants.put("- phrases", d.withPhraseBoost(0));
    variants.put("- coordination", d.withCoordinationBoost(0));
    variants.put("- finding length normalisation", d.withFindingLengthNorm(0));
    variants.put("- synonyms", d.withSynonymWeight(0));
    variants.put("- qualifier down-weighting", d.withQualifierWeight(1f));
    variants.put("- name matching", d.withNameBoost(0));
    variants.put("+ exact findings", d.withExactFindingBoost(1f));
    variants.put("+ exact findings by frequency", d.withExactFindingBoost(1f).withFrequencyWeights(1.5f, 1f, 0.5f));
    // Phenotype ranking: these change nothing on an index without phenotype annotations.
    RankingConfig.Phenotypes p = d.phenotypes();
    variants.put("- phenotype evidence (text only)", d.withPhenotypes(p.withWeight(0)));
    variants.put("- term names in the text", d.withPhenotypes(p.withNamesInText(false)));
    variants.put("- ancestor back-off", d.withPhenotypes(p.withAncestorFactor(0)));
    variants.put("- specificity", d.withPhenotypes(p.withSpecificity(0)));
    variants.put("phenotype weight 0.25", d.withPhenotypes(p.withWeight(0.25f)));
    variants.put("phenotype weight 1", d.withPhenotypes(p.withWeight(1)));
    return variants;
  }
}
