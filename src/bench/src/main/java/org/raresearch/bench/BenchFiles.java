package org.raresearch.bench;

import java.nio.file.Path;

/**
 * Where a benchmark's prepared material lives inside one work directory: the generated reports,
 * RareSearch's index of them, the bare baseline's index, and the queries. Prepared once by {@link
 * BenchRunner}, read by the benchmark JVMs.
 *
 * @param root the work directory of one corpus size
 */
public record BenchFiles(Path root) {
  /** The generated report files. */
  public Path corpus() {
    return root.resolve("corpus");
  }

  /** RareSearch's index of the corpus. */
  public Path index() {
    return root.resolve("index");
  }

  /** The bare baseline's index of the corpus. */
  public Path baselineIndex() {
    return root.resolve("baseline-index");
  }

  /** The benchmark queries ({@link BenchQueries}). */
  public Path queries() {
    return root.resolve("queries.tsv");
  }

  /** Where indexing benchmarks write their throw-away indexes. */
  public Path scratch() {
    return root.resolve("scratch");
  }
}
