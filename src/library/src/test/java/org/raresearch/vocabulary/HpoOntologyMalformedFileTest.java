package org.raresearch.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every file {@link HpoOntology#load} cannot read raises {@link HpoFormatException} naming it. */
class HpoOntologyMalformedFileTest {
  @TempDir Path folder;

  private static HpoFormatException refused(Path file) {
    HpoFormatException e = assertThrows(HpoFormatException.class, () -> HpoOntology.load(file));
    assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
    assertEquals(file.toString(), e.file());
    return e;
  }

  private static void assertReason(HpoFormatException e, String expectedPart) {
    assertTrue(e.reason().contains(expectedPart), () -> "\"" + expectedPart + "\" not in: " + e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " \n\t\r\n "})
  void load_emptyOrBlankFile_isRefused(String text) {
    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.json", text));

    assertReason(e, "empty");
  }

  @Test
  void load_missingFile_isRefused() {
    HpoFormatException e = refused(folder.resolve("no-such-hp.json"));

    assertReason(e, "does not exist");
  }

  @Test
  void load_directory_isRefused() {
    assertReason(refused(folder), "directory");
  }

  @Test
  void load_invalidJson_isRefusedWithItsLine() {
    Path file = HpoFixtures.write(folder, "hp.json", "{\n  \"graphs\": [ { \"nodes\": [ } ]\n}\n");

    HpoFormatException e = refused(file);

    assertReason(e, "invalid JSON");
    assertEquals(2, e.line());
  }

  @Test
  void load_jsonCutShort_isRefused() {
    String json = HpoFixtures.JSON;
    Path file = HpoFixtures.write(folder, "hp.json", json.substring(0, json.length() / 2));

    assertReason(refused(file), "invalid JSON");
  }

  @Test
  void load_jsonWithoutGraphs_isRefused() {
    Path file = HpoFixtures.write(folder, "hp.json", "{ \"nodes\": [], \"edges\": [] }");

    assertReason(refused(file), "no \"graphs\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ \"graphs\": {} }", "{ \"graphs\": [ 1 ] }", "{ \"graphs\": [ { \"nodes\": 3 } ] }"})
  void load_jsonOfTheWrongShape_isRefused(String json) {
    refused(HpoFixtures.write(folder, "hp.json", json));
  }

  @Test
  void load_jsonWithoutHpTerms_isRefused() {
    String json =
        """
        { "graphs": [ { "nodes": [ { "id": "http://purl.obolibrary.org/obo/GO_0008150", "lbl": "biological_process", "type": "CLASS" } ] } ] }
        """;

    assertReason(refused(HpoFixtures.write(folder, "go.json", json)), "no HP terms");
  }

  @Test
  void load_jsonWithTrailingContent_isRefused() {
    refused(HpoFixtures.write(folder, "hp.json", HpoFixtures.JSON + "\n{ }"));
  }

  @Test
  void load_oboTermWithoutId_isRefusedWithTheStanzaLine() {
    String obo = "format-version: 1.2\n\n[Term]\nid: HP:0000001\nname: All\n\n[Term]\nname: Nameless\nis_a: HP:0000001\n";

    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.obo", obo));

    assertEquals(7, e.line());
    assertTrue(e.getMessage().startsWith(folder.resolve("hp.obo") + ":7: "), e.getMessage());
    assertReason(e, "no id");
  }

  @Test
  void load_oboLastTermWithoutId_isRefused() {
    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.obo", "[Term]\r\nname: All\r\n"));

    assertEquals(1, e.line());
  }

  @Test
  void load_oboSynonymWithoutClosingQuote_isRefusedWithItsLine() {
    String obo = "[Term]\nid: HP:0000001\nname: All\nsynonym: \"Everything EXACT []\n";

    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.obo", obo));

    assertEquals(4, e.line());
    assertReason(e, "closing quote");
  }

  @Test
  void load_oboSynonymWithUnknownScope_isRefused() {
    String obo = "[Term]\nid: HP:0000001\nname: All\nsynonym: \"Everything\" EXACTLY []\n";

    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.obo", obo));

    assertEquals(4, e.line());
    assertReason(e, "EXACTLY");
  }

  @Test
  void load_oboBrokenHpId_isRefused() {
    String obo = "[Term]\nid: HP:0000001\nname: All\n\n[Term]\nid: HP:12ab\nname: Broken\n";

    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.obo", obo));

    assertEquals(6, e.line());
    assertReason(e, "HP:12ab");
  }

  @Test
  void load_oboSameIdTwice_isRefused() {
    String obo = "[Term]\nid: HP:0000001\nname: All\n\n[Term]\nid: HP:0000001\nname: All again\n";

    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.obo", obo));

    assertEquals(5, e.line());
    assertReason(e, "defined twice");
  }

  @Test
  void load_textWithoutHpTerms_isRefused() {
    assertReason(refused(HpoFixtures.write(folder, "notes.txt", "Just some notes.\nNothing here.\n")), "no [Term]");
  }

  @Test
  void load_binaryFile_isRefused() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (255 - i);
    }

    refused(HpoFixtures.write(folder, "hp.obo", bytes));
  }

  @Test
  void load_truncatedGzip_isRefused() {
    byte[] gzip = HpoFixtures.gzip(HpoFixtures.JSON);
    Path file = HpoFixtures.write(folder, "hp.json.gz", Arrays.copyOf(gzip, gzip.length / 2));

    assertReason(refused(file), "gzip data is truncated or damaged");
  }

  @Test
  void load_gzipWithoutItsTrailer_isRefused() {
    byte[] gzip = HpoFixtures.gzip(HpoFixtures.OBO);
    Path file = HpoFixtures.write(folder, "hp.obo.gz", Arrays.copyOf(gzip, gzip.length - 4));

    assertReason(refused(file), "gzip");
  }

  @Test
  void load_gzipMagicWithGarbage_isRefused() {
    byte[] bytes = {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    assertReason(refused(HpoFixtures.write(folder, "hp.json.gz", bytes)), "gzip");
  }

  @Test
  void load_emptyGzip_isRefused() {
    refused(HpoFixtures.write(folder, "hp.json.gz", HpoFixtures.gzip("")));
  }

  @Test
  void load_oboLineOverTheLimit_isSkipped_listedInTheWarnings_andTheRestRead() {
    String obo = "format-version: 1.2\n! " + "x".repeat(70_000) + "\n\n[Term]\nid: HP:0001250\nname: Seizure\n";
    Path file = HpoFixtures.write(folder, "hp.obo", obo);
    HpoOntology ontology = HpoOntology.load(file);
    assertEquals("Seizure", ontology.term("HP:0001250").orElseThrow().label());
    assertEquals(java.util.List.of(file + ":2: the line is 70,002 characters long, over the limit of 65,536 characters; it was skipped"),
        ontology.warnings());
  }

  @Test
  void load_gzipBombOfShortOboLines_isRefusedAtTheFileLimit_withoutReadingItAll() throws Exception {
    Path file = folder.resolve("hp.obo.gz");
    try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
        new java.util.zip.GZIPOutputStream(java.nio.file.Files.newOutputStream(file)), java.nio.charset.StandardCharsets.UTF_8))) {
      out.write("format-version: 1.2\n");
      String comment = "! " + "c".repeat(1_000) + "\n";
      for (long written = 0; written <= HpoOntology.MAX_FILE_BYTES; written += comment.length()) {
        out.write(comment);
      }
    }
    HpoFormatException e = refused(file);
    assertReason(e, "over the limit of 128 MiB");
  }

  @Test
  void load_jsonNestedPastTheLimit_isRefusedWithTheLimit() {
    String json = "{\"graphs\": [], \"deep\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    HpoFormatException e = refused(HpoFixtures.write(folder, "hp.json", json));
    assertEquals(1, e.line());
    assertEquals("the JSON nests deeper than 64 levels, the limit", e.reason());
  }
}
