package org.raresearch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestResult;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.eval.BaselineIndex;
import org.raresearch.report.ReportDirectory;

/**
 * Runs every benchmark for each corpus size and collects one {@link BenchTable}: generates the
 * corpus ({@link CorpusGenerator}), builds RareSearch's index and the bare baseline's, writes the
 * queries, then runs the JMH benchmarks (indexing, query latency, cold start) and the heap probe,
 * RareSearch and the baseline alike, in the same run.
 *
 * <p>The quick mode runs everything once, briefly and in this JVM: it shows that the benchmarks
 * work, not how fast anything is.
 */
public final class BenchRunner {
  /** The {@code system} parameter value for RareSearch. */
  public static final String RARESEARCH = "raresearch";
  /** The {@code system} parameter value for the bare baseline. */
  public static final String BASELINE = "baseline";

  /**
   * What to run.
   *
   * @param seedReports the reports generated corpora are recombined from
   * @param sizes corpus sizes, in reports
   * @param seed the seed number of the generated corpora and queries
   * @param work where corpora, indexes and JMH logs go (kept between runs: a corpus of the same
   *     seed reports, seed number and size is reused)
   * @param quick one short run of everything in this JVM, for smoke tests
   */
  public record Options(Path seedReports, List<Integer> sizes, long seed, Path work, boolean quick) {
    public Options {
      Objects.requireNonNull(seedReports, "seedReports");
      Objects.requireNonNull(work, "work");
      sizes = List.copyOf(sizes);
      if (sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 1)) {
        throw new IllegalArgumentException("corpus sizes must be positive numbers of reports, not " + sizes);
      }
    }
  }

  private static final int QUICK_HEAP_QUERIES = 20;

  /**
   * The search time budget of the measured searches. Latency is measured here, not budgeted: a slow
   * sample (the first query of a cold JVM on a loaded machine) is a figure, not a failure of the run.
   */
  static final Duration MEASURED_SEARCH_TIMEOUT = Duration.ofMinutes(10);

  private final Options options;
  private final PrintWriter log;

  private BenchRunner(Options options, PrintWriter log) {
    this.options = options;
    this.log = log;
  }

  /**
   * Runs the benchmarks.
   *
   * @param log told what is being done, one line per step
   */
  public static BenchTable run(Options options, PrintWriter log) throws IOException, RunnerException, InterruptedException {
    return new BenchRunner(options, log).run();
  }

  private BenchTable run() throws IOException, RunnerException, InterruptedException {
    CorpusGenerator generator = CorpusGenerator.from(options.seedReports());
    BenchTable table = new BenchTable(String.format(Locale.ROOT,
        "RareSearch benchmarks%s: %d cores, Java %s, corpora recombined from %d reports of %s (seed %d)",
        options.quick() ? " (quick mode: figures are not measurements)" : "",
        Runtime.getRuntime().availableProcessors(), Runtime.version(), generator.seedReports(),
        options.seedReports(), options.seed()));
    for (int size : options.sizes()) {
      BenchFiles files = new BenchFiles(options.work().resolve("reports-" + size));
      long bytes = prepare(generator, size, files);
      measure(size, bytes, files, table);
    }
    return table;
  }

  /** Generates the corpus (unless already there), the two indexes and the queries; returns the corpus size in bytes. */
  private long prepare(CorpusGenerator generator, int size, BenchFiles files) throws IOException {
    Files.createDirectories(files.root());
    Path marker = files.root().resolve("corpus.properties");
    String description = "seedReports=" + options.seedReports().toAbsolutePath().normalize()
        + "\nseedReportCount=" + generator.seedReports() + "\nseed=" + options.seed() + "\nsize=" + size + "\n";
    if (!Files.exists(marker) || !Files.readString(marker).equals(description)) {
      log.printf(Locale.ROOT, "Generating %d reports into %s ...%n", size, files.corpus());
      log.flush();
      Files.deleteIfExists(marker);
      IndexingBenchmark.deleteTree(files.corpus());
      generator.write(files.corpus(), size, options.seed());
      Files.writeString(marker, description);
    }
    long bytes = 0;
    for (Path file : ReportDirectory.reportFiles(files.corpus())) {
      bytes += Files.size(file);
    }
    log.printf(Locale.ROOT, "Indexing %d reports (%.1f MB) for RareSearch and the baseline ...%n", size, bytes / 1e6);
    log.flush();
    buildIndex(files);
    IndexingBenchmark.deleteTree(files.baselineIndex());
    BaselineIndex.write(files.corpus(), files.baselineIndex());
    BenchQueries generated = BenchQueries.generate(generator, size, options.seed(), options.quick() ? 50 : 1000);
    try (RareSearch rare = RareSearch.builder(files.index()).readOnly().searchTimeout(MEASURED_SEARCH_TIMEOUT).open()) {
      generated.answerableBy(rare).write(files.queries());
    }
    return bytes;
  }

  private void buildIndex(BenchFiles files) throws IOException {
    IngestResult result;
    try {
      result = sync(files);
    } catch (IndexAccessException e) {
      if (e.reason() != IndexAccessException.Reason.SCHEMA_MISMATCH && e.reason() != IndexAccessException.Reason.CORRUPT) {
        throw e;
      }
      IndexingBenchmark.deleteTree(files.index());
      result = sync(files);
    }
    if (!result.rejected().isEmpty()) {
      throw new IOException("generated reports were rejected: " + result.rejected().getFirst());
    }
  }

  private static IngestResult sync(BenchFiles files) throws IOException {
    try (RareSearch rare = RareSearch.open(files.index())) {
      return rare.sync(files.corpus());
    }
  }

  private void measure(int size, long bytes, BenchFiles files, BenchTable table)
      throws IOException, RunnerException, InterruptedException {
    boolean large = size >= 50_000;
    log.printf(Locale.ROOT, "Measuring indexing of %d reports ...%n", size);
    log.flush();
    Collection<RunResult> indexing = jmh(files, size, IndexingBenchmark.class.getSimpleName() + "\\.", b -> b
        .warmupIterations(options.quick() ? 0 : 1)
        .measurementIterations(options.quick() ? 1 : large ? 2 : 4));
    double rareMs = median(indexing, RARESEARCH, null);
    double baseMs = median(indexing, BASELINE, null);
    table.addRatioTarget(size, "indexing", "reports/s", size / (rareMs / 1000), size / (baseMs / 1000), true, 0.8);
    table.add(size, "indexing", "MB/s", bytes / 1e6 / (rareMs / 1000), bytes / 1e6 / (baseMs / 1000));

    log.printf(Locale.ROOT, "Measuring query latency on %d reports ...%n", size);
    log.flush();
    Collection<RunResult> queries = new ArrayList<>(jmh(files, size, QueryBenchmark.class.getSimpleName() + "\\.", b -> b
        .param("system", RARESEARCH)
        .warmupIterations(options.quick() ? 0 : 3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(options.quick() ? 1 : 5)
        .measurementTime(options.quick() ? TimeValue.milliseconds(100) : TimeValue.seconds(2))));
    queries.addAll(jmh(files, size, QueryBenchmark.class.getSimpleName() + "\\.", b -> b
        .param("system", BASELINE)
        .param("kind", BenchQueries.kinds().toArray(String[]::new))
        .warmupIterations(options.quick() ? 0 : 3)
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(options.quick() ? 1 : 5)
        .measurementTime(options.quick() ? TimeValue.milliseconds(100) : TimeValue.seconds(2))));
    for (String kind : BenchQueries.kinds()) {
      double rareMedian = percentile(queries, RARESEARCH, kind, 50) / 1000;
      double baseMedian = percentile(queries, BASELINE, kind, 50) / 1000;
      table.addRatioTarget(size, kind + " median", "ms", rareMedian, baseMedian, false, 1.5);
      double p99Limit = kind.equals(BenchQueries.NAME) ? 2 : 10;
      table.addLimitTarget(size, kind + " p99", "ms",
          percentile(queries, RARESEARCH, kind, 99) / 1000, percentile(queries, BASELINE, kind, 99) / 1000, p99Limit);
    }
    table.add(size, QueryBenchmark.SNIPPETS + " median", "ms", percentile(queries, RARESEARCH, QueryBenchmark.SNIPPETS, 50) / 1000, Double.NaN);
    table.add(size, QueryBenchmark.SNIPPETS + " p99", "ms", percentile(queries, RARESEARCH, QueryBenchmark.SNIPPETS, 99) / 1000, Double.NaN);

    log.printf(Locale.ROOT, "Measuring cold start on %d reports ...%n", size);
    log.flush();
    // One fork per sample: each API sample starts in a JVM that has loaded nothing of the index.
    Collection<RunResult> apiStart = jmh(files, size, ColdStartBenchmark.class.getSimpleName() + "\\.api$", b -> b
        .warmupIterations(0)
        .measurementIterations(1)
        .forks(options.quick() ? 0 : 5));
    table.addLimitTarget(size, "cold start API", "ms", median(apiStart, RARESEARCH, null), median(apiStart, BASELINE, null), 1000);
    Collection<RunResult> cliStart = jmh(files, size, ColdStartBenchmark.class.getSimpleName() + "\\.cli$", b -> b
        .warmupIterations(options.quick() ? 0 : 1)
        .measurementIterations(options.quick() ? 1 : 5));
    table.add(size, "cold start CLI", "ms", median(cliStart, RARESEARCH, null), median(cliStart, BASELINE, null));

    log.printf(Locale.ROOT, "Measuring heap with %d reports open ...%n", size);
    log.flush();
    HeapProbe.Heap rareHeap = heap(RARESEARCH, files);
    HeapProbe.Heap baseHeap = heap(BASELINE, files);
    table.addLimitTarget(size, "heap, index open", "MB", rareHeap.afterOpen() / 1e6, baseHeap.afterOpen() / 1e6, 512);
    table.addLimitTarget(size, "heap, +" + (options.quick() ? QUICK_HEAP_QUERIES : HeapProbe.QUERIES) + " queries", "MB",
        rareHeap.afterQueries() / 1e6, baseHeap.afterQueries() / 1e6, 512);
  }

  private HeapProbe.Heap heap(String system, BenchFiles files) throws IOException, InterruptedException {
    if (options.quick()) {
      return HeapProbe.measure(system, files, QUICK_HEAP_QUERIES);
    }
    String line = JavaProcess.output(JavaProcess.command(HeapProbe.class.getName(), system, files.root().toString()));
    return HeapProbe.parse(line);
  }

  private Collection<RunResult> jmh(BenchFiles files, int size, String include, java.util.function.UnaryOperator<ChainedOptionsBuilder> settings)
      throws RunnerException, IOException {
    Path jmhLog = options.work().resolve("jmh-" + size + ".log");
    ChainedOptionsBuilder builder = new OptionsBuilder()
        .include(include)
        .param("work", files.root().toString())
        .forks(options.quick() ? 0 : 1)
        .shouldFailOnError(true)
        .output(jmhLog.toString());
    try {
      return new Runner(settings.apply(builder).build()).run();
    } catch (RunnerException e) {
      throw failure(e, jmhLog);
    } finally {
      if (Files.exists(jmhLog)) {
        appendTo(options.work().resolve("jmh-all.log"), jmhLog);
      }
    }
  }

  /**
   * What a failed benchmark says: RareSearch's own exception when one stopped it (a refused query, an
   * unavailable index), otherwise the innermost failure's message and where JMH's log is.
   */
  static RuntimeException failure(RunnerException failed, Path jmhLog) {
    // JMH wraps what the benchmark threw as causes and suppressed exceptions, some levels down.
    ArrayDeque<Throwable> pending = new ArrayDeque<>(List.of(failed));
    Throwable firstLeaf = null;
    while (!pending.isEmpty()) {
      Throwable next = pending.removeFirst();
      if (next instanceof RareSearchException own) {
        return own;
      }
      if (next.getCause() != null && next.getCause() != next) {
        pending.addLast(next.getCause());
      }
      pending.addAll(List.of(next.getSuppressed()));
      if (firstLeaf == null && next.getCause() == null && next.getSuppressed().length == 0) {
        firstLeaf = next;
      }
    }
    Throwable cause = firstLeaf != null ? firstLeaf : failed;
    String what = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    return new BenchmarkFailedException("a benchmark failed: " + what
        + "; JMH's log, with the benchmark's stack trace, is " + jmhLog, failed);
  }

  /** A benchmark stopped by something other than RareSearch's own exceptions: a bug in the benchmark or the library. */
  public static final class BenchmarkFailedException extends RuntimeException {
    BenchmarkFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static void appendTo(Path all, Path part) throws IOException {
    Files.writeString(all, Files.readString(part, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
  }

  private static double median(Collection<RunResult> results, String system, String kind) {
    return percentile(results, system, kind, 50);
  }

  private static double percentile(Collection<RunResult> results, String system, String kind, double percentile) {
    for (RunResult result : results) {
      var params = result.getParams();
      if (system.equals(params.getParam("system")) && (kind == null || kind.equals(params.getParam("kind")))) {
        return result.getPrimaryResult().getStatistics().getPercentile(percentile);
      }
    }
    throw new IllegalStateException("no benchmark result for " + system + (kind == null ? "" : " " + kind));
  }
}
