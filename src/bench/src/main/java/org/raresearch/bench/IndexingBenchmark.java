package org.raresearch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.raresearch.api.IngestResult;
import org.raresearch.eval.BaselineIndex;

/**
 * Indexing a whole corpus of report files into a new index on disk, committed: RareSearch's full
 * schema (parsing, digests, every field) through {@link RareSearch#sync(java.nio.file.Path)}, as
 * {@code raresearch index} does, against the bare baseline ({@link BaselineIndex#write}) on the
 * same files. One timed invocation is one corpus.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class IndexingBenchmark {
  /** The work directory ({@link BenchFiles}). */
  @Param("")
  public String work;

  /** {@code raresearch} or {@code baseline}. */
  @Param({BenchRunner.RARESEARCH, BenchRunner.BASELINE})
  public String system;

  private BenchFiles files;
  private Path target;

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    files = new BenchFiles(Path.of(work));
    Files.createDirectories(files.scratch());
  }

  @Setup(Level.Invocation)
  public void newTarget() throws IOException {
    target = Files.createTempDirectory(files.scratch(), system + "-");
  }

  @Benchmark
  public int indexCorpus() throws IOException {
    if (BenchRunner.RARESEARCH.equals(system)) {
      try (RareSearch rare = RareSearch.open(target)) {
        IngestResult result = rare.sync(files.corpus());
        return result.added();
      }
    }
    BaselineIndex.write(files.corpus(), target);
    return 1;
  }

  @TearDown(Level.Invocation)
  public void deleteTarget() throws IOException {
    deleteTree(target);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(path);
      }
    }
  }
}
