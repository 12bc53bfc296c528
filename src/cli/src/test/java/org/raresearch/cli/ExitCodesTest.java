package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.FolderSnapshot;
import org.raresearch.testing.SharedData;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Each exit code of the README, caused as a user would cause it: the code, and one line on standard
 * error that names the file, line or query and says what was wrong, never a Java class name or a
 * stack trace.
 */
class ExitCodesTest {

  record Run(int exitCode, String out, String err) {}

  private static Run run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run run(String... args) {
    return run(RareSearchCli.commandLine(), args);
  }

  /** One line, saying what was wrong in words: no exception name, no stack trace. */
  static void assertOneLine(String err, String... mustContain) {
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("raresearch: "), err);
    assertFalse(err.matches("(?s).*(Exception|Error\\b|\\tat |java\\.|org\\.raresearch).*"), err);
    for (String part : mustContain) {
      assertTrue(err.contains(part), "expected \"" + part + "\" in: " + err);
    }
  }

  /** Exit code 5 and one line holding {@code expected}. */
  private static void assertBadInput(String expected, String... args) {
    Run run = run(args);
    assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
    assertOneLine(run.err(), expected);
  }

  private static String index() {
    return BundledIndex.path().toString();
  }

  @Test
  void exit0_done() {
    Run run = run("resolve", "--index", index(), "IIM");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void exit1_nothingFound() {
    Run run = run("show", "--index", index(), "no-such-report");
    assertEquals(ExitCodes.NOT_FOUND, run.exitCode());
    assertOneLine(run.err(), "no-such-report");
  }

  @Test
  void exit2_wrongCommandLine() {
    assertEquals(ExitCodes.USAGE, run("search", "--nope", "rash").exitCode());
  }

  @Test
  void exit3_refusedQuery_quotesAtMostAnExcerpt() {
    Run empty = run("search", "--index", index(), "  ");
    assertEquals(ExitCodes.BAD_QUERY, empty.exitCode());
    assertOneLine(empty.err(), "the query is empty");
    Run tooLong = run("resolve", "--index", index(), "x".repeat(5_000));
    assertEquals(ExitCodes.BAD_QUERY, tooLong.exitCode());
    assertOneLine(tooLong.err(), "the limit is 1000");
    assertTrue(tooLong.err().length() < 300, tooLong.err());
  }

  @Test
  void exit4_indexUnavailable_aFolderOfOtherFiles(@TempDir Path tmp) {
    Path folder = FolderSnapshot.userFiles(tmp.resolve("documents"));
    Run run = run("search", "--index", folder.toString(), "rash");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, run.exitCode());
    assertOneLine(run.err(), "folder " + folder, "RareSearch index", "leaves it alone");
  }

  @Test
  void exit4_theEvaluatorStopsOnAnUnusableIndex(@TempDir Path tmp) throws Exception {
    Path queries = Files.writeString(tmp.resolve("q.tsv"), "q1\tdroopy eyelid\n");
    Path qrels = Files.writeString(tmp.resolve("q.qrels"), "q1 0 myasthenia-gravis 1\n");
    Run run = run("eval", "--index", tmp.resolve("missing").toString(), "--queries", queries.toString(),
        "--qrels", qrels.toString(), "--reports", SharedData.bundledReports().toString());
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, run.exitCode(), run.err());
    assertOneLine(run.err(), "there is no index at " + tmp.resolve("missing"));
    assertEquals("", run.out(), "no measures of an index that was never searched");
  }

  @Test
  void exit5_aBrokenHpoFile(@TempDir Path tmp) throws Exception {
    Path obo = Files.writeString(tmp.resolve("hp.obo"), "format-version: 1.2\n\n[Term]\nname: no id\n");
    assertBadInput(obo + ":3: the [Term] stanza has no id", "search", "--index", index(), "--hpo", obo.toString(), "rash");
  }

  @Test
  void exit5_aMissingSynonymFile(@TempDir Path tmp) {
    Path missing = tmp.resolve("mine.txt");
    assertBadInput(missing + ": cannot read the synonym file: there is no such file",
        "search", "--index", index(), "--synonyms", missing.toString(), "rash");
  }

  @Test
  void exit5_aMalformedSynonymRule_namesItsLine(@TempDir Path tmp) throws Exception {
    Path rules = Files.writeString(tmp.resolve("mine.txt"), "wobbly walk, ataxia\n# a comment\n=> , the\n");
    assertBadInput(rules + ":3: invalid synonym rule", "search", "--index", index(), "--synonyms", rules.toString(), "rash");
  }

  @Test
  void exit5_malformedQueriesAndQrels(@TempDir Path tmp) throws Exception {
    Path queries = Files.writeString(tmp.resolve("q.tsv"), "q1\tdroopy eyelid\nno tab on this line\n");
    Path goodQueries = Files.writeString(tmp.resolve("good.tsv"), "q1\tdroopy eyelid\n");
    Path qrels = Files.writeString(tmp.resolve("q.qrels"), "q1 0 myasthenia-gravis one\n");
    Path reports = SharedData.bundledReports();
    assertBadInput(queries + ":2: expected query-id<TAB>query text",
        "eval", "--index", index(), "--queries", queries.toString(), "--qrels", qrels.toString(), "--reports", reports.toString());
    assertBadInput(qrels + ":1: relevance \"one\" is not a number",
        "eval", "--index", index(), "--queries", goodQueries.toString(), "--qrels", qrels.toString(), "--reports", reports.toString());
  }

  @Test
  void exit5_aReportThatIsNotOne_andAMissingReportFolder(@TempDir Path tmp) throws Exception {
    Path binary = Files.write(tmp.resolve("scan.txt"), new byte[] {0, 1, 2, 0, 'x'});
    assertBadInput(binary + ":1: this is a binary file", "parse", binary.toString());
    Run index = run("index", "--index", tmp.resolve("index").toString(), "--reports", tmp.resolve("none").toString());
    assertEquals(ExitCodes.BAD_INPUT, index.exitCode(), index.err());
    assertTrue(index.err().strip().endsWith("raresearch: " + tmp.resolve("none") + ": there is no such directory"), index.err());
  }

  @Command(name = "fail")
  static final class Failing implements Callable<Integer> {
    private final Throwable failure;

    Failing(Throwable failure) {
      this.failure = failure;
    }

    @Override
    public Integer call() throws Exception {
      if (failure instanceof Error error) {
        throw error;
      }
      throw (Exception) failure;
    }
  }

  @Test
  void exit70_onlyForBugs_andJvmErrors_asOneLine() {
    for (Throwable bug : new Throwable[] {
        new NullPointerException("Cannot invoke \"String.length()\" because \"x\" is null"),
        new OutOfMemoryError("Java heap space"),
        new StackOverflowError()}) {
      CommandLine cli = RareSearchCli.commandLine();
      cli.addSubcommand(new CommandLine(new Failing(bug)));
      Run run = run(cli, "fail");
      assertEquals(ExitCodes.INTERNAL_ERROR, run.exitCode(), run.err());
      assertOneLine(run.err(), "internal error");
    }
  }
}
