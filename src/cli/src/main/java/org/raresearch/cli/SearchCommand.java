package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raresearch.Phenopackets;
import org.raresearch.RareSearch;
import org.raresearch.api.PatientCase;
import org.raresearch.api.Question;
import org.raresearch.api.PhenotypeMatch;
import org.raresearch.api.SearchHit;
import org.raresearch.api.SearchResults;
import org.raresearch.api.Snippet;
import org.raresearch.server.JsonViews;
import org.raresearch.vocabulary.RecognizedFinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the rare diseases that best fit a list of symptoms.",
      "Separate findings with commas or semicolons; \"quoted text\" must match as a phrase.",
      "Example: raresearch search \"heliotrope rash, proximal muscle weakness, trouble climbing stairs\""
    })
final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "SYMPTOMS",
      description = "The symptom query (several words are joined): words, or HPO ids such as HP:0001250.")
  List<String> words;

  @Option(names = "--phenopacket", paramLabel = "FILE", description = "Rank for the phenotypic features of a GA4GH phenopacket (v2 or v1 JSON) instead.")
  Path phenopacket;

  @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "Most hits to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--index", paramLabel = "DIR", description = "Index to search (default: the bundled corpus, built on first use).")
  Path index;

  @Option(names = "--json", description = "Print JSON (the same as --format json).")
  boolean json;

  /** How the answer is printed. */
  enum Format { text, json, tsv }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, or tsv: one line per disease (rank, disease id, name, score, matched findings) "
          + "under a header line (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--ask", paramLabel = "N", defaultValue = "0",
      description = "Also list the N findings worth asking about next: those whose answer would best tell the top diseases apart.")
  int ask;

  @picocli.CommandLine.Mixin VocabularyOptions vocabulary;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    boolean hasWords = words != null && !words.isEmpty();
    if (hasWords == (phenopacket != null)) {
      throw new ParameterException(spec.commandLine(), "give either SYMPTOMS or --phenopacket FILE");
    }
    PatientCase patient = phenopacket == null ? null : Phenopackets.read(phenopacket);
    String query = patient == null ? String.join(" ", words) : phenopacket.toString();
    if (ask < 0 || ask > RareSearch.MAX_QUESTIONS) {
      throw new ParameterException(spec.commandLine(), "--ask takes 0 to " + RareSearch.MAX_QUESTIONS + " questions, not " + ask);
    }
    SearchResults results;
    List<Question> questions = List.of();
    try (RareSearch rare = CliContext.openForSearch(index, spec.commandLine().getErr(), vocabulary)) {
      results = patient == null ? rare.search(query, limit) : rare.searchCase(patient, limit);
      if (ask > 0) {
        if (rare.vocabulary().isEmpty()) {
          throw new ParameterException(spec.commandLine(), "--ask needs an index with a vocabulary, or --hpo FILE");
        }
        questions = patient == null ? rare.ask(query, ask) : rare.askCase(patient, ask);
      }
    }
    if (json || format == Format.json) {
      Json.print(out, ask > 0 ? JsonViews.search(query, results, questions) : JsonViews.search(query, results));
    } else if (format == Format.tsv) {
      Differential.printTsv(out, results);
    } else {
      print(out, query, results);
      if (ask > 0) {
        printQuestions(out, questions);
      }
    }
    return results.hits().isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
  }

  private static void printQuestions(PrintWriter out, List<Question> questions) {
    out.println();
    if (questions.isEmpty()) {
      out.println("Nothing to ask: no finding tells the top diseases apart.");
    } else {
      out.println("Ask next (add the finding, or \"no\" and the finding, to the query):");
    }
    int n = 1;
    for (Question question : questions) {
      out.printf(Locale.ROOT, "%2d. %s %s  (gain %.2f bits; %.0f%% likely)%n", n++, question.id(), question.label(),
          question.gain(), 100 * question.probability());
      for (Question.Disease disease : question.diseases()) {
        out.printf(Locale.ROOT, "      %s [%s]: %.0f%% of patients%n", disease.title(), disease.id(), 100 * disease.share());
      }
    }
    out.flush();
  }

  private static void print(PrintWriter out, String query, SearchResults results) {
    if (results.hits().isEmpty()) {
      out.println("No report matches \"" + query + "\".");
      out.flush();
      return;
    }
    out.printf("%d of %d matching diseases for \"%s\"%n", results.hits().size(), results.totalMatches(), query);
    if (results.truncated()) {
      out.println("(the query was long: only its first findings were searched)");
    }
    if (!results.findings().isEmpty()) {
      out.println("recognised:");
      for (RecognizedFinding finding : results.findings()) {
        out.println("  " + Findings.describe(finding));
      }
    }
    int rank = 1;
    for (SearchHit hit : results.hits()) {
      out.printf("%n%2d. %s  [%s]  score %.2f%n", rank++, hit.title(), String.join(", ", hit.sourceIds()), hit.score());
      for (PhenotypeMatch match : hit.phenotypeMatches()) {
        out.println("    " + Findings.describe(match));
      }
      hit.prior().ifPresent(prior -> out.println("    " + Findings.describe(prior)));
      out.println("    matched: " + String.join(", ", hit.matchedSections()));
      for (Snippet snippet : hit.snippets()) {
        out.println("    " + snippet.section() + ": " + Snippets.shorten(snippet, 220));
      }
    }
    out.flush();
  }
}
