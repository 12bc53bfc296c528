package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raresearch.RareSearch;
import org.raresearch.api.NameMatch;
import org.raresearch.server.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    description = {
      "Resolves a disease name, abbreviation or misspelling to the canonical disease(s).",
      "Example: raresearch resolve dermatomyocitis"
    })
final class ResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "The name (several words are joined).")
  List<String> words;

  @Option(names = {"-n", "--limit"}, defaultValue = "10", description = "Most candidates to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--index", paramLabel = "DIR", description = "Index to search (default: the bundled corpus, built on first use).")
  Path index;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String name = String.join(" ", words);
    List<NameMatch> matches;
    try (RareSearch rare = CliContext.openForSearch(index, spec.commandLine().getErr())) {
      matches = rare.resolve(name, limit);
    }
    if (json) {
      Json.print(out, JsonViews.resolve(name, matches));
    } else if (matches.isEmpty()) {
      out.println("No disease is known by the name \"" + name + "\".");
    } else {
      for (NameMatch m : matches) {
        out.printf(
            "%-40s [%s]  %s \"%s\", confidence %.2f%n",
            m.title(), String.join(", ", m.sourceIds()), m.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), m.matchedName(), m.confidence());
      }
    }
    out.flush();
    return matches.isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
  }
}
