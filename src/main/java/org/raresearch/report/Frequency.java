package org.raresearch.report;

import java.util.Locale;
import java.util.Optional;

/**
 * How often a finding occurs in a disease, in the classes Orphanet uses ("Very frequent (99-80%)").
 */
public enum Frequency {
  OBLIGATE("Obligate"),
  VERY_FREQUENT("Very frequent"),
  FREQUENT("Frequent"),
  OCCASIONAL("Occasional"),
  VERY_RARE("Very rare"),
  /** The finding is known to be absent (0%). */
  EXCLUDED("Excluded");

  private final String label;

  Frequency(String label) {
    this.label = label;
  }

  /** The class as reports write it, e.g. "Very frequent". */
  public String label() {
    return label;
  }

  /** The class a label names, ignoring case: "very frequent" is {@link #VERY_FREQUENT}. */
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
