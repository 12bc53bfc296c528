package org.raresearch.cli;

import java.io.PrintWriter;
import org.raresearch.IndexAccessException;
import org.raresearch.InvalidQueryException;
import org.raresearch.RareSearchException;
import org.raresearch.SearchTimeoutException;
import org.raresearch.report.ReportParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code raresearch} command: search the bundled (or any) corpus of rare-disease reports from
 * the shell. Each subcommand parses its options and calls the library; nothing more.
 */
@Command(
    name = "raresearch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Searches rare-disease reports by symptoms and resolves disease names.",
    subcommands = {
      SearchCommand.class,
      ResolveCommand.class,
      ShowCommand.class,
      ParseCommand.class,
      IndexCommand.class,
      ImportCommand.class,
      StatsCommand.class,
      RunCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  done",
      "  1  nothing found",
      "  2  wrong command line",
      "  3  query or name refused, or it ran past the search timeout",
      "  4  index unavailable (missing, in use, outdated, damaged)",
      "  5  input file or directory unreadable or not a report",
      " 70  internal error"
    })
public final class RareSearchCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the command line with RareSearch's error handling and exit codes. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RareSearchCli());
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
    System.exit(commandLine().execute(args));
  }

  private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    PrintWriter err = cli.getErr();
    int code;
    if (e instanceof InvalidQueryException || e instanceof SearchTimeoutException) {
      code = ExitCodes.BAD_QUERY;
    } else if (e instanceof IndexAccessException) {
      code = ExitCodes.INDEX_UNAVAILABLE;
    } else if (e instanceof ReportParseException || e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
      code = ExitCodes.BAD_INPUT;
    } else if (e instanceof RareSearchException) {
      code = ExitCodes.INDEX_UNAVAILABLE;
    } else {
      err.println("raresearch: internal error: " + e);
      if (Boolean.getBoolean("raresearch.debug")) {
        e.printStackTrace(err);
      } else {
        err.println("(run with RARESEARCH_JAVA_OPTS=-Draresearch.debug=true for the stack trace)");
      }
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    }
    err.println("raresearch: " + e.getMessage());
    err.flush();
    return code;
  }
}
