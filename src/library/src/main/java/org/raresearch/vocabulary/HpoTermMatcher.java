package org.raresearch.vocabulary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.raresearch.analysis.TermNames;

/**
 * Recognises HPO terms in a free-text finding by their labels and synonyms (every scope, lay names
 * included).
 *
 * <pre>{@code
 * HpoTermMatcher matcher = new HpoTermMatcher(HpoOntology.load(Path.of("hp.json.gz")));
 * matcher.find("wide based walk");        // Broad-based gait (HP:0002136), exact
 * matcher.find("seizures and a wide-based walk since infancy");
 *                                         // Seizure, Broad-based gait; not exact
 * }</pre>
 *
 * <p>Names and findings are compared in a normal form: lower case, accents folded, punctuation and
 * hyphens as spaces, apostrophes dropped, plurals made singular ({@code "Seizures"} finds Seizure).
 * Obsolete terms and the root term All ({@code HP:0000001}) are not recognised. The lookup table is
 * built once, in the constructor; {@link #find} only looks up the finding's word sequences in it.
 * Thread-safe.
 */
public final class HpoTermMatcher {
  private final Map<String, List<Named>> byName;
  private final int longestName;

  /**
   * Builds the lookup table of an ontology's live terms.
   *
   * @param ontology the ontology whose terms to recognise
   */
  public HpoTermMatcher(HpoOntology ontology) {
    Objects.requireNonNull(ontology, "ontology");
    Map<String, List<Named>> names = new HashMap<>();
    int longest = 0;
    for (HpoTerm term : ontology.terms()) {
      if (term.id().equals(HpoIds.ROOT)) {
        continue;
      }
      List<String> texts = new ArrayList<>();
      texts.add(term.label());
      term.synonyms().forEach(synonym -> texts.add(synonym.text()));
      for (String text : texts) {
        List<String> words = TermNames.words(text);
        if (words.isEmpty()) {
          continue;
        }
        List<Named> owners = names.computeIfAbsent(String.join(" ", words), k -> new ArrayList<>(1));
        if (owners.stream().noneMatch(named -> named.term().id().equals(term.id()))) {
          owners.add(new Named(term, text));
          longest = Math.max(longest, words.size());
        }
      }
    }
    Map<String, List<Named>> frozen = new HashMap<>(names.size() * 2);
    names.forEach((key, owners) -> frozen.put(key, List.copyOf(owners)));
    this.byName = Map.copyOf(frozen);
    this.longestName = longest;
  }

  /**
   * The terms named in a finding. When the whole finding is a term's name (in normal form), the
   * result is that term, or every term of that name, with {@link Match#exact()} true. Otherwise it
   * is the terms whose names occur in the finding as whole-word sequences, longest names first and
   * without overlap ({@code "gait ataxia"} is taken whole, not also as {@code "ataxia"}), listed in
   * the order they occur, each term once, {@code exact} false.
   *
   * @param finding free text such as {@code "progressive wide-based walk"}; not null
   * @return the matches, possibly empty; unmodifiable
   */
  public List<Match> find(String finding) {
    List<String> words = TermNames.words(Objects.requireNonNull(finding, "finding"));
    if (words.isEmpty()) {
      return List.of();
    }
    List<Named> whole = byName.get(String.join(" ", words));
    if (whole != null) {
      return whole.stream().map(named -> new Match(named.term(), named.name(), true)).toList();
    }
    List<Span> candidates = new ArrayList<>();
    for (int start = 0; start < words.size(); start++) {
      StringBuilder key = new StringBuilder();
      int end = Math.min(words.size(), start + longestName);
      for (int stop = start; stop < end; stop++) {
        if (stop > start) {
          key.append(' ');
        }
        key.append(words.get(stop));
        List<Named> owners = byName.get(key.toString());
        if (owners != null) {
          candidates.add(new Span(start, stop + 1 - start, owners));
        }
      }
    }
    candidates.sort(Comparator.comparingInt(Span::length).reversed().thenComparingInt(Span::start));
    boolean[] taken = new boolean[words.size()];
    List<Span> chosen = new ArrayList<>();
    for (Span span : candidates) {
      if (span.isFree(taken)) {
        span.take(taken);
        chosen.add(span);
      }
    }
    chosen.sort(Comparator.comparingInt(Span::start));
    List<Match> matches = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Span span : chosen) {
      for (Named named : span.owners()) {
        if (seen.add(named.term().id())) {
          matches.add(new Match(named.term(), named.name(), false));
        }
      }
    }
    return List.copyOf(matches);
  }

  /**
   * A term found in a finding.
   *
   * @param term the term
   * @param matchedName its label or synonym that matched, as written in the ontology
   * @param exact whether the whole finding is that name, rather than containing it
   */
  public record Match(HpoTerm term, String matchedName, boolean exact) {
    /** Checks that neither the term nor the name is null. */
    public Match {
      Objects.requireNonNull(term, "term");
      Objects.requireNonNull(matchedName, "matchedName");
    }
  }

  /** A term and the name (label or synonym text) by which it is filed under a key. */
  private record Named(HpoTerm term, String name) {}

  /** A run of finding words that is a name of one or more terms. */
  private record Span(int start, int length, List<Named> owners) {
    boolean isFree(boolean[] taken) {
      for (int i = start; i < start + length; i++) {
        if (taken[i]) {
          return false;
        }
      }
      return true;
    }

    void take(boolean[] taken) {
      for (int i = start; i < start + length; i++) {
        taken[i] = true;
      }
    }
  }
}
