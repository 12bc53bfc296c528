package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code raresearch} launcher script, run by bash from a copy of the checkout's top folder whose
 * jar is already built, with stand-in JDKs: shell scripts that answer the version question as a JDK
 * of a future release does and log every start. The JDKs installed on the machine are older than
 * the stand-ins, so the launcher chooses a stand-in whenever it looks.
 */
class LauncherTest {

  /** A stand-in JDK: {@code bin/java} logs each start to {@code starts.log} beside it. */
  private static Path fakeJdk(Path dir) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, """
        #!/usr/bin/env bash
        log="$(dirname "$0")/../starts.log"
        if [[ "$*" == *-XshowSettings:properties* ]]; then
          echo "version question" >> "$log"
          echo "    java.specification.version = 99" >&2
        else
          echo "run $*" >> "$log"
        fi
        """);
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  private static List<String> starts(Path jdk) throws IOException {
    Path log = jdk.resolve("starts.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private static void launch(Path home, Path javaHome, String... args) throws Exception {
    launch(home, javaHome, null, args);
  }

  /** Runs the launcher with this JAVA_HOME and, when not null, a JDK's {@code bin} first on the PATH. */
  private static void launch(Path home, Path javaHome, Path onPath, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", home.resolve("raresearch").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().remove("RARESEARCH_JAVA_OPTS");
    if (onPath != null) {
      builder.environment().put("PATH", onPath.resolve("bin") + ":" + System.getenv("PATH"));
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the launcher did not finish");
    assertEquals(0, process.exitValue(), output);
  }

  private static Path checkout(Path tmp) throws IOException {
    Path home = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(Path.of("raresearch").toAbsolutePath(), home.resolve("raresearch")); // tests run in the top folder
    Files.createDirectories(home.resolve("target"));
    Files.writeString(home.resolve("target/raresearch-cli.jar"), "built");
    return home;
  }

  @Test
  void theJdkIsChosenOnce_andChosenAgainWhenItIsGone(@TempDir Path tmp) throws Exception {
    Path home = checkout(tmp);
    Path jdk = fakeJdk(tmp.resolve("jdk-a"));

    launch(home, jdk, "search", "rash");
    assertEquals(1, starts(jdk).stream().filter(s -> s.equals("version question")).count(), "asked once on first use");
    assertTrue(starts(jdk).getLast().startsWith("run "), starts(jdk).toString());
    assertTrue(starts(jdk).getLast().endsWith("-jar " + home.resolve("target/raresearch-cli.jar") + " search rash"), starts(jdk).getLast());

    launch(home, jdk, "resolve", "IIM");
    launch(home, jdk, "search", "fever");
    assertEquals(1, starts(jdk).stream().filter(s -> s.equals("version question")).count(), "the choice is kept: " + starts(jdk));
    assertEquals(3, starts(jdk).stream().filter(s -> s.startsWith("run ")).count());

    // The chosen JDK is uninstalled; another is on the PATH.
    Files.move(jdk, tmp.resolve("jdk-a-removed"));
    Path onPath = fakeJdk(tmp.resolve("jdk-on-path"));
    launch(home, jdk, onPath, "search", "rash");
    assertEquals("version question", starts(onPath).getFirst(), "looked for again: " + starts(onPath));
    assertTrue(starts(onPath).getLast().startsWith("run "), starts(onPath).toString());

    // Another JAVA_HOME is another choice.
    Path other = fakeJdk(tmp.resolve("jdk-b"));
    launch(home, other, "search", "rash");
    assertEquals("version question", starts(other).getFirst());
  }

  @Test
  void shortJobs_getTheQuickCompiler_longRunsTheDefaults_andAllShareClassData(@TempDir Path tmp) throws Exception {
    Path home = checkout(tmp);
    Path jdk = fakeJdk(tmp.resolve("jdk"));
    Path few = Files.writeString(tmp.resolve("few.tsv"), "q1\tfever\nq2\trash\n");
    Path many = Files.writeString(tmp.resolve("many.tsv"), "q\tfever\n".repeat(1_000));
    launch(home, jdk, "search", "--limit", "3", "rash");
    launch(home, jdk, "run", "--index", "x", "--queries", many.toString(), "--output", "r.trec");
    launch(home, jdk, "run", "--index", "x", "--queries", few.toString(), "--output", "r.trec");
    launch(home, jdk, "eval", "--index", "x", "--queries=" + few, "--qrels", "q.qrels");
    List<String> runs = starts(jdk).stream().filter(s -> s.startsWith("run ")).toList();
    String search = runs.get(0);
    String longRun = runs.get(1);
    String shortRun = runs.get(2);
    String shortEval = runs.get(3);
    assertTrue(search.contains("-XX:TieredStopAtLevel=1") && search.contains("-XX:+UseSerialGC"), search);
    assertFalse(longRun.contains("-XX:TieredStopAtLevel=1") || longRun.contains("-XX:+UseSerialGC"), longRun);
    assertTrue(shortRun.contains("-XX:TieredStopAtLevel=1") && !shortRun.contains("-XX:+UseSerialGC"), shortRun);
    assertTrue(shortEval.contains("-XX:TieredStopAtLevel=1"), shortEval);
    String archive = "-XX:SharedArchiveFile=" + home.resolve("target/launcher/raresearch-cli.jsa");
    assertTrue(search.contains("-XX:+AutoCreateSharedArchive " + archive), search);
    assertTrue(longRun.contains(archive), longRun);
  }
}
