package org.raresearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.raresearch.RareSearch;
import org.raresearch.eval.BaselineIndex;

/**
 * Heap in use, after a full collection, once an index is open and again after {@value #QUERIES}
 * queries (every kind of {@link BenchQueries} in turn, as {@link QueryBenchmark} runs them). Run in a JVM of its own so that nothing
 * else is counted:
 *
 * <pre>{@code java -cp ... org.raresearch.bench.HeapProbe raresearch|baseline WORK-DIR}</pre>
 *
 * which prints the two figures, in bytes, on one line.
 */
public final class HeapProbe {
  /** Queries run before the second measurement. */
  public static final int QUERIES = 10_000;

  private HeapProbe() {}

  /** Heap in use after opening and after the queries, in bytes. */
  public record Heap(long afterOpen, long afterQueries) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: HeapProbe raresearch|baseline WORK-DIR");
      System.exit(2);
    }
    Heap heap = measure(args[0], new BenchFiles(Path.of(args[1])), QUERIES);
    System.out.println(heap.afterOpen() + " " + heap.afterQueries());
  }

  /** Measures in this JVM: figures include whatever else it holds. */
  static Heap measure(String system, BenchFiles files, int queryCount) throws IOException {
    BenchQueries queries = BenchQueries.read(files.queries());
    List<String> kinds = BenchQueries.kinds();
    if (BenchRunner.RARESEARCH.equals(system)) {
      try (RareSearch rare = RareSearch.builder(files.index()).readOnly().searchTimeout(BenchRunner.MEASURED_SEARCH_TIMEOUT).open()) {
        long afterOpen = usedAfterGc();
        run(queryCount, i -> {
          String kind = kinds.get(i % kinds.size());
          BenchQueries.answer(rare, kind, pick(queries.of(kind), i / kinds.size()), 10);
        });
        return new Heap(afterOpen, usedAfterGc());
      }
    }
    try (BaselineIndex baseline = BaselineIndex.open(files.baselineIndex())) {
      long afterOpen = usedAfterGc();
      run(queryCount, i -> baseline.rank(pick(queries.of(kinds.get(i % kinds.size())), i / kinds.size()), 10));
      return new Heap(afterOpen, usedAfterGc());
    }
  }

  /** Runs queries 0 .. count-1 on every core: both searchers are thread-safe, and it takes less long. */
  private static void run(int count, IntConsumer query) {
    IntStream.range(0, count).parallel().forEach(query);
  }

  /** Parses the line {@link #main} prints. */
  static Heap parse(String line) {
    String[] parts = line.strip().split(" ");
    if (parts.length != 2) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "unexpected heap probe output: %s", line));
    }
    return new Heap(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
  }

  private static String pick(List<String> queries, int i) {
    return queries.get(i % queries.size());
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
