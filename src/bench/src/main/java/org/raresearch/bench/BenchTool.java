package org.raresearch.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.spi.ToolProvider;
import picocli.CommandLine;

/**
 * The benchmarks as a tool, {@value #NAME}, found by {@code ToolProvider.findFirst}: the command
 * line's {@code bench} command hands its arguments on to it, so that the benchmarks and JMH stay off
 * the command line's compile path. Run with {@code --help} for its options.
 *
 * <p>{@link #run(PrintWriter, PrintWriter, String...)} returns {@value #DONE} when the table is
 * printed, {@value #WRONG_ARGUMENTS} for a wrong command line (said on {@code err} with the usage),
 * and {@value #FAILED} when a benchmark failed (said on {@code err}, with where JMH's log is). A
 * failure of RareSearch itself, such as an index it cannot use, is thrown as it is, and an
 * unreadable file as an {@link UncheckedIOException}, for the caller to report as it reports its own.
 */
public final class BenchTool implements ToolProvider {
  /** The tool's name. */
  public static final String NAME = "raresearch-bench";
  /** The exit code of a run that printed its table. */
  public static final int DONE = 0;
  /** The exit code of a run that failed in a benchmark. */
  public static final int FAILED = 1;
  /** The exit code of a wrong command line. */
  public static final int WRONG_ARGUMENTS = 2;
  /** The hidden option the command line names the bundled reports with, the default seed reports. */
  static final String BUNDLED_REPORTS = "--bundled-reports";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int run(PrintWriter out, PrintWriter err, String... args) {
    Exception[] failure = new Exception[1];
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      failure[0] = e;
      return FAILED;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return switch (failure[0]) {
      case null -> code == CommandLine.ExitCode.USAGE ? WRONG_ARGUMENTS : code;
      case RuntimeException unchecked -> throw unchecked;
      case IOException unreadable -> throw new UncheckedIOException(unreadable);
      case InterruptedException interrupted -> {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("the benchmarks were interrupted", interrupted);
      }
      default -> throw new IllegalStateException("the benchmarks failed", failure[0]);
    };
  }
}
