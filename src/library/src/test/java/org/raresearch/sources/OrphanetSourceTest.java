package org.raresearch.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.errors.InputFileException;
import org.raresearch.report.DiseaseReport;

class OrphanetSourceTest {
  private static final List<Map.Entry<String, String>> FILES = List.of(
      Map.entry("ORPHApacket_900001.json", OpenDataFixtures.LISTS_PACKET),
      Map.entry("ORPHApacket_900002.json", OpenDataFixtures.OBJECTS_PACKET),
      Map.entry("ORPHApacket_900003.json", OpenDataFixtures.BARE_PACKET),
      Map.entry("ORPHApacket_900004.json", "{\"Orphapacket\": {\n  \"ORPHAcode\": \"900004\",\n  \"Label\": \"Cut short\","),
      Map.entry("ORPHApacket_900005.json", "{\"Orphapacket\": {\"ORPHAcode\": \"900005\"}}"),
      Map.entry("README.txt", "not a packet"));

  private static OpenDataFixtures.CollectingSink read(Path path) throws IOException {
    OpenDataFixtures.CollectingSink sink = new OpenDataFixtures.CollectingSink();
    new OrphanetSource(path).read(sink);
    return sink;
  }

  private static void assertReadsTheFixtures(OpenDataFixtures.CollectingSink sink) {
    assertEquals(List.of("ORPHA_900001", "ORPHA_900002", "ORPHA_900003"), sink.reports.stream().map(DiseaseReport::id).toList());
    assertEquals(2, sink.rejected.size(), sink.rejected.toString());
    assertTrue(sink.rejected.get(0).matches(".*ORPHApacket_900004\\.json:3:\\d+: not valid JSON: .*"), sink.rejected.get(0));
    assertTrue(sink.rejected.get(1).matches(".*ORPHApacket_900005\\.json:1: the packet of ORPHA:900005 has no Label"), sink.rejected.get(1));
    assertEquals(Arrays.asList("ORPHA_900004", "ORPHA_900005"), sink.rejectedIds);
  }

  @Test
  void directory_givesEveryPacket_andNamesTheFileAndLineOfBadOnes(@TempDir Path tmp) throws Exception {
    Path dir = OpenDataFixtures.packetDirectory(tmp.resolve("json"), Map.ofEntries(FILES.toArray(Map.Entry[]::new)));
    assertReadsTheFixtures(read(dir));
  }

  @Test
  void tarGzArchive_givesTheSameReportsAsItsDirectory(@TempDir Path tmp) throws Exception {
    Path archive = OpenDataFixtures.tarGz(tmp.resolve("packets.tar.gz"), FILES);
    OpenDataFixtures.CollectingSink sink = read(archive);
    assertReadsTheFixtures(sink);
    assertTrue(sink.rejected.get(0).startsWith(archive + "!json/ORPHApacket_900004.json"), sink.rejected.get(0));
    Path dir = OpenDataFixtures.packetDirectory(tmp.resolve("json"), Map.ofEntries(FILES.toArray(Map.Entry[]::new)));
    assertEquals(read(dir).reports, sink.reports);
  }

  @Test
  void fileWithAnArrayOfPackets_givesEachOfThem(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("all.json");
    Files.writeString(file, "[" + OpenDataFixtures.LISTS_PACKET + "," + OpenDataFixtures.BARE_PACKET + "]");
    assertEquals(List.of("ORPHA_900001", "ORPHA_900003"), read(file).reports.stream().map(DiseaseReport::id).toList());
  }

  @Test
  void truncatedArchive_failsNamingTheArchive(@TempDir Path tmp) throws Exception {
    Path archive = OpenDataFixtures.tarGz(tmp.resolve("packets.tar.gz"), FILES);
    byte[] bytes = Files.readAllBytes(archive);
    Files.write(archive, Arrays.copyOf(bytes, bytes.length / 2));
    InputFileException e = assertThrows(InputFileException.class, () -> read(archive));
    assertTrue(e.getMessage().startsWith(archive + ": the archive cannot be read to its end"), e.getMessage());
  }

  @Test
  void missingPath_failsNamingIt(@TempDir Path tmp) {
    InputFileException e = assertThrows(InputFileException.class, () -> read(tmp.resolve("nowhere.tar.gz")));
    assertTrue(e.getMessage().contains("nowhere.tar.gz"), e.getMessage());
  }
}
