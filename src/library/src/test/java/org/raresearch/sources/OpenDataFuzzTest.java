package org.raresearch.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.io.BoundedLineReader;
import org.raresearch.report.DiseaseReport;
import org.raresearch.vocabulary.HpoOntology;

/**
 * Random packets and annotation lines, giant lines, compression bombs and deep nesting: every one
 * gives a report or a bad record with a reason, never another failure, and the good records around
 * the bad ones are read. {@code -Draresearch.fuzz.iterations=N} runs more random inputs, {@code
 * -Draresearch.fuzz.bytes=N} makes the giant lines and bombs N characters long (nightly: 4 GiB), and
 * {@code -Draresearch.fuzz.depth=N} nests JSON N deep (nightly: 10,000,000).
 */
class OpenDataFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("raresearch.fuzz.iterations", 2_000);
  private static final long GIANT = Long.getLong("raresearch.fuzz.bytes", 8L << 20);
  private static final int DEPTH = Integer.getInteger("raresearch.fuzz.depth", 100_000);
  private static final List<String> FIELDS = List.of(
      "ORPHAcode", "Label", "Synonyms", "Synonym", "Children", "Child", "Parents", "Parent", "Genes", "Gene",
      "Symbol", "Name", "Phenotypes", "Phenotype", "HPOTerm", "HPOFrequency", "TextSection", "Contents",
      "TypeOfInheritances", "TypeOfInheritance", "AverageAgeOfOnsets", "AverageAgeOfOnset", "value",
      "Prevalences", "Prevalence", "PrevalenceClass", "ValMoy", "PrevalenceQualification", "PrevalenceGeographic",
      "ExternalReferences", "ExternalReference", "Source", "Reference", "DisorderMappingRelation",
      "DisorderType", "creationDate", "copyright");

  @Test
  void randomPackets_giveAReportOrAReason(@TempDir Path tmp) throws Exception {
    Random random = new Random(42);
    ObjectMapper mapper = new ObjectMapper();
    List<String> seeds = List.of(OpenDataFixtures.LISTS_PACKET, OpenDataFixtures.OBJECTS_PACKET, OpenDataFixtures.BARE_PACKET);
    for (int i = 0; i < ITERATIONS; i++) {
      JsonNode packet;
      if (i % 2 == 0) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("ORPHAcode", random.nextInt(5) == 0 ? "x" : Integer.toString(random.nextInt(1000)));
        p.put("Label", random.nextInt(8) == 0 ? " " : "Label " + i);
        for (int f = random.nextInt(10); f > 0; f--) {
          p.set(FIELDS.get(random.nextInt(FIELDS.size())), randomNode(random, 3));
        }
        packet = JsonNodeFactory.instance.objectNode().set("Orphapacket", p);
      } else {
        String text = mutate(seeds.get(random.nextInt(seeds.size())), random);
        try {
          packet = mapper.readTree(text);
        } catch (java.io.IOException e) {
          continue; // not JSON: the source reports it as such (see OrphanetSourceTest)
        }
        if (packet == null) {
          continue;
        }
      }
      try {
        DiseaseReport report = OrphanetPackets.toReport(packet);
        assertTrue(report.id().startsWith("ORPHA_"));
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), packet.toString());
      }
    }
  }

  @Test
  void randomAnnotationLines_giveReportsOrBadRecords(@TempDir Path tmp) throws Exception {
    HpoOntology ontology = HpoOntology.load(Files.writeString(tmp.resolve("hp.obo"), OpenDataFixtures.OBO));
    Random random = new Random(43);
    List<String> lines = OpenDataFixtures.HPOA.lines().toList();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < ITERATIONS; i++) {
      String line = lines.get(random.nextInt(lines.size()));
      text.append(random.nextBoolean() ? line : mutate(line, random)).append('\n');
    }
    Path file = Files.writeString(tmp.resolve("fuzz.hpoa"), text);
    OpenDataFixtures.CollectingSink sink = new OpenDataFixtures.CollectingSink();
    new HpoAnnotationSource(file, ontology).read(sink);
    assertTrue(sink.reports.size() > 0);
    assertEquals(sink.rejected.size(), sink.rejectedIds.size());
    sink.rejected.forEach(r -> assertTrue(r.startsWith(file + ":"), r));
  }

  @Test
  void giantLines_inAnnotations_areSkippedAndReported_andTheRowsAroundThemImported(@TempDir Path tmp) throws Exception {
    HpoOntology ontology = HpoOntology.load(Files.writeString(tmp.resolve("hp.obo"), OpenDataFixtures.OBO));
    Random random = new Random(44);
    String header = "#DatabaseID\tDiseaseName\tQualifier\tHPO_ID\tReference\tEvidence\tOnset\tFrequency\tSex\tModifier\tAspect\tBiocuration\n";
    String longestKept = row("OMIM:4", "D".repeat(BoundedLineReader.MAX_LINE_CHARS - row("OMIM:4", "").length()));
    String shortestSkipped = row("OMIM:5", "E".repeat(BoundedLineReader.MAX_LINE_CHARS + 1 - row("OMIM:5", "").length()));
    Path file = tmp.resolve("giant.hpoa.gz");
    try (Writer out = gzipWriter(file)) {
      out.write(header + row("OMIM:1", "One") + "\n");
      writeRandomText(out, GIANT, random); // line 3
      out.write("\n" + row("OMIM:2", "Two") + "\n" + longestKept + "\n" + shortestSkipped + "\n");
      writeRandomText(out, GIANT, random); // line 7, the last, without a line end
    }
    OpenDataFixtures.CollectingSink sink = new OpenDataFixtures.CollectingSink();
    new HpoAnnotationSource(file, ontology).read(sink);
    assertEquals(List.of("OMIM_1", "OMIM_2", "OMIM_4"), sink.reports.stream().map(DiseaseReport::id).toList());
    assertEquals(List.of(
        file + ":3: " + BoundedLineReader.skippedReason(GIANT, BoundedLineReader.MAX_LINE_CHARS),
        file + ":6: " + BoundedLineReader.skippedReason(BoundedLineReader.MAX_LINE_CHARS + 1, BoundedLineReader.MAX_LINE_CHARS),
        file + ":7: " + BoundedLineReader.skippedReason(GIANT, BoundedLineReader.MAX_LINE_CHARS)), sink.rejected);
  }

  @Test
  void compressionBombs_areReadWithinBounds_andTheRecordsAfterThemImported(@TempDir Path tmp) throws Exception {
    HpoOntology ontology = HpoOntology.load(Files.writeString(tmp.resolve("hp.obo"), OpenDataFixtures.OBO));
    Path blankLines = tmp.resolve("blank.hpoa.gz");
    try (Writer out = gzipWriter(blankLines)) {
      writeRepeated(out, GIANT, '\n');
      out.write(row("OMIM:1", "After the bomb") + "\n");
    }
    OpenDataFixtures.CollectingSink rows = new OpenDataFixtures.CollectingSink();
    new HpoAnnotationSource(blankLines, ontology).read(rows);
    assertEquals(List.of("OMIM_1"), rows.reports.stream().map(DiseaseReport::id).toList());
    assertEquals(List.of(), rows.rejected);

    Path archive = tmp.resolve("bomb.tar.gz");
    long declared = OrphanetSource.MAX_PACKET_BYTES + GIANT;
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip(archive))) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      putEntry(tar, "json/ORPHApacket_1.json", declared, ' ', "", "");
      putEntry(tar, "json/ORPHApacket_2.json", OrphanetSource.MAX_PACKET_BYTES - 100, 'x',
          "{\"Orphapacket\": {\"ORPHAcode\": \"2\", \"Label\": \"", "\"}}");
      putEntry(tar, "json/ORPHApacket_3.json", 0, ' ', OpenDataFixtures.BARE_PACKET, "");
    }
    OpenDataFixtures.CollectingSink packets = new OpenDataFixtures.CollectingSink();
    new OrphanetSource(archive).read(packets);
    assertEquals(1, packets.reports.size(), packets.rejected.toString());
    assertEquals(List.of(
        archive + "!json/ORPHApacket_1.json: the file is " + String.format("%,d", declared) + " bytes, over the limit of 8 MiB for one packet",
        archive + "!json/ORPHApacket_2.json:1:45: a JSON string is longer than 262,144 characters, the limit"), packets.rejected);
    assertEquals(Arrays.asList("ORPHA_1", "ORPHA_2"), packets.rejectedIds);
  }

  @Test
  void deepNesting_ofArraysAndObjects_isReported_inFilesAndArchives(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("json"));
    Files.writeString(dir.resolve("ORPHApacket_1.json"), "[".repeat(DEPTH) + "]".repeat(DEPTH));
    Files.writeString(dir.resolve("ORPHApacket_2.json"), "{\"Orphapacket\": " + "{\"a\": ".repeat(DEPTH) + "1" + "}".repeat(DEPTH + 1));
    Files.writeString(dir.resolve("ORPHApacket_3.json"), OpenDataFixtures.BARE_PACKET);
    Path archive = tmp.resolve("deep.tar.gz");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip(archive))) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path file : List.of(dir.resolve("ORPHApacket_1.json"), dir.resolve("ORPHApacket_2.json"), dir.resolve("ORPHApacket_3.json"))) {
        putEntry(tar, "json/" + file.getFileName(), 0, ' ', Files.readString(file), "");
      }
    }
    for (Path source : List.of(dir, archive)) {
      OpenDataFixtures.CollectingSink sink = new OpenDataFixtures.CollectingSink();
      new OrphanetSource(source).read(sink);
      assertEquals(1, sink.reports.size(), sink.rejected.toString());
      assertEquals(2, sink.rejected.size(), sink.rejected.toString());
      for (String rejected : sink.rejected) {
        boolean tooDeep = rejected.endsWith("the JSON nests deeper than 64 levels, the limit");
        boolean tooLarge = rejected.contains("over the limit of 8 MiB for one packet"); // nightly depths make files that large
        assertTrue(tooDeep || tooLarge, rejected);
        assertTrue(rejected.length() < 300, rejected);
      }
    }
  }

  private static String row(String disease, String name) {
    return disease + "\t" + name + "\t\tHP:0001250\t" + disease + "\tTAS\t\t1/2\t\t\tP\tHPO:curator";
  }

  private static OutputStream gzip(Path file) throws IOException {
    return new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  private static Writer gzipWriter(Path file) throws IOException {
    return new BufferedWriter(new OutputStreamWriter(gzip(file), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Random letters, digits, spaces and tabs: anything but a line end. */
  private static void writeRandomText(Writer out, long count, Random random) throws IOException {
    char[] chunk = new char[1 << 16];
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 \t:/%{}[]\"HPOMI";
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = alphabet.charAt(random.nextInt(alphabet.length()));
    }
    for (long left = count; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }

  private static void writeRepeated(Writer out, long count, char c) throws IOException {
    char[] chunk = new char[1 << 16];
    Arrays.fill(chunk, c);
    for (long left = count; left > 0; left -= chunk.length) {
      out.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
  }

  /** An archive entry of {@code before}, {@code fill} repeated {@code count} times, then {@code after}, written streaming. */
  private static void putEntry(TarArchiveOutputStream tar, String name, long count, char fill, String before, String after)
      throws IOException {
    byte[] head = before.getBytes(StandardCharsets.UTF_8);
    byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(head.length + count + tail.length);
    tar.putArchiveEntry(entry);
    tar.write(head);
    byte[] chunk = new byte[1 << 16];
    Arrays.fill(chunk, (byte) fill);
    for (long left = count; left > 0; left -= chunk.length) {
      tar.write(chunk, 0, (int) Math.min(chunk.length, left));
    }
    tar.write(tail);
    tar.closeArchiveEntry();
  }

  private static JsonNode randomNode(Random random, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (depth <= 0 ? random.nextInt(4) : random.nextInt(6)) {
      case 0: return f.textNode(random.nextBoolean() ? "" : "text " + random.nextInt(100));
      case 1: return f.numberNode(random.nextInt());
      case 2: return f.nullNode();
      case 3: return f.booleanNode(random.nextBoolean());
      case 4: {
        ArrayNode array = f.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(randomNode(random, depth - 1));
        }
        return array;
      }
      default: {
        ObjectNode object = f.objectNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          object.set(FIELDS.get(random.nextInt(FIELDS.size())), randomNode(random, depth - 1));
        }
        return object;
      }
    }
  }

  /** Deletes, duplicates or replaces a few characters. */
  private static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    for (int n = 1 + random.nextInt(4); n > 0 && s.length() > 0; n--) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, s.charAt(random.nextInt(s.length())));
        default -> s.setCharAt(at, "\t{}[]\":,/%0HP".charAt(random.nextInt(13)));
      }
    }
    return s.toString();
  }
}
