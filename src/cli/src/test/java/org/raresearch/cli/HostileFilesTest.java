package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.SharedData;

/**
 * Hostile files fed to the command in a JVM with a {@value CliProcess#HEAP} heap: lines of tens of
 * megabytes to a gigabyte (behind a small gzip file), JSON that holds no packet or nests 100,000
 * deep. Every one is skipped or refused with a short line naming its file and line, the good records
 * around it are read, memory stays bounded by the limits, and nothing ends in a stack trace. The
 * inputs are generated here, never stored. {@code -Draresearch.hostile.bytes=N} sets the length of
 * the giant annotation line (1 GiB unless set).
 */
class HostileFilesTest {
  private static final long GIANT_LINE = Long.getLong("raresearch.hostile.bytes", 1L << 30);
  private static final int BIG_LINE = 50 << 20;
  private static final String HEADER =
      "#DatabaseID\tDiseaseName\tQualifier\tHPO_ID\tReference\tEvidence\tOnset\tFrequency\tSex\tModifier\tAspect\tBiocuration\n";
  private static final String GOOD_ROW = "OMIM:100100\tAlpha syndrome\t\tHP:0001250\tOMIM:100100\tTAS\t\t1/2\t\t\tP\tHPO:curator\n";

  /** Writes {@code before}, then {@code count} copies of {@code fill}, then {@code after}, streaming, optionally gzip-compressed. */
  private static Path write(Path file, String before, long count, char fill, String after, boolean gzip) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) {{ def.setLevel(Deflater.BEST_SPEED); }} : raw;
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
      text.write(before);
      char[] chunk = new char[1 << 16];
      Arrays.fill(chunk, fill);
      for (long left = count; left > 0; left -= chunk.length) {
        text.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      text.write(after);
    }
    return file;
  }

  /** What every run must show: no stack trace, no Java names, short lines, and a heap within bounds. */
  private static void assertBounded(CliProcess.Result result, String what) {
    System.out.printf("%s: exit %d, peak heap in use %d MB, largest live set after a collection %d MB (of %s)%n",
        what, result.exitCode(), result.peakHeapMb(), result.liveHeapMb(), CliProcess.HEAP);
    assertFalse(result.err().contains("\tat "), result.err());
    assertFalse(result.err().matches("(?s).*(Exception|java\\.lang|OutOfMemory).*"), result.err());
    result.err().lines().forEach(line -> assertTrue(line.length() < 600, "a line of " + line.length() + " characters"));
    assertTrue(result.peakHeapBytes() > 0 && result.peakHeapBytes() < 256L << 20, "peak heap " + result.peakHeapMb() + " MB");
  }

  private static Path ontology(Path tmp) throws IOException {
    return Files.writeString(tmp.resolve("hp.obo"), "format-version: 1.2\n\n[Term]\nid: HP:0001250\nname: Seizure\n");
  }

  @Test
  void annotationGzip_whoseOneLineIsAGigabyte_skipsIt_andImportsTheRowAfter(@TempDir Path tmp) throws Exception {
    Path annotations = write(tmp.resolve("phenotype.hpoa.gz"), HEADER, GIANT_LINE, 'a', "\n" + GOOD_ROW, true);
    Path index = tmp.resolve("index");
    CliProcess.Result result = CliProcess.run(tmp, "import", "--index", index.toString(), "hpo",
        "--annotations", annotations.toString(), "--ontology", ontology(tmp).toString());
    assertBounded(result, "annotations.gz of " + Files.size(annotations) + " bytes, one line of " + GIANT_LINE + " characters");
    assertEquals(ExitCodes.BAD_INPUT, result.exitCode(), result.err());
    assertTrue(result.err().contains(String.format("rejected %s:2: the line is %,d characters long, over the limit of 65,536 characters; it was skipped",
        annotations, GIANT_LINE)), result.err());
    assertTrue(result.err().contains("Imported from hpo: 1 reports (1 added"), result.err());
    assertTrue(result.err().length() < 4_000, result.err());
    assertEquals("OMIM_100100", CliProcess.run(tmp, "resolve", "--index", index.toString(), "--json", "Alpha syndrome").out()
        .replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
  }

  @Test
  void orphanetFiles_thatHoldNoPacket_orGoPastALimit_areEachReported_andTheGoodOneImported(@TempDir Path tmp) throws Exception {
    Path packets = Files.createDirectories(tmp.resolve("json"));
    Files.writeString(packets.resolve("ORPHApacket_1.json"), "[1, 2, 3]");
    Files.writeString(packets.resolve("ORPHApacket_2.json"), "[[[[[]]]]]");
    write(packets.resolve("ORPHApacket_3.json"), "", 100_000, '[', "]".repeat(100_000), false);
    write(packets.resolve("ORPHApacket_4.json"), "{\"Orphapacket\": {\"ORPHAcode\": \"4\", \"Label\": \"", 300_000, 'x', "\"}}", false);
    Files.writeString(packets.resolve("ORPHApacket_5.json"), "[]");
    Files.writeString(packets.resolve("ORPHApacket_6.json"), "\"just text\"");
    write(packets.resolve("ORPHApacket_7.json"), "{\"Orphapacket\": {\"ORPHAcode\": \"7\", \"Label\": \"", 40_000, 'b', "\"}}", false);
    Files.writeString(packets.resolve("ORPHApacket_8.json"), "{\"Orphapacket\": {\"ORPHAcode\": \"8\", \"Label\": \"Good syndrome\"}}");
    write(packets.resolve("ORPHApacket_9.json"), "[", 9 << 20, ' ', "]", false);
    CliProcess.Result result = CliProcess.run(tmp, "import", "--index", tmp.resolve("index").toString(), "orphanet", packets.toString());
    assertBounded(result, "Orphanet packets without packets, nested 100,000 deep, with long strings");
    assertEquals(ExitCodes.BAD_INPUT, result.exitCode(), result.err());
    String err = result.err();
    assertTrue(err.contains("Imported from orphanet: 1 reports (1 added, 0 updated, 0 unchanged), 0 deleted, 10 bad records."), err);
    for (String expected : List.of(
        "ORPHApacket_1.json:1:2: element 1 of the array is a number, not a packet (a JSON object)",
        "ORPHApacket_1.json:1:8: element 3 of the array is a number",
        "ORPHApacket_2.json:1:2: element 1 of the array is an array, not a packet",
        "ORPHApacket_3.json:1:", "the JSON nests deeper than 64 levels, the limit",
        "ORPHApacket_4.json:1:", "a JSON string is longer than 262,144 characters, the limit",
        "ORPHApacket_5.json: the file holds no packet: its JSON array is empty",
        "ORPHApacket_6.json: the file holds no packet: it is a string, not a JSON object",
        "rejected ORPHA_7: report ORPHA_7 cannot be indexed: an id, name or finding of it is longer than Lucene's limit",
        "ORPHApacket_9.json: the file is 9,437,186 bytes, over the limit of 8 MiB for one packet")) {
      assertTrue(err.contains(expected), "expected \"" + expected + "\" in:\n" + err);
    }
  }

  @Test
  void synonymFile_withA50MegabyteLine_skipsIt_andSearches(@TempDir Path tmp) throws Exception {
    Path synonyms = write(tmp.resolve("mine.txt"), "", BIG_LINE, 'x', "\nwobbly walk, ataxia\n", false);
    CliProcess.Result result = CliProcess.run(tmp, "search", "--index", BundledIndex.path().toString(),
        "--synonyms", synonyms.toString(), "--json", "droopy eyelid, double vision");
    assertBounded(result, "synonym file with a line of " + BIG_LINE + " characters");
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(String.format("raresearch: warning: %s:1: the line is %,d characters long, over the limit of 65,536 characters; it was skipped%n",
        synonyms, BIG_LINE), result.err());
    assertTrue(result.out().contains("myasthenia-gravis"), result.out());
  }

  @Test
  void ontologyJson_nested100000Deep_isRefusedWithItsLimit(@TempDir Path tmp) throws Exception {
    Path hp = write(tmp.resolve("hp.json"), "{\"graphs\": [], \"x\": ", 100_000, '[', "]".repeat(100_000) + "}", false);
    CliProcess.Result result = CliProcess.run(tmp, "search", "--index", BundledIndex.path().toString(), "--hpo", hp.toString(), "rash");
    assertBounded(result, "hp.json nested 100,000 deep");
    assertEquals(ExitCodes.BAD_INPUT, result.exitCode(), result.err());
    assertEquals("raresearch: " + hp + ":1: the JSON nests deeper than 64 levels, the limit\n", result.err());
  }

  @Test
  void ontologyOboGzip_withA64MegabyteLine_skipsIt_andReadsTheTermsAfter(@TempDir Path tmp) throws Exception {
    Path obo = write(tmp.resolve("hp.obo.gz"), "format-version: 1.2\n! ", 64L << 20, 'c',
        "\n\n[Term]\nid: HP:0000508\nname: Ptosis\nsynonym: \"Droopy eyelid\" EXACT []\n", true);
    CliProcess.Result result = CliProcess.run(tmp, "search", "--index", BundledIndex.path().toString(), "--hpo", obo.toString(), "ptosis");
    assertBounded(result, "hp.obo.gz with a line of 64 MiB");
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(String.format("raresearch: warning: %s:2: the line is %,d characters long, over the limit of 65,536 characters; it was skipped%n",
        obo, (64L << 20) + 2), result.err());
  }

  @Test
  void queryAndQrelsFiles_with50MegabyteLines_skipThem_andMeasureTheRest(@TempDir Path tmp) throws Exception {
    Path queries = write(tmp.resolve("q.tsv"), "q0\t", BIG_LINE, 'q', "\nq1\tdroopy eyelid, double vision\n", false);
    Path qrels = write(tmp.resolve("q.qrels"), "q0 0 ", BIG_LINE, 'r', " 1\nq1 0 myasthenia-gravis 1\n", false);
    CliProcess.Result result = CliProcess.run(tmp, "eval", "--index", BundledIndex.path().toString(), "--queries", queries.toString(),
        "--qrels", qrels.toString(), "--reports", SharedData.bundledReports().toString());
    assertBounded(result, "query and qrels files with lines of " + BIG_LINE + " characters");
    assertEquals(ExitCodes.OK, result.exitCode(), result.err());
    assertEquals(2, result.err().lines().filter(l -> l.startsWith("raresearch: warning: ")).count(), result.err());
    assertTrue(result.err().contains(queries + ":1: the line is " + String.format("%,d", BIG_LINE + 3)), result.err());
    assertTrue(result.err().contains(qrels + ":1: the line is " + String.format("%,d", BIG_LINE + 7)), result.err());
    assertTrue(result.out().contains("q.tsv: 1 judged queries"), result.out());
  }
}
