package org.raresearch.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.report.DiseaseReport;
import org.raresearch.vocabulary.HpoOntology;

/**
 * Random packets and annotation lines: every one gives a report or a bad record with a reason,
 * never another failure. {@code -Draresearch.fuzz.iterations=N} runs more.
 */
class OpenDataFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("raresearch.fuzz.iterations", 2_000);
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
