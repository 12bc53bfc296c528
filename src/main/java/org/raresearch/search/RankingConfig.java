package org.raresearch.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.raresearch.index.IndexSchema;
import org.raresearch.report.SectionKind;

/**
 * The knobs of symptom ranking. {@link #defaults()} is what RareSearch ships; the other settings
 * exist so that each part of the ranking can be measured on its own (see the evaluation package).
 *
 * @param fieldWeights BM25F weight of each searched field (at least 1); fields not listed are not searched
 * @param phraseBoost weight of a finding matched as a phrase (0 turns phrase matching off)
 * @param phraseSlop how many positions apart the words of a phrase may be
 * @param coordinationBoost score a report earns for each finding it matches (0 turns it off)
 * @param findingMatchFraction share of a finding's words a report must contain for the finding to count as matched
 * @param synonymWeight weight of a finding's synonym variants relative to its own words (0 turns synonyms off)
 * @param nameBoost score of a report one of whose names is the whole query or a whole finding
 */
public record RankingConfig(
    Map<String, Float> fieldWeights,
    float phraseBoost,
    int phraseSlop,
    float coordinationBoost,
    float findingMatchFraction,
    float synonymWeight,
    float nameBoost) {

  public RankingConfig {
    fieldWeights = Map.copyOf(fieldWeights);
    fieldWeights.forEach((field, weight) -> {
      Objects.requireNonNull(field);
      if (weight < 1) {
        throw new IllegalArgumentException("field weights must be at least 1: " + field + "=" + weight);
      }
    });
  }

  /** The ranking RareSearch uses unless told otherwise. */
  public static RankingConfig defaults() {
    Map<String, Float> weights = new LinkedHashMap<>();
    weights.put(IndexSchema.TITLE, 3f);
    weights.put(IndexSchema.SYNONYMS, 2f);
    weights.put(IndexSchema.SUBDIVISIONS, 1.5f);
    weights.put(IndexSchema.sectionField(SectionKind.SIGNS_AND_SYMPTOMS), 3f);
    weights.put(IndexSchema.sectionField(SectionKind.GENERAL_DISCUSSION), 2f);
    weights.put(IndexSchema.sectionField(SectionKind.DIAGNOSIS), 1f);
    weights.put(IndexSchema.sectionField(SectionKind.CAUSES), 1f);
    weights.put(IndexSchema.OTHER_SECTIONS, 1f);
    return new RankingConfig(weights, 1.0f, 2, 1.5f, 0.6f, 0.8f, 20f);
  }

  /** This configuration with other field weights. */
  public RankingConfig withFieldWeights(Map<String, Float> weights) {
    return new RankingConfig(weights, phraseBoost, phraseSlop, coordinationBoost, findingMatchFraction, synonymWeight, nameBoost);
  }

  public RankingConfig withPhraseBoost(float boost) {
    return new RankingConfig(fieldWeights, boost, phraseSlop, coordinationBoost, findingMatchFraction, synonymWeight, nameBoost);
  }

  public RankingConfig withCoordinationBoost(float boost) {
    return new RankingConfig(fieldWeights, phraseBoost, phraseSlop, boost, findingMatchFraction, synonymWeight, nameBoost);
  }

  public RankingConfig withSynonymWeight(float weight) {
    return new RankingConfig(fieldWeights, phraseBoost, phraseSlop, coordinationBoost, findingMatchFraction, weight, nameBoost);
  }

  public RankingConfig withNameBoost(float boost) {
    return new RankingConfig(fieldWeights, phraseBoost, phraseSlop, coordinationBoost, findingMatchFraction, synonymWeight, boost);
  }
}
