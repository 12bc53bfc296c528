package org.raresearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.raresearch.RareSearch;
import org.raresearch.eval.BaselineIndex;

/**
 * Time from opening a prebuilt index to the first answer.
 *
 * <p>{@code api}: in a fresh benchmark JVM (one fork per sample, nothing of the index or of the
 * search code loaded before), {@code RareSearch.builder(index).readOnly().open()} and one symptom
 * search with snippets; the baseline opens its index and runs one {@code QueryParser} query.
 *
 * <p>{@code cli}: a whole new process, as a user starts it: {@code raresearch search --index DIR
 * QUERY} against a minimal Lucene program ({@link BaselineSearch}) answering the same query.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ColdStartBenchmark {
  /** The work directory ({@link BenchFiles}). */
  @Param("")
  public String work;

  /** {@code raresearch} or {@code baseline}. */
  @Param({BenchRunner.RARESEARCH, BenchRunner.BASELINE})
  public String system;

  private BenchFiles files;
  private String query;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    files = new BenchFiles(Path.of(work));
    List<String> queries = BenchQueries.read(files.queries()).of(BenchQueries.symptoms(3));
    query = queries.getFirst();
  }

  @Benchmark
  public Object api() throws IOException {
    if (BenchRunner.RARESEARCH.equals(system)) {
      try (RareSearch rare = RareSearch.builder(files.index()).readOnly().open()) {
        return rare.search(query, 10);
      }
    }
    try (BaselineIndex baseline = BaselineIndex.open(files.baselineIndex())) {
      return baseline.rank(query, 10);
    }
  }

  @Benchmark
  public int cli() throws IOException, InterruptedException {
    List<String> command = BenchRunner.RARESEARCH.equals(system)
        ? JavaProcess.command("org.raresearch.cli.RareSearchCli", "search", "--index", files.index().toString(), query)
        : JavaProcess.command(BaselineSearch.class.getName(), files.baselineIndex().toString(), query);
    return JavaProcess.run(command);
  }
}
