package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.raresearch.RareSearch;
import org.raresearch.report.DiseaseReport;
import org.raresearch.server.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the whole report with this id, as indexed.")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The report id, as search and resolve print it.")
  String id;

  @Option(names = "--index", paramLabel = "DIR", description = "Index to read (default: the bundled corpus, built on first use).")
  Path index;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<DiseaseReport> report;
    try (RareSearch rare = CliContext.openForSearch(index, spec.commandLine().getErr())) {
      report = rare.get(id);
    }
    if (report.isEmpty()) {
      spec.commandLine().getErr().println("raresearch: no report has the id \"" + id + "\"");
      return ExitCodes.NOT_FOUND;
    }
    if (json) {
      Json.print(out, JsonViews.report(report.get()));
    } else {
      ReportPrinter.print(out, report.get());
      out.flush();
    }
    return ExitCodes.OK;
  }
}
