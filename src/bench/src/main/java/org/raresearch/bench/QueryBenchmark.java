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
import org.openjdk.jmh.annotations.TearDown;
import org.raresearch.RareSearch;
import org.raresearch.eval.BaselineIndex;

/**
 * The latency of one query on a prebuilt index, sampled so that the median and the 99th percentile
 * can be read: name resolution and symptom queries of 1, 3 and 8 findings, for RareSearch ({@link
 * RareSearch#resolve}, {@link RareSearch#rank}; {@link #SNIPPETS} adds matched sections and
 * highlighted snippets with {@link RareSearch#search}) and for the bare baseline (the classic
 * {@code QueryParser} over its one field). Each invocation runs the next query of its kind, top 10.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBenchmark {
  /** Symptom queries of 3 findings answered in full, with snippets: RareSearch only. */
  public static final String SNIPPETS = "symptoms-3-snippets";

  /** The work directory ({@link BenchFiles}). */
  @Param("")
  public String work;

  /** {@code raresearch} or {@code baseline}. */
  @Param({BenchRunner.RARESEARCH, BenchRunner.BASELINE})
  public String system;

  /** A kind of {@link BenchQueries}, or {@link #SNIPPETS}. */
  @Param({BenchQueries.NAME, "symptoms-1", "symptoms-3", "symptoms-8", SNIPPETS})
  public String kind;

  private RareSearch rare;
  private BaselineIndex baseline;
  private String[] queries;
  private int next;

  @Setup(Level.Trial)
  public void open() throws IOException {
    BenchFiles files = new BenchFiles(Path.of(work));
    List<String> list = BenchQueries.read(files.queries()).of(SNIPPETS.equals(kind) ? BenchQueries.symptoms(3) : kind);
    queries = list.toArray(String[]::new);
    if (BenchRunner.RARESEARCH.equals(system)) {
      rare = RareSearch.builder(files.index()).readOnly().searchTimeout(BenchRunner.MEASURED_SEARCH_TIMEOUT).open();
    } else {
      baseline = BaselineIndex.open(files.baselineIndex());
    }
  }

  @Benchmark
  public Object query() {
    String query = queries[next];
    next = next + 1 == queries.length ? 0 : next + 1;
    if (rare == null) {
      return baseline.rank(query, 10);
    }
    return SNIPPETS.equals(kind) ? rare.search(query, 10) : BenchQueries.answer(rare, kind, query, 10);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    if (rare != null) {
      rare.close();
    }
    if (baseline != null) {
      baseline.close();
    }
  }
}
