package org.raresearch.index;

import java.util.List;
import java.util.OptionalDouble;
import org.raresearch.api.RankingConfig;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;

/**
 * How common a disease is, from the prevalence its source states ({@link DiseaseFacts#prevalence()}):
 * the prior a symptom ranking adds to a disease's score ({@link IndexSchema#PRIOR}), on a log
 * scale, so that a weight w of it is w nats per factor e of prevalence. A disease of which nothing
 * is stated, or only {@code Unknown}, counts as {@link #DEFAULT}: between the two rarest classes,
 * where most such diseases are.
 */
public final class DiseasePrior {
  /** The prevalence of a disease whose source states none ({@link RankingConfig.Prior#DEFAULT_PREVALENCE}). */
  public static final double DEFAULT = RankingConfig.Prior.DEFAULT_PREVALENCE;

  private DiseasePrior() {}

  /**
   * The prevalence a disease's own report states, as a share of people ({@link
   * DiseaseFacts#prevalence()}).
   *
   * @param facts the facts of the disease's own report
   * @return the share, or empty when none is stated
   */
  public static OptionalDouble prevalence(DiseaseFacts facts) {
    return facts.prevalence();
  }

  /**
   * Whether a disease has a prior: whether one of its reports comes from a source of structured data
   * (facts, phenotype annotations or cross-references), as an import from open data gives. A
   * disease made of report files alone has none, and ranks by its text as before.
   *
   * @param reports the disease's reports
   * @return whether the disease is ranked with a prior
   */
  public static boolean applies(List<DiseaseReport> reports) {
    for (DiseaseReport report : reports) {
      if (!report.facts().isEmpty() || !report.phenotypes().isEmpty() || !report.crossReferences().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The prior of a disease as indexed: {@code ln(prevalence / }{@link IndexSchema#PRIOR_FLOOR}{@code
   * )} of its own report's prevalence, or of {@link #DEFAULT}.
   *
   * @param reports the disease's reports, its own first
   * @return a positive number, larger for a more common disease, at the precision a {@code
   *     FeatureField} keeps (the 9 highest bits of its float's mantissa), so that it is exactly what
   *     ranking reads back
   */
  public static float feature(List<DiseaseReport> reports) {
    double prevalence = reports.isEmpty() ? DEFAULT : prevalence(reports.getFirst().facts()).orElse(DEFAULT);
    float value = (float) Math.log(Math.max(prevalence, IndexSchema.PRIOR_FLOOR * Math.E) / IndexSchema.PRIOR_FLOOR);
    return Float.intBitsToFloat((Float.floatToIntBits(value) >>> 15) << 15);
  }
}
