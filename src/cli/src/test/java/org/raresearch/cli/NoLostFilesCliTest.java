package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.FolderSnapshot;
import org.raresearch.testing.SharedData;
import picocli.CommandLine;

/**
 * Every command pointed at a folder of a user's files, named with {@code --index} or as the default
 * index folder, refuses it with exit code 4 and one line naming it, and leaves it byte for byte as it
 * was; {@code --rebuild} included.
 */
class NoLostFilesCliTest {

  record Run(int exitCode, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = RareSearchCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), err.toString());
  }

  /** Every command that reads or writes an index, with the index option first when there is one. */
  private static List<List<String>> everyCommand(Path tmp) throws Exception {
    Path reports = SharedData.bundledReports();
    Path packets = Files.createDirectories(tmp.resolve("json"));
    Files.writeString(packets.resolve("ORPHApacket_900001.json"), "{\"Orphapacket\": {\"ORPHAcode\": \"900001\", \"Label\": \"Alpha syndrome\"}}");
    Path obo = Files.writeString(tmp.resolve("hp.obo"), "format-version: 1.2\n\n[Term]\nid: HP:0001250\nname: Seizure\n");
    Path hpoa = Files.writeString(tmp.resolve("phenotype.hpoa"),
        "OMIM:100100\tAlpha syndrome\t\tHP:0001250\tOMIM:100100\tTAS\t\t1/2\t\t\tP\tHPO:curator\n");
    Path queries = Files.writeString(tmp.resolve("q.tsv"), "q1\tseizure\n");
    Path qrels = Files.writeString(tmp.resolve("q.qrels"), "q1 0 OMIM_100100 1\n");
    return List.of(
        List.of("index", "--reports", reports.toString()),
        List.of("index", "--rebuild", "--reports", reports.toString()),
        List.of("import", "orphanet", packets.toString()),
        List.of("import", "hpo", "--annotations", hpoa.toString(), "--ontology", obo.toString()),
        List.of("search", "seizure"),
        List.of("resolve", "Alpha syndrome"),
        List.of("show", "OMIM_100100"),
        List.of("stats"),
        List.of("stats", "--check"),
        List.of("run", "--queries", queries.toString(), "--output", tmp.resolve("run.trec").toString()),
        List.of("eval", "--queries", queries.toString(), "--qrels", qrels.toString()));
  }

  @Test
  void aFolderOfUserFiles_givenAsTheIndex_survivesEveryCommand(@TempDir Path tmp) throws Exception {
    Path folder = FolderSnapshot.userFiles(tmp.resolve("documents"));
    Map<Path, byte[]> before = FolderSnapshot.of(folder);
    for (List<String> command : everyCommand(tmp)) {
      String[] args = command.toArray(String[]::new);
      String[] withIndex = new String[args.length + 2];
      withIndex[0] = args[0];
      int at = 1;
      if (args[0].equals("import")) {
        withIndex[at++] = args[1];
      }
      withIndex[at++] = "--index";
      withIndex[at++] = folder.toString();
      System.arraycopy(args, args[0].equals("import") ? 2 : 1, withIndex, at, args.length - (args[0].equals("import") ? 2 : 1));
      Run run = run(withIndex);
      assertEquals(ExitCodes.INDEX_UNAVAILABLE, run.exitCode(), command + ": " + run.err());
      String last = run.err().strip().lines().reduce((a, b) -> b).orElseThrow();
      ExitCodesTest.assertOneLine(last + "\n", "folder " + folder, "RareSearch index", "leaves it alone");
      assertFalse(run.err().contains("--rebuild"), run.err());
      FolderSnapshot.assertSame(before, folder);
    }
  }

  @Test
  void aFolderOfUserFiles_whereTheDefaultIndexGoes_survivesEveryCommand(@TempDir Path home) throws Exception {
    Path reports = Files.createDirectories(home.resolve("index-data").resolve("reports"));
    Files.copy(SharedData.bundledReports().resolve("dermatomyositis.txt"), reports.resolve("dermatomyositis.txt"));
    Path folder = FolderSnapshot.userFiles(home.resolve("index-data").resolve("index"));
    Map<Path, byte[]> before = FolderSnapshot.of(folder);
    String previous = System.getProperty("raresearch.home");
    System.setProperty("raresearch.home", home.toString());
    try {
      for (List<String> command : everyCommand(home.resolve("work").toFile().mkdirs() ? home.resolve("work") : home)) {
        if (command.getFirst().equals("run") || command.getFirst().equals("eval")) {
          continue; // these two always name their index
        }
        Run run = run(command.toArray(String[]::new));
        assertEquals(ExitCodes.INDEX_UNAVAILABLE, run.exitCode(), command + ": " + run.err());
        assertFalse(run.err().contains("--rebuild"), run.err());
        assertFalse(run.err().contains("rebuilding"), run.err());
        FolderSnapshot.assertSame(before, folder);
      }
    } finally {
      if (previous == null) {
        System.clearProperty("raresearch.home");
      } else {
        System.setProperty("raresearch.home", previous);
      }
    }
  }
}
