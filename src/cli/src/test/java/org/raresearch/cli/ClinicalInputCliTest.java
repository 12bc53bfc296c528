package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.BundledIndex;
import picocli.CommandLine;

/**
 * Findings written as HPO ids, on the command line and in query files, against a real index
 * imported through the command line from an HPO ontology and annotations written here.
 */
class ClinicalInputCliTest {
  @TempDir static Path tmp;
  static String index;
  static Path obo;

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = RareSearchCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static final String OBO = """
      format-version: 1.2
      data-version: hp/releases/2024-02-02

      [Term]
      id: HP:0000001
      name: All

      [Term]
      id: HP:0000118
      name: Phenotypic abnormality
      is_a: HP:0000001

      [Term]
      id: HP:0000707
      name: Abnormality of the nervous system
      is_a: HP:0000118

      [Term]
      id: HP:0001250
      name: Seizure
      alt_id: HP:0001262
      is_a: HP:0000707

      [Term]
      id: HP:0002069
      name: Bilateral tonic-clonic seizure
      is_a: HP:0001250

      [Term]
      id: HP:0001251
      name: Ataxia
      is_a: HP:0000707

      [Term]
      id: HP:0000478
      name: Abnormality of the eye
      is_a: HP:0000118

      [Term]
      id: HP:0000639
      name: Nystagmus
      is_a: HP:0000478

      [Term]
      id: HP:0001939
      name: Abnormality of metabolism/homeostasis
      is_a: HP:0000118

      [Term]
      id: HP:0001945
      name: Fever
      is_a: HP:0001939

      [Term]
      id: HP:0000057
      name: obsolete Grand mal
      is_obsolete: true
      replaced_by: HP:0002069
      """;

  static final String HPOA = String.join("\n",
      line("OMIM:100001", "Alpha syndrome", "", "HP:0002069", "1/1"),
      line("OMIM:100001", "Alpha syndrome", "", "HP:0001251", "3/4"),
      line("OMIM:100001", "Alpha syndrome", "", "HP:0001945", "HP:0040281"),
      line("OMIM:100002", "Beta syndrome", "", "HP:0001250", "HP:0040282"),
      line("OMIM:100002", "Beta syndrome", "", "HP:0000639", "HP:0040281"),
      line("OMIM:100003", "Gamma syndrome", "", "HP:0001251", "HP:0040281"),
      line("OMIM:100003", "Gamma syndrome", "", "HP:0000639", "HP:0040281"),
      line("OMIM:100003", "Gamma syndrome", "NOT", "HP:0001945", ""),
      line("OMIM:100004", "Hermansky-Pudlak syndrome 1 (HPS1)", "", "HP:0000639", "HP:0040282")) + "\n";

  static String line(String disease, String name, String qualifier, String term, String frequency) {
    return String.join("\t", disease, name, qualifier, term, disease, "TAS", "", frequency, "", "", "P", "HPO:curator");
  }

  @BeforeAll
  static void importIndex() throws Exception {
    obo = Files.writeString(tmp.resolve("hp.obo"), OBO);
    Path hpoa = Files.writeString(tmp.resolve("phenotype.hpoa"), HPOA);
    index = tmp.resolve("index").toString();
    Run imported = run("import", "--index", index, "hpo", "--annotations", hpoa.toString(), "--ontology", obo.toString());
    assertEquals(ExitCodes.OK, imported.exitCode(), imported.err());
  }

