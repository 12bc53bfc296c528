package org.raresearch.query;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.raresearch.analysis.Analyzers;

/**
 * Tells a finding the patient does not have ("no seizures", "without fever", "negative for
 * proteinuria", "seizures ruled out") from one the patient has, by the words that negate it at its
 * start or end.
 *
 * <p>Two kinds of cue are told apart. <em>Plain</em> cues ("no", "without", "negative for", ...)
 * negate whatever follows. <em>Naming</em> cues ("absent", "absence of", "lack of") also start the
 * names of findings a patient has ("Absent reflexes", "Lack of coordination"), so they negate a
 * finding only when a vocabulary says it is not such a name. Thread-safe.
 */
public final class Negation {
  private static final List<String> PLAIN_PREFIXES = List.of(
      "no ", "not ", "without ", "negative for ", "denies ", "denied ", "free of ", "never had ");
  private static final List<String> NAMING_PREFIXES = List.of("absence of ", "absent ", "lack of ", "lacks ");
  private static final List<String> PLAIN_SUFFIXES = List.of(
      " not present", " not seen", " not observed", " ruled out", " excluded");
  private static final List<String> NAMING_SUFFIXES = List.of(" absent", " negative");

  /**
   * Words a negation cue may follow at the start of a finding: the case-narrative words of the
   * symptom query's stop words and the function words of a sentence about the patient. Never "or":
   * "with or without seizures" negates nothing.
   */
  private static final Set<String> LEAD_IN_WORDS;

  static {
    Set<String> words = new HashSet<>(List.of(Analyzers.CASE_NARRATIVE_WORDS.split(" ")));
    words.addAll(List.of("the", "a", "an", "there", "was", "is", "are", "and", "but", "with", "also", "then", "it",
        "this", "they", "on", "at", "in"));
    LEAD_IN_WORDS = Set.copyOf(words);
  }

  private Negation() {}

  /** The text after its first word when that word is a lead-in word, else null. */
  private static String afterLeadInWord(String text) {
    int space = text.indexOf(' ');
    return space > 0 && LEAD_IN_WORDS.contains(text.substring(0, space)) ? text.substring(space + 1) : null;
  }

  /**
   * The finding without its negation when a plain cue negates it, else null.
   *
   * @param finding a finding as written
   */
  public static String withoutPlainCue(String finding) {
    return strip(finding, PLAIN_PREFIXES, PLAIN_SUFFIXES);
  }

  /**
   * The finding without its negation when any cue negates it, plain or naming, else null; for a
   * caller that has already checked the finding is not itself a name.
   *
   * @param finding a finding as written
   */
  public static String withoutAnyCue(String finding) {
    String plain = withoutPlainCue(finding);
    return plain != null ? plain : strip(finding, NAMING_PREFIXES, NAMING_SUFFIXES);
  }

  private static String strip(String finding, List<String> prefixes, List<String> suffixes) {
    String text = finding.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    for (String from = text; from != null; from = afterLeadInWord(from)) {
      for (String prefix : prefixes) {
        if (from.startsWith(prefix) && from.length() > prefix.length()) {
          return from.substring(prefix.length()).strip();
        }
      }
    }
    for (String suffix : suffixes) {
      if (text.endsWith(suffix) && text.length() > suffix.length()) {
        return text.substring(0, text.length() - suffix.length()).strip();
      }
    }
    return null;
  }
}
