package org.raresearch.search;

import java.util.ArrayList;
import java.util.List;
import org.raresearch.InvalidQueryException;

/**
 * User input as RareSearch reads it: never as Lucene syntax. A symptom query is split into findings
 * at commas, semicolons, line breaks and bullets; text in double quotes is one finding to be matched
 * as an exact phrase. Unbalanced quotes and every other character ({@code * ? ~ / \ ( ) AND}) are
 * plain text.
 */
public final class QueryText {
  /** The longest query accepted, in characters. */
  public static final int MAX_QUERY_CHARS = 20_000;
  /** The longest name accepted by name resolution, in characters. */
  public static final int MAX_NAME_CHARS = 1_000;

  /** One finding of a symptom query. */
  public record Finding(String text, boolean quoted) {}

  private QueryText() {}

  /**
   * Checks a query and returns it with control characters made spaces.
   *
   * @throws InvalidQueryException when it is null, blank, or longer than {@code maxChars}
   */
  public static String clean(String query, int maxChars, String what) {
    if (query == null) {
      throw new InvalidQueryException("the " + what + " is missing");
    }
    if (query.length() > maxChars) {
      throw new InvalidQueryException(
          "the " + what + " is " + query.length() + " characters long; the limit is " + maxChars);
    }
    StringBuilder sb = new StringBuilder(query.length());
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      sb.append(c != '\n' && (Character.isISOControl(c) || c == '\uFEFF') ? ' ' : c);
    }
    String cleaned = sb.toString().strip();
    if (cleaned.isEmpty()) {
      throw new InvalidQueryException("the " + what + " is empty");
    }
    return cleaned;
  }

  /**
   * Splits a cleaned symptom query into findings, in order. When the query separates findings
   * with semicolons or line breaks, commas belong to the findings ("Involuntary, rapid, rhythmic eye
   * movements"); otherwise commas separate findings too.
   */
  public static List<Finding> findings(String query) {
    boolean commasSeparate = query.indexOf(';') < 0 && query.indexOf('\n') < 0;
    List<Finding> findings = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '"' || c == '“' || c == '”') {
        int close = closingQuote(query, i + 1);
        if (close > 0) {
          add(findings, current.toString(), false);
          current.setLength(0);
          add(findings, query.substring(i + 1, close), true);
          i = close + 1;
          continue;
        }
        current.append(' '); // an unbalanced quote is not syntax
      } else if ((c == ',' && commasSeparate) || c == ';' || c == '\n' || c == '•' || c == '|') {
        add(findings, current.toString(), false);
        current.setLength(0);
      } else {
        current.append(c);
      }
      i++;
    }
    add(findings, current.toString(), false);
    return findings;
  }

  private static int closingQuote(String text, int from) {
    for (int j = from; j < text.length(); j++) {
      char c = text.charAt(j);
      if (c == '"' || c == '”' || c == '“') {
        return j;
      }
    }
    return -1;
  }

  private static void add(List<Finding> findings, String text, boolean quoted) {
    String t = text.strip();
    if (!t.isEmpty()) {
      findings.add(new Finding(t, quoted));
    }
  }
}
