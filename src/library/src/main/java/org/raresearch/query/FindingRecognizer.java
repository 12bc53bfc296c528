package org.raresearch.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;
import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.TermNames;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.HpoTerm;
import org.raresearch.vocabulary.RecognizedFinding;
import org.raresearch.vocabulary.RecognizedFinding.How;

/**
 * Recognises the findings of a symptom query as phenotype terms of the HPO, with a confidence:
 *
 * <ol>
 *   <li>the finding is a term's label or synonym, in the normal form of {@code TermNames} (case,
 *       accents, punctuation, plurals): confidence 1 for a label or exact synonym, less for a lay
 *       name and less again for a related, broader or narrower synonym;
 *   <li>the finding has the same word stems as one of those names, in another order or inflection
 *       ("weakness of the proximal muscles" is Proximal muscle weakness): a little less;
 *   <li>the finding contains whole names ("progressive proximal muscle weakness since childhood"),
 *       or most of the words of one ("trouble climbing stairs" and Difficulty climbing stairs):
 *       less again, by how much of the finding the names cover.
 * </ol>
 *
 * A finding that is not itself a term's name and is negated ({@link Negation}: "no seizures",
 * "without fever", "absence of ptosis", "reflexes absent") is recognised as excluded: the patient
 * does not have it. "Absent reflexes" is a name of Areflexia, so it is a finding the patient has.
 *
 * <p>Terms below Phenotypic abnormality (HP:0000118) are recognised, and, when asked, those below Clinical course (HP:0031797: onset, progression, mortality) from their names and
 * from plain phrasings of our own ({@code course-phrases.txt}: "from birth", "died as an infant",
 * "since childhood", as lay names); a course term is recognised only when the whole finding names
 * it, never from words inside a longer finding ("seizures since childhood" is Seizure).
 * Inheritance and frequency terms are not findings. Obsolete terms are not recognised. The tables are built once,
 * in the constructor. Thread-safe.
 */
public final class FindingRecognizer {
  private static final String PHENOTYPIC_ABNORMALITY = HpoOntology.PHENOTYPIC_ABNORMALITY;
  /** A stem in more names than this says nothing about which name a finding means. */
  private static final int MAX_NAMES_PER_STEM = 5_000;

