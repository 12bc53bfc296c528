package org.raresearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.raresearch.errors.IndexAccessException;

/**
 * A benchmark that fails says why: RareSearch's own exception when one stopped it, otherwise the
 * failure's message and where JMH's log is. Each case runs the real query benchmark in this JVM.
 */
class BenchFailureTest {

  @Test
  void missingIndex_isReportedAsRareSearchsOwnException(@TempDir Path work) throws Exception {
    BenchFiles files = new BenchFiles(work);
    Files.writeString(files.queries(), "name\tdermatomyositis\n", StandardCharsets.UTF_8);

    RuntimeException failure = runQueryBenchmark(work);

    IndexAccessException missing = assertInstanceOf(IndexAccessException.class, failure);
    assertEquals(IndexAccessException.Reason.MISSING, missing.reason());
    assertTrue(missing.getMessage().contains(files.index().toString()), missing.getMessage());
  }

  @Test
  void otherFailure_namesTheCauseAndTheLog(@TempDir Path work) throws Exception {
    BenchFiles files = new BenchFiles(work);
    Files.writeString(files.queries(), "name\tdermatomyositis\nno tab on this line\n", StandardCharsets.UTF_8);

    RuntimeException failure = runQueryBenchmark(work);

    BenchRunner.BenchmarkFailedException failed = assertInstanceOf(BenchRunner.BenchmarkFailedException.class, failure);
    assertTrue(failed.getMessage().contains(files.queries() + ":2: expected kind<TAB>query"), failed.getMessage());
    assertTrue(failed.getMessage().contains(work.resolve("jmh.log").toString()), failed.getMessage());
  }

  private static RuntimeException runQueryBenchmark(Path work) {
    Path log = work.resolve("jmh.log");
    RunnerException thrown = assertThrows(RunnerException.class, () -> new Runner(new OptionsBuilder()
        .include(QueryBenchmark.class.getSimpleName() + "\\.")
        .param("work", work.toString())
        .param("system", BenchRunner.RARESEARCH)
        .param("kind", BenchQueries.NAME)
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(10))
        .shouldFailOnError(true)
        .output(log.toString())
        .build()).run());
    return BenchRunner.failure(thrown, log);
  }

  private static <T> T assertInstanceOf(Class<T> type, Object value) {
    return org.junit.jupiter.api.Assertions.assertInstanceOf(type, value, String.valueOf(value));
  }
}
