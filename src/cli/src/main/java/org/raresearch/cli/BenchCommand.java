package org.raresearch.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.spi.ToolProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code raresearch bench}: hands its arguments on to the benchmarks, the tool {@value #TOOL} of
 * the raresearch-bench artifact, which the runnable jar holds; {@code --help} shows the tool's
 * options. Without the tool it says they are not installed.
 */
@Command(
    name = "bench",
    description = {
      "Measures indexing throughput, query latency, cold start and heap on generated corpora, for",
      "RareSearch and for a bare Lucene baseline in the same run, and prints a table with their ratios.",
      "Run `raresearch bench --help` for its options."
    })
final class BenchCommand implements Callable<Integer> {
  /** The name of the benchmarks' tool. */
  static final String TOOL = "raresearch-bench";
  /** The tool's option for the reports to recombine when none are given. */
  private static final String BUNDLED_REPORTS = "--bundled-reports";
  /** The tool's exit code for a wrong command line; any other but 0 is a failed benchmark. */
  private static final int TOOL_WRONG_ARGUMENTS = 2;

  @Spec CommandSpec spec;

  @Unmatched List<String> arguments = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    return run(ToolProvider.findFirst(TOOL), spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Runs the tool, if there is one, with this command's arguments and the bundled reports as default seeds. */
  int run(Optional<ToolProvider> tool, PrintWriter out, PrintWriter err) throws Exception {
    if (tool.isEmpty()) {
      err.println("raresearch: benchmarks are not installed: this raresearch was built without the raresearch-bench artifact");
      return ExitCodes.USAGE;
    }
    List<String> args = new ArrayList<>(List.of(BUNDLED_REPORTS, CliContext.defaultReports().toString()));
    args.addAll(arguments);
    try {
      return switch (tool.get().run(out, err, args.toArray(String[]::new))) {
        case 0 -> ExitCodes.OK;
        case TOOL_WRONG_ARGUMENTS -> ExitCodes.USAGE;
        default -> ExitCodes.INTERNAL_ERROR;
      };
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
