package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.IndexDamage;
import org.raresearch.testing.SharedData;
import picocli.CommandLine;

/** The CLI run in-process, as the launcher runs it: exit codes and printed output. */
class RareSearchCliTest {

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = RareSearchCli.commandLine(args);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String index() {
    return BundledIndex.path().toString();
  }

  @Test
  void commandLine_buildsOnlyTheNamedSubcommand_orEveryOneWhenNoneIsNamed() {
    assertEquals(List.of("search"), List.copyOf(RareSearchCli.commandLine("search", "--limit", "2", "fever").getSubcommands().keySet()));
    assertEquals(List.of("import"), List.copyOf(RareSearchCli.commandLine("import", "hpo").getSubcommands().keySet()));
    List<String> all = List.copyOf(RareSearchCli.commandLine().getSubcommands().keySet());
    assertTrue(all.containsAll(List.of("search", "resolve", "serve", "run", "eval", "help")), all.toString());
    assertEquals(all, List.copyOf(RareSearchCli.commandLine("--help").getSubcommands().keySet()));
    assertEquals(all, List.copyOf(RareSearchCli.commandLine("help", "search").getSubcommands().keySet()));
    assertEquals(all, List.copyOf(RareSearchCli.commandLine("serach", "fever").getSubcommands().keySet()));
  }

