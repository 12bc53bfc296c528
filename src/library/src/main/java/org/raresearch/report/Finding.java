package org.raresearch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sign or symptom listed in a report's Signs &amp; Symptoms section with how often it occurs,
 * as in lines such as {@code Very frequent (99-80%): ataxia, nystagmus, seizure.}
 *
 * @param text the finding, e.g. "ataxia"
 * @param frequency how often it occurs in the disease
 */
public record Finding(String text, Frequency frequency) {
  /**
   * "Very frequent (99-80%):" and the like, wherever they stand in the text; "Frequency unknown:"
   * has no percentage.
   */
  private static final Pattern CLASS =
      Pattern.compile(
          "(?i)\\b(?:(obligate|very frequent|frequent|occasional|very rare|excluded)\\s*\\([^)]{0,20}%\\)"
              + "|(frequency unknown))\\s*:");

  /** Checks that both components are given. */
  public Finding {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(frequency, "frequency");
  }

  /**
   * Writes findings the way {@link #listedIn} reads them: one line per frequency class, in the
   * order of {@link Frequency}, each finding in its given order within its class, such as
   * {@code Very frequent (99-80%): ataxia, nystagmus.} A comma inside a finding's text would split
   * it when read back, so it is dropped ("High, narrow palate" is written "High narrow palate").
   *
   * @param findings the findings, with their frequencies
   * @return the Signs &amp; Symptoms text, or "" when there is no finding
   */
  public static String listing(List<Finding> findings) {
    StringBuilder text = new StringBuilder();
    for (Frequency frequency : Frequency.values()) {
      StringJoiner items = new StringJoiner(", ");
      for (Finding finding : findings) {
        String item = finding.text().replace(",", "").strip();
        if (finding.frequency() == frequency && !item.isEmpty()) {
          items.add(item);
        }
      }
      if (items.length() > 0) {
        if (!text.isEmpty()) {
          text.append('\n');
        }
        text.append(frequency.heading()).append(": ").append(items).append('.');
      }
    }
    return text.toString();
  }

  /**
   * The findings listed by frequency in a Signs &amp; Symptoms text. Items are separated by commas;
   * a closing period is dropped.
   *
   * @param signsAndSymptoms the text of a Signs &amp; Symptoms section
   * @return the findings in text order; empty when the section is narrative prose
   */
  public static List<Finding> listedIn(String signsAndSymptoms) {
    List<Finding> findings = new ArrayList<>();
    Matcher m = CLASS.matcher(signsAndSymptoms);
    List<int[]> marks = new ArrayList<>();
    List<Frequency> classes = new ArrayList<>();
    while (m.find()) {
      marks.add(new int[] {m.start(), m.end()});
      String label = m.group(1) != null ? m.group(1) : m.group(2);
      classes.add(Frequency.fromLabel(label).orElseThrow());
    }
    for (int i = 0; i < marks.size(); i++) {
      int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : signsAndSymptoms.length();
      Frequency frequency = classes.get(i);
      String items = signsAndSymptoms.substring(marks.get(i)[1], end).strip();
      if (items.endsWith(".")) {
        items = items.substring(0, items.length() - 1);
      }
      for (String item : items.split(",\\s+")) {
        String text = item.strip();
        if (!text.isEmpty()) {
          findings.add(new Finding(text, frequency));
        }
      }
    }
    return List.copyOf(findings);
  }
}