  private static final Analyzer STEMS = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
      TokenStream stream = new LowerCaseFilter(source);
      stream = new ASCIIFoldingFilter(stream);
      // A symptom query's stop words, case narrative included ("the patient presented with"), on
      // names and findings alike.
      stream = new StopFilter(stream, Analyzers.queryStopWords());
      return new TokenStreamComponents(source, new PorterStemFilter(stream));
    }
  };

  // Each table: key -> the names filed under it, by term id, in the order the terms came.
  private final Map<String, Map<String, Name>> byWords = new HashMap<>();
  private final Map<String, Map<String, Name>> byStems = new HashMap<>();
  private final Map<String, Map<String, Name>> byStem = new HashMap<>();
  /** The ids of the clinical course terms recognised. */
  private final Set<String> courseTerms = new HashSet<>();

  /** A name of a term, in the forms it is looked up by. */
  private record Name(HpoTerm term, String text, How how, double confidence, Set<String> stems) {}

  /** The plain phrasings of clinical course terms, a resource of the library. */
  static final String COURSE_PHRASES = "course-phrases.txt";

  /**
   * Builds the lookup tables of an ontology's live phenotype terms.
   *
   * @param ontology the ontology whose terms to recognise
   */
  public FindingRecognizer(HpoOntology ontology) {
    this(ontology, false);
  }

  /**
   * Builds the lookup tables of an ontology's live phenotype terms, and of its clinical course terms
   * when asked.
   *
   * @param ontology the ontology whose terms to recognise
   * @param clinicalCourse whether terms of onset and clinical course are recognised too
   */
  public FindingRecognizer(HpoOntology ontology, boolean clinicalCourse) {
    Objects.requireNonNull(ontology, "ontology");
    Set<String> phenotypes = ontology.descendants(PHENOTYPIC_ABNORMALITY);
    for (HpoTerm term : ontology.terms()) {
      boolean course = clinicalCourse && isCourse(ontology, term.id());
      if (!course && !phenotypes.contains(term.id())) {
        continue;
      }
      if (course) {
        courseTerms.add(term.id());
      }
      add(term, term.label(), How.LABEL, 1.0);
      for (HpoTerm.Synonym synonym : term.synonyms()) {
        if (synonym.layperson()) {
          add(term, synonym.text(), How.LAY_NAME, 0.95);
        } else if (synonym.scope() == HpoTerm.Scope.EXACT) {
          add(term, synonym.text(), How.SYNONYM, 1.0);
        } else {
          add(term, synonym.text(), How.LOOSE_SYNONYM, synonym.scope() == HpoTerm.Scope.BROAD ? 0.7 : 0.8);
        }
      }
    }
    if (clinicalCourse) {
      coursePhrases().forEach((id, phrases) -> ontology.term(id).filter(t -> isCourse(ontology, t.id())).ifPresent(term -> {
        for (String phrase : phrases) {
          add(term, phrase, How.LAY_NAME, 0.95);
        }
      }));
    }
  }

  /**
   * Whether a term is one of onset or clinical course: below Clinical course, and not Clinical
   * course itself nor one of its branches (Onset, Mortality/Aging, ...), which name no course.
   */
  public static boolean isCourse(HpoOntology ontology, String termId) {
    return ontology.term(termId)
        .filter(term -> ontology.descendants(HpoOntology.CLINICAL_COURSE).contains(term.id()))
        .map(term -> !term.parents().contains(HpoOntology.CLINICAL_COURSE))
        .orElse(false);
  }

  /** Term id to its plain phrasings, from {@link #COURSE_PHRASES}. */
  private static Map<String, List<String>> coursePhrases() {
    Map<String, List<String>> phrases = new LinkedHashMap<>();
    try (InputStream in = FindingRecognizer.class.getResourceAsStream(COURSE_PHRASES)) {
      if (in == null) {
        throw new IllegalStateException(COURSE_PHRASES + " is missing from the library");
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
        String l = line.strip();
        int colon = l.indexOf(": ");
        if (l.isEmpty() || l.startsWith("#") || colon < 0) {
          continue;
        }
        List<String> list = new ArrayList<>();
        for (String phrase : l.substring(colon + 2).split(",")) {
          if (!phrase.isBlank()) {
            list.add(phrase.strip());
          }
        }
        phrases.put(l.substring(0, colon), list);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + COURSE_PHRASES + " from the library failed", e);
    }
    return phrases;
  }

  private void add(HpoTerm term, String text, How how, double confidence) {
    String words = TermNames.key(text);
    Set<String> stems = new TreeSet<>(stems(text));
    if (words.isEmpty() || stems.isEmpty()) {
      return;
    }
    Name name = new Name(term, text, how, confidence, stems);
    addTo(byWords, words, name);
    addTo(byStems, String.join(" ", stems), name);
    if (courseTerms.contains(term.id())) {
      return; // a course term names a whole finding, never words inside one
    }
    for (String stem : stems) {
      addTo(byStem, stem, name);
    }
  }

  /** Files a name under a key, keeping for each term its surest name there. */
  private static void addTo(Map<String, Map<String, Name>> table, String key, Name name) {
    // A common stem is filed under by thousands of names: looked up by term id, not scanned.
    table.computeIfAbsent(key, k -> new LinkedHashMap<>(2))
        .merge(name.term().id(), name, (filed, other) -> other.confidence() > filed.confidence() ? other : filed);
  }

  /**
   * What a finding names.
   *
   * @param finding one finding of a query, such as {@code "no seizures"} or {@code "wide based walk"}
   * @return the recognised terms, surest first, and whether they are excluded; no terms when the
   *     finding names none
   */
  public RecognizedFinding recognize(String finding) {
    Objects.requireNonNull(finding, "finding");
    List<RecognizedFinding.Term> whole = exactly(finding);
    if (!whole.isEmpty()) {
      return new RecognizedFinding(finding, false, whole);
    }
    String negated = Negation.withoutAnyCue(finding);
    if (negated != null) {
      return new RecognizedFinding(finding, true, terms(negated));
    }
    return new RecognizedFinding(finding, false, terms(finding));
  }

  private List<RecognizedFinding.Term> terms(String text) {
    List<RecognizedFinding.Term> exact = exactly(text);
    if (!exact.isEmpty()) {
      return exact;
    }
    List<String> stems = stems(text);
    if (stems.isEmpty()) {
      return List.of();
    }
    Map<String, Name> reworded = byStems.get(String.join(" ", new TreeSet<>(stems)));
    if (reworded != null) {
      return sorted(reworded.values().stream().map(n -> term(n, How.REWORDED, 0.95 * n.confidence())).toList());
    }
    return partially(new TreeSet<>(stems));
  }

  /** The terms the text is a name of, as written (in normal form). */
  private List<RecognizedFinding.Term> exactly(String text) {
    Map<String, Name> names = byWords.get(TermNames.key(text));
    if (names == null) {
      return List.of();
    }
    return sorted(names.values().stream().map(n -> term(n, n.how(), n.confidence())).toList());
  }

  /**
   * Names the finding's stems contain whole, largest first and without sharing a stem; failing
   * those, the one name that shares most of its stems with the finding.
   */
  private List<RecognizedFinding.Term> partially(Set<String> stems) {
    Map<Name, Integer> shared = new LinkedHashMap<>();
    for (String stem : stems) {
      Map<String, Name> names = byStem.get(stem);
      if (names != null && names.size() <= MAX_NAMES_PER_STEM) {
        for (Name name : names.values()) {
          shared.merge(name, 1, Integer::sum);
        }
      }
    }
    List<Name> contained = new ArrayList<>();
    shared.forEach((name, count) -> {
      if (count == name.stems().size()) {
        contained.add(name);
      }
    });
    contained.sort(Comparator.comparingInt((Name n) -> n.stems().size()).reversed()
        .thenComparing(Comparator.comparingDouble(Name::confidence).reversed())
        .thenComparing(n -> n.term().id()));
    Set<String> covered = new HashSet<>();
    List<Name> chosen = new ArrayList<>();
    for (Name name : contained) {
      if (name.stems().stream().noneMatch(covered::contains)) {
        covered.addAll(name.stems());
        chosen.add(name);
      } else if (!chosen.isEmpty() && chosen.getLast().stems().equals(name.stems())) {
        chosen.add(name); // another term of the very same words: as likely
      }
    }
    if (!chosen.isEmpty()) {
      double coverage = covered.size() / (double) stems.size();
      List<RecognizedFinding.Term> terms = new ArrayList<>();
      for (Name name : chosen) {
        terms.add(term(name, How.PARTIAL, 0.9 * name.confidence() * (0.5 + 0.5 * coverage)));
      }
      return dedupe(terms);
    }
    Name best = null;
    double bestF1 = 0;
    for (var entry : shared.entrySet()) {
      int count = entry.getValue();
      Name name = entry.getKey();
      double precision = count / (double) name.stems().size();
      double recall = count / (double) stems.size();
      if (count >= 2 && precision >= 2.0 / 3 && recall >= 0.5) {
        double f1 = 2 * precision * recall / (precision + recall);
        if (f1 > bestF1 || (f1 == bestF1 && best != null && name.term().id().compareTo(best.term().id()) < 0)) {
          best = name;
          bestF1 = f1;
        }
      }
    }
    return best == null ? List.of() : List.of(term(best, How.PARTIAL, 0.6 * bestF1 * best.confidence()));
  }

  private static RecognizedFinding.Term term(Name name, How how, double confidence) {
    return new RecognizedFinding.Term(name.term(), name.text(), how, confidence);
  }

  private static List<RecognizedFinding.Term> sorted(List<RecognizedFinding.Term> terms) {
    List<RecognizedFinding.Term> sorted = new ArrayList<>(terms);
    sorted.sort(Comparator.comparingDouble(RecognizedFinding.Term::confidence).reversed()
        .thenComparing(t -> t.term().id()));
    return dedupe(sorted);
  }

  /** Each term once, at its first (surest) place. */
  private static List<RecognizedFinding.Term> dedupe(List<RecognizedFinding.Term> terms) {
    Set<String> seen = new HashSet<>();
    List<RecognizedFinding.Term> kept = new ArrayList<>();
    for (RecognizedFinding.Term term : terms) {
      if (seen.add(term.term().id())) {
        kept.add(term);
      }
    }
    return List.copyOf(kept);
  }

  /** Word stems without stop words: "Weakness of the proximal muscles" is weak, proxim, muscl. */
  private static List<String> stems(String text) {
    List<String> stems = new ArrayList<>();
    try (TokenStream stream = STEMS.tokenStream("", text.replace("'", "").replace("\u2019", ""))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        stems.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in-memory text cannot fail", e);
    }
    return stems;
  }
}