  @Test
  void aMisspelledCommand_isRefusedWithTheUsualSuggestion() {
    Run run = run("serach", "fever");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("search"), run.err());
  }

  @Test
  void search_printsRankedHitsWithMatchedSectionsAndSnippets() {
    Run run = run("search", "--index", index(), "heliotrope rash, proximal muscle weakness, trouble climbing stairs");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains(" 1. Dermatomyositis  [dermatomyositis]"), run.out());
    assertTrue(run.out().contains("matched: Signs & Symptoms"), run.out());
    assertTrue(run.out().contains("["), run.out());
  }

  @Test
  void search_json_isValidAndHonoursTheLimit() throws Exception {
    Run run = run("search", "--index", index(), "--json", "--limit", "3", "droopy eyelid, double vision");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode json = Json.MAPPER.readTree(run.out());
    assertEquals(3, json.get("hits").size());
    assertEquals(1, json.get("hits").get(0).get("rank").asInt());
    assertFalse(json.get("hits").get(0).get("matchedSections").isEmpty());
  }

  @Test
  void search_syntaxCharacters_areText_notErrors() {
    assertEquals(0, run("search", "--index", index(), "rash AND (").exitCode());
  }

  @Test
  void search_emptyQuery_exitsWithBadQuery() {
    Run run = run("search", "--index", index(), "  ");
    assertEquals(ExitCodes.BAD_QUERY, run.exitCode());
    assertTrue(run.err().startsWith("raresearch: the query is empty"), run.err());
  }

  @Test
  void resolve_printsEveryReportSharingAnAbbreviation() throws Exception {
    Run run = run("resolve", "--index", index(), "--json", "IIM");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode candidates = Json.MAPPER.readTree(run.out()).get("candidates");
    assertEquals(2, candidates.size());
    assertEquals("ABBREVIATION", candidates.get(0).get("kind").asText());
  }

  @Test
  void resolve_unknownName_exitsNotFound() {
    Run run = run("resolve", "--index", index(), "zzqx");
    assertEquals(ExitCodes.NOT_FOUND, run.exitCode());
    assertTrue(run.out().contains("No disease is known"), run.out());
  }

  @Test
  void show_printsTheWholeReport_orNotFound() {
    Run run = run("show", "--index", index(), "myasthenia-gravis");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Myasthenia Gravis  [myasthenia-gravis]"), run.out());
    assertTrue(run.out().contains("== Signs & Symptoms =="));
    Run missing = run("show", "--index", index(), "no-such-report");
    assertEquals(ExitCodes.NOT_FOUND, missing.exitCode());
    assertTrue(missing.err().contains("no-such-report"));
  }

  @Test
  void parse_printsAFileAsParsed_andRejectsBadOnesByName(@TempDir Path tmp) throws Exception {
    Run run = run("parse", SharedData.bundledReports().resolve("marfan-syndrome.txt").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith("Marfan syndrome  [marfan-syndrome]"), run.out());
    Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
    Run bad = run("parse", empty.toString());
    assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
    assertTrue(bad.err().contains("empty.txt") && bad.err().contains("empty"), bad.err());
    assertFalse(bad.err().contains("Exception"), bad.err());
  }

  @Test
  void missingIndex_exitsIndexUnavailable(@TempDir Path tmp) {
    Run run = run("search", "--index", tmp.resolve("none").toString(), "rash");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, run.exitCode());
    assertTrue(run.err().contains("there is no index"), run.err());
  }

  @Test
  void runAndEval_onAQueryFileWithJudgements(@TempDir Path tmp) throws Exception {
    Path queries = Files.writeString(tmp.resolve("q.tsv"),
        "q1\tdroopy eyelid, double vision, tired arms\nq2\tbutterfly rash, joint pain, mouth sores\n");
    Path qrels = Files.writeString(tmp.resolve("q.qrels"), "q1 0 myasthenia-gravis 1\nq2 0 systemic-lupus-erythematosus 1\n");
    Path output = tmp.resolve("run.trec");
    Run run = run("run", "--index", index(), "--queries", queries.toString(), "--output", output.toString(), "--limit", "5");
    assertEquals(0, run.exitCode(), run.err());
    var lines = Files.readAllLines(output);
    assertEquals(10, lines.size());
    assertTrue(lines.get(0).matches("q1 Q0 \\S+ 1 [0-9.]+ raresearch"), lines.get(0));
    Run eval = run("eval", "--index", index(), "--queries", queries.toString(), "--qrels", qrels.toString(),
        "--reports", SharedData.bundledReports().toString());
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(eval.out().contains("2 judged queries"), eval.out());
    assertTrue(eval.out().matches("(?s).*MRR\\s+1\\.000\\s+[0-9.]+\\s+.*"), eval.out());
  }

  @Test
  void runResolve_writesTheResolvedNamesAsARun_scoredByConfidence(@TempDir Path tmp) throws Exception {
    Path queries = Files.writeString(tmp.resolve("names.tsv"), "n1\tdermatomyocitis\nn2\tMarfan syndrome\nn3\t!!!\n");
    Path output = tmp.resolve("names.trec");
    Run run = run("run", "--resolve", "--index", index(), "--queries", queries.toString(), "--output", output.toString(), "--limit", "3");
    assertEquals(0, run.exitCode(), run.err());
    var lines = Files.readAllLines(output);
    assertTrue(lines.get(0).matches("n1 Q0 dermatomyositis 1 0\\.[0-9]+ raresearch"), lines.get(0));
    assertTrue(lines.contains("n2 Q0 marfan-syndrome 1 1.000000 raresearch"), lines.toString());
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("n3 ")), "a name with nothing to look up ranks nothing: " + lines);
    assertTrue(lines.stream().allMatch(l -> l.startsWith("n1 ") || l.startsWith("n2 ")), lines.toString());
  }

  @Test
  void importOrphanetAndHpo_reportCountsAndBadRecords_thenResolveListsBothSources(@TempDir Path tmp) throws Exception {
    Path packets = Files.createDirectories(tmp.resolve("json"));
    Files.writeString(packets.resolve("ORPHApacket_900001.json"),
        "{\"Orphapacket\": {\"ORPHAcode\": \"900001\", \"Label\": \"Alpha syndrome\", \"ExternalReferences\": "
            + "{\"ExternalReference\": {\"Source\": \"OMIM\", \"Reference\": \"100100\", \"DisorderMappingRelation\": \"E (Exact)\"}}}}");
    Files.writeString(packets.resolve("ORPHApacket_900002.json"), "{\"Orphapacket\": ");
    String index = tmp.resolve("index").toString();
    Run orphanet = run("import", "--index", index, "orphanet", packets.toString());
    assertEquals(ExitCodes.BAD_INPUT, orphanet.exitCode(), orphanet.err());
    assertTrue(orphanet.err().contains("Imported from orphanet: 1 reports (1 added, 0 updated, 0 unchanged), 0 deleted, 1 bad records."), orphanet.err());
    assertTrue(orphanet.err().contains("rejected " + packets.resolve("ORPHApacket_900002.json") + ":1:"), orphanet.err());

    Path obo = Files.writeString(tmp.resolve("hp.obo"), "format-version: 1.2\n\n[Term]\nid: HP:0001250\nname: Seizure\n");
    Path hpoa = Files.writeString(tmp.resolve("phenotype.hpoa"),
        "OMIM:100100\tAlpha syndrome, infantile\t\tHP:0001250\tOMIM:100100\tTAS\t\t1/2\t\t\tP\tHPO:curator\n");
    Run hpo = run("import", "--index", index, "hpo", "--annotations", hpoa.toString(), "--ontology", obo.toString());
    assertEquals(ExitCodes.OK, hpo.exitCode(), hpo.err());
    assertTrue(hpo.err().contains("Imported from hpo: 1 reports (1 added"), hpo.err());
    assertTrue(hpo.err().contains("1 reports (100%)"), hpo.err());

    Run resolve = run("resolve", "--index", index, "--json", "Alpha syndrome");
    assertEquals(0, resolve.exitCode(), resolve.err());
    JsonNode candidates = Json.MAPPER.readTree(resolve.out()).get("candidates");
    assertEquals(1, candidates.size(), resolve.out());
    assertEquals("[\"ORPHA_900001\",\"OMIM_100100\"]", candidates.get(0).get("sourceIds").toString());

    // Runs name a disease by its Orphanet report, whichever of its reports the name matched.
    Path names = Files.writeString(tmp.resolve("names.tsv"), "n1\tAlpha syndrome, infantile\n");
    Path output = tmp.resolve("names.trec");
    Run resolveRun = run("run", "--resolve", "--index", index, "--queries", names.toString(), "--output", output.toString());
    assertEquals(0, resolveRun.exitCode(), resolveRun.err());
    assertEquals(List.of("n1 Q0 ORPHA_900001 1 1.000000 raresearch"), Files.readAllLines(output));

    Run missingOntology = run("import", "--index", index, "hpo", "--annotations", hpoa.toString(), "--ontology", tmp.resolve("none.obo").toString());
    assertEquals(ExitCodes.BAD_INPUT, missingOntology.exitCode());
    assertTrue(missingOntology.err().contains("none.obo"), missingOntology.err());
    assertEquals(ExitCodes.USAGE, run("import", "--index", index).exitCode());
    Run missingPackets = run("import", "--index", index, "orphanet", tmp.resolve("none.tar.gz").toString());
    assertEquals(ExitCodes.BAD_INPUT, missingPackets.exitCode());
    assertTrue(missingPackets.err().contains("raresearch: " + tmp.resolve("none.tar.gz") + ": there is no such file"), missingPackets.err());
  }

  @Test
  void unknownOption_exitsUsage() {
    assertEquals(ExitCodes.USAGE, run("search", "--nope", "rash").exitCode());
  }

  @Test
  void defaultIndex_isBuiltFromTheBundledReportsOnFirstUse_withProgress(@TempDir Path home) throws Exception {
    Path reports = Files.createDirectories(home.resolve("index-data").resolve("reports"));
    for (String name : new String[] {"dermatomyositis.txt", "polymyositis.txt", "marfan-syndrome.txt"}) {
      Files.copy(SharedData.bundledReports().resolve(name), reports.resolve(name));
    }
    String previous = System.getProperty("raresearch.home");
    System.setProperty("raresearch.home", home.toString());
    try {
      Run first = run("search", "heliotrope rash");
      assertEquals(0, first.exitCode(), first.err());
      assertTrue(first.err().contains("Indexing reports from"), first.err());
      assertTrue(first.err().contains("3/3 reports"), first.err());
      assertTrue(first.out().contains("Dermatomyositis"), first.out());
      Run second = run("stats", "--json");
      assertEquals(0, second.exitCode(), second.err());
      assertFalse(second.err().contains("Indexing"), "a built index is reused");
      assertEquals(3, Json.MAPPER.readTree(second.out()).get("reports").asInt());
      Run rebuilt = run("index", "--rebuild");
      assertEquals(0, rebuilt.exitCode(), rebuilt.err());
      assertTrue(rebuilt.err().contains("3 added"), rebuilt.err());
    } finally {
      if (previous == null) {
        System.clearProperty("raresearch.home");
      } else {
        System.setProperty("raresearch.home", previous);
      }
    }
  }

  @Test
  void defaultIndex_ofAnEarlierSchema_isRebuilt_thoughNewerThanTheReports(@TempDir Path home) throws Exception {
    Path reports = Files.createDirectories(home.resolve("index-data").resolve("reports"));
    for (String name : new String[] {"dermatomyositis.txt", "polymyositis.txt"}) {
      Files.copy(SharedData.bundledReports().resolve(name), reports.resolve(name));
    }
    String previous = System.getProperty("raresearch.home");
    System.setProperty("raresearch.home", home.toString());
    try {
      assertEquals(0, run("search", "heliotrope rash").exitCode());
      // As an earlier RareSearch would have left it: a later commit recording an older schema.
      IndexDamage.markAsEarlierSchema(home.resolve("index-data").resolve("index"));

      Run upgraded = run("search", "heliotrope rash");
      assertEquals(0, upgraded.exitCode(), upgraded.err());
      assertTrue(upgraded.err().contains("is outdated or damaged; rebuilding it"), upgraded.err());
      assertTrue(upgraded.out().contains("Dermatomyositis"), upgraded.out());
      Run again = run("search", "heliotrope rash");
      assertEquals(0, again.exitCode(), again.err());
      assertFalse(again.err().contains("Indexing"), "the rebuilt index is reused: " + again.err());
    } finally {
      if (previous == null) {
        System.clearProperty("raresearch.home");
      } else {
        System.setProperty("raresearch.home", previous);
      }
    }
  }

  @Test
  void statsCheck_onADamagedIndex_saysHowToRebuild_withoutAStackTrace_andRebuildRepairsIt(@TempDir Path tmp) throws Exception {
    String index = tmp.resolve("index").toString();
    String reports = SharedData.bundledReports().toString();
    assertEquals(0, run("index", "--index", index, "--reports", reports).exitCode());
    Run sound = run("stats", "--index", index, "--check");
    assertEquals(0, sound.exitCode(), sound.err());
    assertTrue(sound.out().contains("verified"), sound.out());

    IndexDamage.flipByteInTheMiddle(IndexDamage.largestSegmentFile(Path.of(index)));
    Run damaged = run("stats", "--index", index, "--check");
    assertEquals(ExitCodes.INDEX_UNAVAILABLE, damaged.exitCode(), damaged.err());
    assertTrue(damaged.err().startsWith("raresearch: index " + index + " is damaged"), damaged.err());
    assertTrue(damaged.err().contains("`raresearch index --rebuild`"), damaged.err());
    assertFalse(damaged.err().contains("\tat "), damaged.err());
    assertEquals(1, damaged.err().strip().lines().count(), damaged.err());

    assertEquals(0, run("index", "--index", index, "--reports", reports, "--rebuild").exitCode());
    assertEquals(0, run("stats", "--index", index, "--check").exitCode());
  }
}