  @Test
  void search_ids_areRecognisedWithTheirLabels_andRankAsTheLabelsDo() throws Exception {
    Run ids = run("search", "--index", index, "--json", "HP:0001262; HP_0001251 Ataxia; no http://purl.obolibrary.org/obo/HP_0001945");
    Run labels = run("search", "--index", index, "--json", "Seizure; Ataxia; no Fever");
    assertEquals(0, ids.exitCode(), ids.err());
    JsonNode idJson = Json.MAPPER.readTree(ids.out());
    JsonNode labelJson = Json.MAPPER.readTree(labels.out());
    assertEquals(labelJson.get("hits").findValuesAsText("id"), idJson.get("hits").findValuesAsText("id"));
    assertEquals(labelJson.get("hits").findValuesAsText("score"), idJson.get("hits").findValuesAsText("score"));
    JsonNode first = idJson.get("findings").get(0);
    assertEquals("HP:0001250", first.get("terms").get(0).get("id").asText());
    assertEquals("Seizure", first.get("terms").get(0).get("label").asText());
    assertTrue(idJson.get("findings").get(2).get("excluded").asBoolean());

    Run text = run("search", "--index", index, "HP:0000057; HP:0001251");
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("\"HP:0000057\" → Bilateral tonic-clonic seizure (HP:0002069, replaces obsolete HP:0000057, 1.00)"), text.out());
    assertTrue(text.out().contains(" 1. Alpha syndrome"), text.out());
  }

  @Test
  void search_unknownId_isListedAndNeverSearchedAsText() {
    Run run = run("search", "--index", index, "HP:9999999; HP:0000639");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"HP:9999999\" → HP:9999999 is not an id of the index's ontology"), run.out());
    // "HP" would match the acronym HPS as text; an id is never text.
    Run alone = run("search", "--index", index, "HP:9999999");
    assertEquals(ExitCodes.BAD_QUERY, alone.exitCode(), alone.out());
    assertTrue(alone.err().contains("HP:9999999 is not an id of the index's ontology"), alone.err());
  }

  @Test
  void search_idsOnAnIndexWithoutOntology_sayToGiveOne_andAreReadWithHpo() {
    Run without = run("search", "--index", BundledIndex.path().toString(), "HP:0001250");
    assertEquals(ExitCodes.BAD_QUERY, without.exitCode(), without.out());
    assertTrue(without.err().contains("HP:0001250 is an HPO id, and the index has no ontology to read ids in (give one with --hpo FILE)"), without.err());
    Run with = run("search", "--index", BundledIndex.path().toString(), "--hpo", obo.toString(), "HP:0001250");
    assertEquals(0, with.exitCode(), with.err());
    assertTrue(with.out().contains("\"HP:0001250\" → Seizure (HP:0001250, id, 1.00)"), with.out());
  }

  @Test
  void run_queryFileOfIds_writesTheRunOfItsLabels() throws Exception {
    Path ids = Files.writeString(tmp.resolve("ids.tsv"), "q1\tHP:0001250; HP:0000639\nq2\tHP:0001251; no HP:0001945\n");
    Path labels = Files.writeString(tmp.resolve("labels.tsv"), "q1\tSeizure; Nystagmus\nq2\tAtaxia; no Fever\n");
    Path idRun = tmp.resolve("ids.trec");
    Path labelRun = tmp.resolve("labels.trec");
    assertEquals(0, run("run", "--index", index, "--queries", ids.toString(), "--output", idRun.toString()).exitCode());
    assertEquals(0, run("run", "--index", index, "--queries", labels.toString(), "--output", labelRun.toString()).exitCode());
    assertEquals(Files.readAllLines(labelRun), Files.readAllLines(idRun));
    assertTrue(Files.readAllLines(idRun).getFirst().startsWith("q1 Q0 OMIM_100002 1 "), Files.readString(idRun));
  }

  @Test
  void search_formatTsv_printsTheDifferentialOneDiseaseALine() {
    Run run = run("search", "--index", index, "--format", "tsv", "--limit", "3", "HP:0001250; HP:0001251; HP:0000639");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().split("\n");
    assertEquals("rank\tdisease_id\tname\tscore\tmatched_findings", lines[0]);
    assertEquals(4, lines.length, run.out());
    String[] first = lines[1].split("\t", -1);
    assertEquals(5, first.length, lines[1]);
    assertEquals("1", first[0]);
    // Alpha has seizures and ataxia, Beta seizures and nystagmus, Gamma ataxia and nystagmus.
    assertTrue(first[4].split("; ").length == 2, lines[1]);
    assertTrue(first[4].matches("(HP:\\d{7} [A-Za-z]+; )HP:\\d{7} [A-Za-z]+"), first[4]);
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split("\t", -1);
      assertEquals(String.valueOf(i), cells[0]);
      assertTrue(cells[1].startsWith("OMIM_"), lines[i]);
      Double.parseDouble(cells[3]);
    }
  }

  static String packet(String id, String diagnosis, String... features) {
    StringBuilder json = new StringBuilder("{\"id\": \"" + id + "\", \"phenotypicFeatures\": [");
    for (int i = 0; i < features.length; i++) {
      boolean excluded = features[i].startsWith("-");
      json.append(i == 0 ? "" : ", ").append("{\"type\": {\"id\": \"").append(features[i].replace("-", ""))
          .append("\"}").append(excluded ? ", \"excluded\": true" : "").append("}");
    }
    return json.append("], \"interpretations\": [{\"id\": \"i\", \"progressStatus\": \"SOLVED\", \"diagnosis\": {\"disease\": {\"id\": \"")
        .append(diagnosis).append("\"}}}], \"metaData\": {\"phenopacketSchemaVersion\": \"2.0\"}}").toString();
  }

  @Test
  void search_phenopacket_ranksItsFeatures_asTheQueryOfTheirLabels() throws Exception {
    Path file = Files.writeString(tmp.resolve("alpha.json"), packet("alpha-1", "OMIM:100001", "HP:0001250", "HP:0001251", "-HP:0000639"));
    Run fromPacket = run("search", "--index", index, "--format", "tsv", "--phenopacket", file.toString());
    Run fromLabels = run("search", "--index", index, "--format", "tsv", "Seizure; Ataxia; no Nystagmus");
    assertEquals(0, fromPacket.exitCode(), fromPacket.err());
    assertEquals(fromLabels.out(), fromPacket.out());
    assertTrue(fromPacket.out().split("\n")[1].startsWith("1\tOMIM_100001\tAlpha syndrome\t"), fromPacket.out());
    assertEquals(ExitCodes.USAGE, run("search", "--index", index, "--phenopacket", file.toString(), "Ataxia").exitCode());
  }

  @Test
  void runAndEval_phenopackets_rankTheGoodOnes_rejectTheBadByFileAndLine_exit5() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("packets"));
    Files.writeString(folder.resolve("a.json"), packet("alpha-1", "OMIM:100001", "HP:0002069", "HP:0001251"));
    Files.writeString(folder.resolve("b.json"), packet("beta-1", "OMIM:100002", "HP:0001250", "HP:0000639", "-HP:0001251"));
    Files.writeString(folder.resolve("c.json"), "{\"id\": \"broken\",\n \"phenotypicFeatures\": [\n {\"type\" {}}]}");
    Path output = tmp.resolve("packets.trec");
    Path qrels = tmp.resolve("packets.qrels");
    Run ran = run("run", "--index", index, "--phenopackets", folder.toString(), "--output", output.toString(), "--qrels-output", qrels.toString());
    assertEquals(ExitCodes.BAD_INPUT, ran.exitCode(), ran.err());
    assertTrue(ran.err().contains("raresearch: rejected " + folder.resolve("c.json") + ":3: column "), ran.err());
    assertTrue(ran.err().contains("Wrote 2 rankings"), ran.err());
    List<String> lines = Files.readAllLines(output);
    assertTrue(lines.getFirst().startsWith("alpha-1 Q0 OMIM_100001 1 "), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("beta-1 Q0 OMIM_100002 1 ")), lines.toString());
    assertEquals(List.of("alpha-1 0 OMIM_100001 1", "beta-1 0 OMIM_100002 1"), Files.readAllLines(qrels));

    Run eval = run("eval", "--index", index, "--phenopackets", folder.resolve("a.json").toString(), folder.resolve("b.json").toString());
    assertEquals(0, eval.exitCode(), eval.err());
    assertTrue(eval.out().contains("phenopackets: 2 judged packets"), eval.out());
    assertTrue(eval.out().matches("(?s).*MRR\\s+1\\.000.*"), eval.out());
  }

  @Test
  void search_ask_listsWhatToAskNext_inTextAndJson_neverWhatTheQuerySays() throws Exception {
    Run json = run("search", "--index", index, "--json", "--ask", "3", "HP:0001251; no HP:0001945");
    assertEquals(0, json.exitCode(), json.err());
    JsonNode ask = Json.MAPPER.readTree(json.out()).get("ask");
    assertTrue(ask.isArray() && !ask.isEmpty(), json.out());
    for (JsonNode question : ask) {
      String id = question.get("id").asText();
      assertTrue(!id.equals("HP:0001251") && !id.equals("HP:0001945") && !id.equals("HP:0000707"), json.out());
      assertTrue(question.get("gain").asDouble() > 0, json.out());
      assertTrue(question.get("diseases").get(0).get("title").asText().endsWith("syndrome"), json.out());
    }
    // Alpha (seizures, ataxia) and Gamma (ataxia, nystagmus) differ by seizures and by nystagmus.
    assertTrue(Set.of("HP:0001250", "HP:0002069", "HP:0000639").contains(ask.get(0).get("id").asText()), json.out());

    Run text = run("search", "--index", index, "--ask", "2", "Ataxia");
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("Ask next"), text.out());
    assertTrue(text.out().matches("(?s).*\\n 1\\. HP:\\d{7} .*\\(gain \\d\\.\\d\\d bits; \\d+% likely\\).*"), text.out());

    Run withoutVocabulary = run("search", "--index", BundledIndex.path().toString(), "--ask", "2", "ataxia");
    assertEquals(ExitCodes.USAGE, withoutVocabulary.exitCode(), withoutVocabulary.out());
    assertTrue(withoutVocabulary.err().contains("--ask needs an index with a vocabulary"), withoutVocabulary.err());
  }
}
