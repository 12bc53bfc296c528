package org.raresearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.InputFileException;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.SearchTimeoutException;
import org.raresearch.errors.UnindexableReportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code raresearch} command: search the bundled (or any) corpus of rare-disease reports from
 * the shell. Each subcommand parses its options and calls the library; nothing more.
 */
@Command(
    name = "raresearch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Searches rare-disease reports by symptoms and resolves disease names.",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  nothing found",
      "  2  wrong command line",
      "  3  query or name refused, or it ran past the search timeout",
      "  4  index unavailable (missing, in use, outdated, damaged)",
      "  5  input file unreadable or malformed (reports, HPO, synonyms, queries, qrels, open data)",
      " 70  internal error"
    })
public final class RareSearchCli implements Runnable {
  /** The subcommands, in the order the usage lists them. */
  private static final List<Class<?>> SUBCOMMANDS = List.of(
      SearchCommand.class,
      ResolveCommand.class,
      ShowCommand.class,
      ServeCommand.class,
      ParseCommand.class,
      IndexCommand.class,
      ImportCommand.class,
      StatsCommand.class,
      ExportCommand.class,
      RunCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Builds the command line with RareSearch's error handling and exit codes: every failure, JVM
   * errors such as {@link OutOfMemoryError} included, ends as one line on standard error and the
   * exit code for its kind, never as a stack trace.
   */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * The command line for these arguments: only the subcommand they name is built (picocli reads a
   * command's options by reflection, and building all of them is most of a short command's start),
   * or every subcommand when they name none, for the usage, help and suggestions.
   */
  static CommandLine commandLine(String... args) {
    String named = null;
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        named = arg;
        break;
      }
    }
    for (Class<?> subcommand : SUBCOMMANDS) {
      if (subcommand != CommandLine.HelpCommand.class && subcommand.getAnnotation(Command.class).name().equals(named)) {
        return commandLine(List.of(subcommand));
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    CommandLine cli = new CommandLine(new RareSearchCli());
    subcommands.forEach(cli::addSubcommand);
    CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
    cli.setExecutionStrategy(parsed -> {
      try {
        return run.execute(parsed);
      } catch (Error e) {
        // picocli hands Exceptions to the handler and lets Errors through; give them to it too.
        throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(), "JVM error", e);
      }
    });
    cli.setExecutionExceptionHandler(RareSearchCli::handle);
    return cli;
  }

  /**
   * Lucene logs a hint about the optional vector module at start-up; it is not for CLI users. Held
   * in a field: a logger nobody references may be collected, and its level with it.
   */
  private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
    System.exit(commandLine(args).execute(args));
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    Throwable failure = e instanceof CommandLine.ExecutionException && e.getCause() instanceof Error error ? error : e;
    int code = exitCode(failure);
    err.println("raresearch: " + message(failure, code));
    if (code == ExitCodes.INTERNAL_ERROR && Boolean.getBoolean("raresearch.debug")) {
      failure.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** The exit code for a failure, by its kind: the README's table. */
  static int exitCode(Throwable failure) {
    return switch (failure) {
      case InvalidQueryException refused -> ExitCodes.BAD_QUERY;
      case SearchTimeoutException timedOut -> ExitCodes.BAD_QUERY;
      case IndexAccessException unavailable -> ExitCodes.INDEX_UNAVAILABLE;
      case InputFileException badFile -> ExitCodes.BAD_INPUT;
      case UnindexableReportException badReport -> ExitCodes.BAD_INPUT;
      case IOException unreadable -> ExitCodes.BAD_INPUT;
      default -> ExitCodes.INTERNAL_ERROR;
    };
  }

  /** One line for people: RareSearch's own message, or what went wrong in words, never a class name. */
  private static String message(Throwable failure, int code) {
    if (failure instanceof RareSearchException) {
      return code == ExitCodes.INTERNAL_ERROR ? "internal error: " + failure.getMessage() : failure.getMessage();
    }
    if (failure instanceof java.nio.file.FileSystemException system && system.getFile() != null) {
      return system.getFile() + ": " + FileProblems.describe(system);
    }
    if (failure instanceof IOException io) {
      return FileProblems.describe(io);
    }
    String debug = "; RARESEARCH_JAVA_OPTS=-Draresearch.debug=true shows where";
    if (failure instanceof OutOfMemoryError) {
      return "internal error: out of memory (the Java heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MB; a larger one can be given with RARESEARCH_JAVA_OPTS=-Xmx...)";
    }
    if (failure instanceof StackOverflowError) {
      return "internal error: the input nests too deeply for the call stack" + debug;
    }
    if (failure instanceof Error) {
      return "internal error: the Java virtual machine failed" + debug;
    }
    return "internal error: an unexpected failure inside RareSearch" + debug;
  }
}
