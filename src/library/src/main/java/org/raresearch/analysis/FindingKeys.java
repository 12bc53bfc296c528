package org.raresearch.analysis;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * The normal form of a finding used for exact matching: its {@link Analyzers#text() text tokens}
 * (stemmed, stop words dropped) joined by single spaces. {@code "Seizures"} and {@code "seizure"},
 * {@code "Loss of hair"} and {@code "loss hair"} have the same key. Thread-safe.
 */
public final class FindingKeys {
  private static final Analyzer TEXT = Analyzers.text();

  private FindingKeys() {}

  /** The key of a finding, or the empty string when it has no tokens. */
  public static String of(String finding) {
    return of(Analyzers.tokens(TEXT, "finding", finding));
  }

  /** The key of a finding already analysed into text tokens. */
  public static String of(List<String> tokens) {
    return String.join(" ", tokens);
  }
}
