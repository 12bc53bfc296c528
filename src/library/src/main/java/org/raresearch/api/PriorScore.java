package org.raresearch.api;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a hit's score owes to what is known of its disease before any finding (see {@link
 * RankingConfig.Prior}): how common its source says it is, and whether it is a diagnosis or a group
 * of disorders.
 *
 * @param disorderType the kind of entity its source says it is ({@code Disease}, {@code Clinical
 *     subtype}, {@code Category}, ...), empty when the source does not say
 * @param group whether it is a group of disorders (a category, a clinical group), which ranks below
 *     its disorders
 * @param prevalence the share of people its source states have it (the middle of the stated
 *     class), empty when none is stated and a default was used
 * @param score what the prior added to the hit's score
 */
public record PriorScore(Optional<String> disorderType, boolean group, OptionalDouble prevalence, float score) {
  /** Checks for nulls. */
  public PriorScore {
    Objects.requireNonNull(disorderType, "disorderType");
    Objects.requireNonNull(prevalence, "prevalence");
  }
}
