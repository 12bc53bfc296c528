package org.raresearch.cli;

import java.util.Locale;
import java.util.stream.Collectors;
import org.raresearch.api.PhenotypeMatch;
import org.raresearch.api.PriorScore;
import org.raresearch.vocabulary.RecognizedFinding;

/** Renders recognised findings and phenotype matches for a terminal, one line each. */
final class Findings {
  private Findings() {}

  /** {@code "fits" → Seizure (HP:0001250, lay name, 0.95)}, or that it was not recognised. */
  static String describe(RecognizedFinding finding) {
    String quoted = "\"" + finding.finding() + "\"";
    switch (finding.kind()) {
      case UNKNOWN_ID -> {
        return quoted + " → " + finding.id() + " is not an id of the index's ontology (nor an obsolete one with a"
            + " replacement); not searched";
      }
      case ID_WITHOUT_VOCABULARY -> {
        return quoted + " → " + finding.id() + " is an HPO id, but the index has no ontology to read it in"
            + " (give one with --hpo FILE); not searched";
      }
      default -> {}
    }
    if (!finding.recognised()) {
      return quoted + " → not recognised as a phenotype; searched as text";
    }
    String terms = finding.terms().stream()
        .map(t -> String.format(Locale.ROOT, "%s (%s, %s, %.2f)", t.term().label(), t.term().id(), how(t), t.confidence()))
        .collect(Collectors.joining(" or "));
    return quoted + " → " + (finding.excluded() ? "absent: " : "") + terms;
  }

  private static String how(RecognizedFinding.Term term) {
    return switch (term.how()) {
      case ID -> term.matchedName().equals(term.term().id()) ? "id" : "alternative id " + term.matchedName();
      case REPLACED_ID -> "replaces obsolete " + term.matchedName();
      default -> term.how().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  /**
   * {@code fits: source ORPHA_910002 says Focal-onset seizure, obligate (inferred: Seizure, more
   * specific; 12 diseases)}.
   */
  /** "prior: Disease, prevalence 3 in 10,000 (+2.31)" or "prior: Category, a group of disorders (+0.00)". */
  static String describe(PriorScore prior) {
    String kind = prior.disorderType().orElse("disease");
    String what = prior.group() ? ", a group of disorders" : "";
    String prevalence = prior.prevalence().isPresent()
        ? String.format(Locale.ROOT, ", prevalence %.2g", prior.prevalence().getAsDouble())
        : ", prevalence not stated";
    return String.format(Locale.ROOT, "prior: %s%s%s (%+.2f)", kind, what, prevalence, prior.score());
  }

  static String describe(PhenotypeMatch match) {
    String frequency = match.share().isPresent()
        ? String.format(Locale.ROOT, "%.0f%%", match.share().getAsDouble())
        : match.frequency().label().toLowerCase(Locale.ROOT);
    String says = match.reportId() + " says " + match.annotatedTermLabel() + ", " + frequency;
    String how = switch (match.relation()) {
      case SAME -> "";
      case MORE_SPECIFIC -> "; so it has " + match.queryTermLabel() + ", a more general term";
      case MORE_GENERAL -> "; " + match.queryTermLabel() + " is a more specific term";
      case CONTRADICTS -> "; counts against it";
    };
    int diseases = match.diseasesWithTerm();
    return String.format(Locale.ROOT, "\"%s\": %s%s (%s)", match.finding(), says, how,
        diseases == 1 ? "the only disease that has it" : diseases + " diseases have it");
  }
}
