package org.raresearch.sources;

import static org.raresearch.sources.SectionText.line;
import static org.raresearch.sources.SectionText.lines;
import static org.raresearch.sources.SectionText.put;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.raresearch.errors.Excerpt;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.HpoTerm;

/** The annotation rows of one disease, gathered into a report. Not thread-safe. */
final class HpoDisease {
  private static final Pattern FRACTION = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");
  private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
  private static final Map<String, Frequency> FREQUENCY_TERMS = Map.of(
      "HP:0040280", Frequency.OBLIGATE,
      "HP:0040281", Frequency.VERY_FREQUENT,
      "HP:0040282", Frequency.FREQUENT,
      "HP:0040283", Frequency.OCCASIONAL,
      "HP:0040284", Frequency.VERY_RARE,
      "HP:0040285", Frequency.EXCLUDED);

  private final String accession;
  private final String name;
  /** By term id: a term annotated by several references is one finding, as first given. */
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  /** By term id, as first given: what the file says, with the term's canonical id. */
  private final Map<String, PhenotypeAnnotation> phenotypes = new LinkedHashMap<>();
  /** Onset label to the findings that start then. */
  private final Map<String, List<String>> findingOnsets = new LinkedHashMap<>();
  private final Set<String> inheritance = new LinkedHashSet<>();
  private final Set<String> course = new LinkedHashSet<>();
  /** The ids of the clinical course terms (aspect C), as first given. */
  private final Set<String> courseTerms = new LinkedHashSet<>();
  private final Set<String> modifiers = new LinkedHashSet<>();

  HpoDisease(String accession, String name) {
    this.accession = accession;
    this.name = name.strip();
  }

  String accession() {
    return accession;
  }

  /**
   * Adds one annotation row.
   *
   * @return what is wrong with the row (it is then left out), or null
   */
  String add(String termId, String qualifier, String aspect, String frequency, String onset, HpoOntology ontology) {
    Optional<HpoTerm> term = ontology.term(termId.strip());
    if (term.isEmpty()) {
      return termId.isBlank() ? "the row names no HPO term" : "the HPO term " + Excerpt.of(termId.strip()) + " is not in the ontology " + ontology.release();
    }
    String label = term.get().label().isEmpty() ? term.get().id() : term.get().label();
    switch (aspect.strip()) {
      case "I" -> inheritance.add(label);
      case "C" -> {
        course.add(label);
        if (!qualifier.strip().equalsIgnoreCase("NOT")) {
          courseTerms.add(term.get().id());
        }
      }
      case "M" -> modifiers.add(label);
      default -> {
        Frequency f;
        if (qualifier.strip().equalsIgnoreCase("NOT")) {
          f = Frequency.EXCLUDED;
        } else {
          Optional<Frequency> parsed = frequency(frequency.strip());
          if (parsed.isEmpty()) {
            return Excerpt.quoted(frequency.strip()) + " is not a frequency (an HPO frequency term, n/m or n%)";
          }
          f = parsed.get();
        }
        String text = OrphanetPackets.asFinding(label);
        phenotypes.putIfAbsent(term.get().id(), new PhenotypeAnnotation(term.get().id(), label, f,
            f == Frequency.EXCLUDED ? OptionalDouble.empty() : share(frequency.strip())));
        if (findings.putIfAbsent(term.get().id(), new Finding(text, f)) == null && !onset.isBlank()) {
          ontology.term(onset.strip()).ifPresent(o -> findingOnsets.computeIfAbsent(o.label(), k -> new ArrayList<>()).add(text));
        }
      }
    }
    return null;
  }

  /** The share of patients {@code 3/7} or {@code 45%} give exactly; empty for a frequency term or none. */
  static OptionalDouble share(String text) {
    Matcher fraction = FRACTION.matcher(text);
    if (fraction.matches()) {
      double n = Double.parseDouble(fraction.group(1));
      double m = Double.parseDouble(fraction.group(2));
      return m == 0 || n > m ? OptionalDouble.empty() : OptionalDouble.of(100 * n / m);
    }
    Matcher percent = PERCENT.matcher(text);
    if (percent.matches()) {
      double p = Double.parseDouble(percent.group(1));
      return p > 100 ? OptionalDouble.empty() : OptionalDouble.of(p);
    }
    return OptionalDouble.empty();
  }

  /** An HPO frequency term, {@code 3/7} or {@code 45%}; {@link Frequency#UNKNOWN} when blank. */
  static Optional<Frequency> frequency(String text) {
    if (text.isEmpty()) {
      return Optional.of(Frequency.UNKNOWN);
    }
    Frequency term = FREQUENCY_TERMS.get(text);
    if (term != null) {
      return Optional.of(term);
    }
    OptionalDouble share = share(text);
    return share.isPresent() ? Optional.of(Frequency.ofPercent(share.getAsDouble())) : Optional.empty();
  }

  DiseaseReport toReport(Optional<LocalDate> date, String copyright) {
    String[] parts = accession.split(":", 2);
    boolean orphanet = parts[0].equals("ORPHA");
    String id = (orphanet ? "HPO_ORPHA_" : parts[0] + "_") + parts[1].replace('.', '_');
    Map<SectionKey, String> sections = new LinkedHashMap<>();
    put(sections, SectionKind.SIGNS_AND_SYMPTOMS, Finding.listing(List.copyOf(findings.values())));
    put(sections, SectionKind.CAUSES, line("Inheritance", inheritance, ", "));
    StringJoiner onsets = new StringJoiner("; ");
    findingOnsets.forEach((onset, texts) -> onsets.add(onset + ": " + String.join(", ", texts)));
    put(sections, SectionKind.AFFECTED_POPULATIONS, lines(
        line("Onset and clinical course", course, ", "),
        line("Clinical modifiers", modifiers, ", "),
        onsets.length() == 0 ? "" : "Onset of findings: " + onsets + "."));
    List<CrossReference> references = orphanet ? List.of(new CrossReference(accession, CrossReference.Match.EXACT)) : List.of();
    return new DiseaseReport(
        id, name.isEmpty() ? accession : name, List.of(), List.of(), sections, List.of(), date, Optional.of(copyright), references,
        List.copyOf(phenotypes.values()),
        new DiseaseFacts(Optional.empty(), List.of(), List.copyOf(courseTerms), List.of()));
  }
}
