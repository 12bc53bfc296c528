package org.raresearch.report;

import java.util.Locale;
import java.util.Optional;

/**
 * How often a finding occurs in a disease, in the classes Orphanet uses ("Very frequent (99-80%)").
 */
public enum Frequency {
  /** In every patient (100%). */
  OBLIGATE("Obligate", "100%"),
  /** In 80 to 99% of patients. */
  VERY_FREQUENT("Very frequent", "99-80%"),
  /** In 30 to 79% of patients. */
  FREQUENT("Frequent", "79-30%"),
  /** In 5 to 29% of patients. */
  OCCASIONAL("Occasional", "29-5%"),
  /** In 1 to 4% of patients. */
  VERY_RARE("Very rare", "<4-1%"),
  /** The finding is known to be absent (0%). */
  EXCLUDED("Excluded", "0%"),
  /**
   * The source lists the finding without saying how often it occurs (most HPO annotations of OMIM
   * diseases). Reports write such findings after the line {@code Frequency unknown:}.
   */
  UNKNOWN("Frequency unknown", "");

  private final String label;
  private final String range;

  Frequency(String label, String range) {
    this.label = label;
    this.range = range;
  }

  /**
   * The class as a Signs &amp; Symptoms line starts it, without the colon.
   *
   * @return such as {@code Very frequent (99-80%)}, or {@code Frequency unknown}
   */
  public String heading() {
    return range.isEmpty() ? label : label + " (" + range + ")";
  }

  /**
   * The class of a share of patients, with Orphanet's bounds: 100% is obligate, 80% and more very
   * frequent, 30% frequent, 5% occasional, above 0 very rare, 0 excluded.
   *
   * @param percent the share, from 0 to 100
   * @return the class
   * @throws IllegalArgumentException when the share is outside [0, 100]
   */
  public static Frequency ofPercent(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("a share of patients is between 0 and 100%, not " + percent);
    }
    if (percent == 100) {
      return OBLIGATE;
    } else if (percent >= 80) {
      return VERY_FREQUENT;
    } else if (percent >= 30) {
      return FREQUENT;
    } else if (percent >= 5) {
      return OCCASIONAL;
    } else if (percent > 0) {
      return VERY_RARE;
    }
    return EXCLUDED;
  }

  /**
   * The class as reports write it.
   *
   * @return such as "Very frequent"
   */
  public String label() {
    return label;
  }

  /**
   * The class a label names, ignoring case: "very frequent" is {@link #VERY_FREQUENT}.
   *
   * @param text a label, as {@link #label()} gives them
   * @return the class, or empty when the text names none
   */
  public static Optional<Frequency> fromLabel(String text) {
    String key = text.strip().toLowerCase(Locale.ROOT);
    for (Frequency f : values()) {
      if (f.label.toLowerCase(Locale.ROOT).equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
