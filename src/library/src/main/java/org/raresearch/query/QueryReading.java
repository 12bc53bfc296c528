package org.raresearch.query;

import java.util.List;
import java.util.Objects;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * A symptom query as read: its findings, each with what it was recognised as, in the order
 * written. The one form of a query that ranking, explanation and suggestion read, whether it was
 * typed as words, written as HPO ids or given as a structured case. Immutable.
 *
 * @param text the query's text, cleaned, as a disease name would be matched against it
 * @param findings the findings, in order
 * @param truncated whether findings past {@link QueryReader#MAX_FINDINGS} were left out
 */
public record QueryReading(String text, List<Read> findings, boolean truncated) {
  /** Copies the list. */
  public QueryReading {
    Objects.requireNonNull(text, "text");
    findings = List.copyOf(findings);
  }

  /**
   * One finding as read.
   *
   * @param recognized what it names, whether the patient lacks it, and how it was written
   * @param quoted whether it was written in double quotes, to be matched as an exact phrase
   */
  public record Read(RecognizedFinding recognized, boolean quoted) {
    /** Checks the finding is there. */
    public Read {
      Objects.requireNonNull(recognized, "recognized");
    }
  }

  /**
   * What each finding was recognised as, in order.
   *
   * @return the findings
   */
  public List<RecognizedFinding> recognized() {
    return findings.stream().map(Read::recognized).toList();
  }

  /**
   * Whether any finding was written as an HPO id.
   *
   * @return whether one is
   */
  public boolean hasIds() {
    return findings.stream().anyMatch(f -> f.recognized().kind() != RecognizedFinding.Kind.TEXT);
  }
}
