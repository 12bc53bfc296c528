package org.raresearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.raresearch.errors.InvalidQueryException;

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
   * Splits a cleaned symptom query into findings, in order. Findings end at semicolons, line
   * breaks, bullets and the ends of sentences. When the query separates findings with semicolons or
   * line breaks, commas belong to the findings ("Involuntary, rapid, rhythmic eye movements");
   * otherwise commas separate findings too, and a list written as prose ("ataxia, nystagmus and
   * spasticity", "ataxia, nystagmus, and spasticity") has its last two findings apart.
   */
  public static List<Finding> findings(String query) {
    boolean commasSeparate = query.indexOf(';') < 0 && query.indexOf('\n') < 0;
    List<Finding> findings = new ArrayList<>();
    List<String> list = new ArrayList<>(); // the comma-separated findings of the current stretch
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '"' || c == '“' || c == '”') {
        int close = closingQuote(query, i + 1);
        if (close > 0) {
          list.add(current.toString());
          current.setLength(0);
          addList(findings, list, commasSeparate);
          add(findings, query.substring(i + 1, close), true);
          i = close + 1;
          continue;
        }
        current.append(' '); // an unbalanced quote is not syntax
      } else if (c == ',' && commasSeparate) {
        list.add(current.toString());
        current.setLength(0);
      } else if (c == ';' || c == '\n' || c == '•' || c == '|' || endsSentence(query, i)) {
        list.add(current.toString());
        current.setLength(0);
        addList(findings, list, commasSeparate);
      } else {
        current.append(c);
      }
      i++;
    }
    list.add(current.toString());
    addList(findings, list, commasSeparate);
    return findings;
  }

  /** A finding's last "and" ("or" joins no two findings a patient has: "with or without"). */
  private static final Pattern LIST_CONJUNCTION = Pattern.compile("(?i)^(.*\\S)\\s+and\\s+(\\S.*)$");
  private static final Pattern CONJUNCTION = Pattern.compile("(?i)\\s+and\\s+");
  private static final Pattern LEADING_CONJUNCTION = Pattern.compile("(?i)^\\s*(?:and|or)\\s+");

  /**
   * Adds a stretch of comma-separated findings and empties it. In a list of two or more, the last
   * finding's final "and" joins two findings, and a leading "and" or "or" (after a serial comma) is
   * dropped. In prose (a query that does not separate its findings with semicolons or line breaks)
   * one "and" between words of several words each joins two findings too ("heliotrope rash and
   * proximal muscle weakness"); otherwise a finding with one "and" is kept whole: "Enlarged liver
   * and spleen" is one finding. "A and B and C" is a list.
   */
  private static void addList(List<Finding> findings, List<String> list, boolean prose) {
    List<String> items = new ArrayList<>();
    for (String item : list) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    list.clear();
    if (items.size() >= 2) {
      for (int k = 1; k < items.size(); k++) {
        items.set(k, LEADING_CONJUNCTION.matcher(items.get(k)).replaceFirst(""));
      }
    }
    if (!items.isEmpty()) {
      Matcher last = LIST_CONJUNCTION.matcher(items.getLast());
      boolean joinsTwo = last.matches() && (items.size() >= 2 || (prose && CONJUNCTION.split(items.getLast()).length == 2
          && words(last.group(1)) >= 2 && words(last.group(2)) >= 2));
      if (joinsTwo) {
        items.set(items.size() - 1, last.group(1));
        items.add(last.group(2));
      }
    }
    for (String item : items) {
      String[] parts = CONJUNCTION.split(item);
      if (parts.length >= 3) {
        // "A and B and C" lists; one "and" may belong to a finding's name ("Enlarged liver and spleen").
        for (String part : parts) {
          add(findings, part, false);
        }
      } else {
        add(findings, item, false);
      }
    }
  }

  private static int words(String text) {
    return text.strip().split("\\s+").length;
  }

  /**
   * Whether the character at {@code i} ends a sentence: a full stop, question or exclamation mark
   * before a space or the end of the query. A case description ("Motor delay since infancy. On
   * examination ataxia.") names different findings in each sentence. A full stop inside a number
   * ("2.5 mg"), after a single letter (an initial, "e.g.") or after a common abbreviation ("St.",
   * "Dr.", "vs.") ends nothing.
   */
  static boolean endsSentence(String text, int i) {
    char c = text.charAt(i);
    if (c != '.' && c != '?' && c != '!') {
      return false;
    }
    if (i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1))) {
      return false;
    }
    if (c != '.') {
      return true;
    }
    int start = i;
    while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
      start--;
    }
    String word = text.substring(start, i).toLowerCase(Locale.ROOT);
    return word.length() != 1 && !ABBREVIATIONS.contains(word);
  }

  /** Words written with a full stop that seldom end a sentence. */
  private static final Set<String> ABBREVIATIONS =
      Set.of("st", "dr", "mr", "mrs", "ms", "mt", "vs", "approx", "ca", "cf", "al", "fig", "resp", "incl");

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
