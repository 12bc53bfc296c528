package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.SharedData;
import picocli.CommandLine;

/**
 * The {@code bench} command end to end in its quick mode, on a small generated corpus: every
 * benchmark runs and the table holds a figure for each. Times are not checked: quick figures mean
 * nothing, and no test asserts a wall time. The command finds the benchmarks as a tool, shows their
 * options and says when they are not there.
 */
class BenchCommandSmokeTest {
  private static final Pattern ROW = Pattern.compile(
      "^\\s+(\\d+)  (.+?) \\((reports/s|MB/s|ms|MB)\\)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(.+?)\\s+(yes|NO|-)$");

  @Test
  void quickBench_printsOneRowPerMeasure_withFiguresForRareSearchAndTheBaseline(@TempDir Path work) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = RareSearchCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute("bench", "--quick", "--sizes", "120", "--seed-reports", SharedData.bundledReports().toString(),
        "--work", work.toString());
    assertEquals(0, code, err.toString());

    List<String> measures = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      assertEquals("120", row.group(1), line);
      measures.add(row.group(2) + " (" + row.group(3) + ")");
      assertTrue(Double.parseDouble(row.group(4)) > 0, line);
      if (!row.group(5).equals("-")) {
        assertTrue(Double.parseDouble(row.group(5)) > 0, line);
        assertTrue(row.group(6).endsWith("x"), line);
      }
    }
    assertEquals(List.of(
        "indexing (reports/s)", "indexing (MB/s)",
        "name median (ms)", "name p99 (ms)",
        "symptoms-1 median (ms)", "symptoms-1 p99 (ms)",
        "symptoms-3 median (ms)", "symptoms-3 p99 (ms)",
        "symptoms-8 median (ms)", "symptoms-8 p99 (ms)",
        "symptoms-3-snippets median (ms)", "symptoms-3-snippets p99 (ms)",
        "cold start API (ms)", "cold start CLI (ms)",
        "heap, index open (MB)", "heap, +20 queries (MB)"), measures, out.toString());
    assertTrue(out.toString().contains("ratio >= 0.80"), out.toString());
  }

  @Test
  void help_showsTheBenchmarksOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = RareSearchCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    assertEquals(0, cli.execute("bench", "--help"));
    for (String option : List.of("--seed-reports", "--sizes", "--seed", "--work", "--quick")) {
      assertTrue(out.toString().contains(option), out.toString());
    }
    assertFalse(out.toString().contains("--bundled-reports"), out.toString());
  }

  @Test
  void wrongOption_isAWrongCommandLine() {
    StringWriter err = new StringWriter();
    CommandLine cli = RareSearchCli.commandLine();
    cli.setErr(new PrintWriter(err, true));
    assertEquals(ExitCodes.USAGE, cli.execute("bench", "--sizes", "0"));
    assertTrue(err.toString().contains("--sizes must be positive"), err.toString());
  }

  @Test
  void withoutTheBenchmarks_saysTheyAreNotInstalled() throws Exception {
    StringWriter err = new StringWriter();
    int code = new BenchCommand().run(Optional.empty(), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertEquals(ExitCodes.USAGE, code);
    assertEquals("raresearch: benchmarks are not installed: this raresearch was built without the raresearch-bench artifact",
        err.toString().strip());
  }
}
