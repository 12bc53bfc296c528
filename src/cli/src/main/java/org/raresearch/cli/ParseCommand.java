package org.raresearch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ParseWarning;
import org.raresearch.report.ParsedReport;
import org.raresearch.server.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "parse", mixinStandardHelpOptions = true, description = "Prints one report file as the parser reads it, with any warnings.")
final class ParseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A report file in the NORD text layout.")
  Path file;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ParsedReport parsed = new NordReportParser().parse(file);
    if (json) {
      ObjectNode node = Json.object();
      node.put("file", file.toString());
      node.set("report", JsonViews.report(parsed.report()));
      ArrayNode warnings = node.putArray("warnings");
      for (ParseWarning w : parsed.warnings()) {
        warnings.addObject().put("line", w.line()).put("message", w.message());
      }
      Json.print(out, node);
    } else {
      ReportPrinter.print(out, parsed.report());
      for (ParseWarning w : parsed.warnings()) {
        out.println("warning: " + file + ":" + w.line() + ": " + w.message());
      }
      out.flush();
    }
    return ExitCodes.OK;
  }
}
