package org.raresearch.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "raresearch bench",
    description = {
      "Measures indexing throughput, query latency, cold start and heap on generated corpora, for",
      "RareSearch and for a bare Lucene baseline in the same run, and prints a table with their ratios.",
      "Example: raresearch bench --seed-reports ../shared/eval/corpus --sizes 10000,100000"
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--seed-reports", paramLabel = "DIR",
      description = "Reports the corpora are recombined from (default: the bundled reports).")
  Path seedReports;

  /** The bundled reports, as the command line that runs the benchmarks knows them. */
  @Option(names = BenchTool.BUNDLED_REPORTS, paramLabel = "DIR", hidden = true)
  Path bundledReports;

  @Option(names = "--sizes", paramLabel = "N,N", split = ",", defaultValue = "10000,100000",
      description = "Corpus sizes in reports (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--seed", defaultValue = "42", description = "Seed number of the generated corpora and queries (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Where corpora, indexes and JMH logs go, reused between runs (default: raresearch-bench in the temporary directory).")
  Path work;

  @Option(names = "--quick", description = "Run every benchmark once, briefly, in this JVM: checks they work, measures nothing.")
  boolean quick;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path workDir = work != null ? work : Path.of(System.getProperty("java.io.tmpdir"), "raresearch-bench");
    Path seeds = seedReports != null ? seedReports : bundledReports;
    if (seeds == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seed-reports is required: there are no bundled reports");
    }
    if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sizes must be positive numbers of reports, not " + sizes);
    }
    BenchTable table;
    try {
      table = BenchRunner.run(new BenchRunner.Options(seeds, sizes, seed, workDir, quick), err);
    } catch (BenchRunner.BenchmarkFailedException e) {
      err.println("raresearch: internal error: " + e.getMessage());
      return BenchTool.FAILED;
    }
    table.print(out);
    return BenchTool.DONE;
  }
}
