package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.raresearch.api.IngestResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Builds or updates an index from a directory of report files.",
      "Only changed files are re-indexed; reports whose file is gone are removed."
    })
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--reports", paramLabel = "DIR", description = "Directory of .txt reports (default: the bundled reports).")
  Path reports;

  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: the bundled corpus's index).")
  Path index;

  @Option(names = "--rebuild", description = {
      "Build the index anew from the reports. Allowed for an empty folder or a RareSearch index (of any",
      "schema version); searches of the old index go on until the new one is committed."})
  boolean rebuild;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Path indexPath = index == null ? CliContext.defaultIndex() : index;
    Path reportsPath = reports == null ? CliContext.defaultReports() : reports;
    IngestResult result = CliContext.sync(indexPath, reportsPath, rebuild, err);
    return result.rejectedCount() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }
}
