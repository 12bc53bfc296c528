package org.raresearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.api.PatientCase;
import org.raresearch.errors.InputFileException;

/** Reading GA4GH phenopackets from files, well formed and not. */
class PhenopacketsTest {
  @TempDir Path tmp;

  static final String V2 = """
      {
        "id": "PMID_1_patient_1",
        "subject": {"id": "patient 1", "sex": "FEMALE", "timeAtLastEncounter": {"age": {"iso8601duration": "P3Y"}}},
        "phenotypicFeatures": [
          {"type": {"id": "HP:0001250", "label": "Seizure"}, "onset": {"age": {"iso8601duration": "P1Y"}}},
          {"type": {"id": "HP:0001945", "label": "Fever"}, "excluded": true},
          {"type": {"id": "HP:0001251", "label": "Ataxia"}, "excluded": false}
        ],
        "interpretations": [{"id": "i1", "progressStatus": "SOLVED",
          "diagnosis": {"disease": {"id": "OMIM:100001", "label": "Alpha syndrome"}}}],
        "diseases": [{"term": {"id": "OMIM:100001", "label": "Alpha syndrome"}}, {"term": {"id": "OMIM:100009"}, "excluded": true}],
        "metaData": {"created": "2024-01-01T00:00:00Z", "createdBy": "curator", "phenopacketSchemaVersion": "2.0",
          "resources": [{"id": "hp", "name": "human phenotype ontology", "namespacePrefix": "HP", "version": "2023-01-27"}]}
      }
      """;

  private Path write(String name, String json) throws IOException {
    return Files.writeString(tmp.resolve(name), json);
  }

  @Test
  void aV2Packet_givesItsFeatures_excludedOnes_andItsDiagnoses() throws IOException {
    PatientCase patient = Phenopackets.read(write("p.json", V2));
    assertEquals("PMID_1_patient_1", patient.id());
    assertEquals(List.of(new PatientCase.Finding("HP:0001250", false), new PatientCase.Finding("HP:0001945", true),
        new PatientCase.Finding("HP:0001251", false)), patient.findings());
    assertEquals(List.of("OMIM:100001"), patient.diagnoses());
  }

  @Test
  void aV1Packet_negatedFeatures_andAFamilysProband_areRead() throws IOException {
    String v1 = """
        {"id": "v1-case", "phenotypic_features": [{"type": {"id": "HP:0001250"}}, {"type": {"id": "HP:0001945"}, "negated": true}],
         "diseases": [{"term": {"id": "ORPHA:558"}}]}
        """;
    PatientCase patient = Phenopackets.read(write("v1.json", v1));
    assertEquals(List.of(new PatientCase.Finding("HP:0001250", false), new PatientCase.Finding("HP:0001945", true)), patient.findings());
    assertEquals("ORPHA_558", Phenopackets.reportId(patient.diagnoses().getFirst()));
    PatientCase proband = Phenopackets.read(write("family.json", "{\"id\": \"fam\", \"proband\": " + V2 + "}"));
    assertEquals("PMID_1_patient_1", proband.id());
  }

  @Test
  void aPacketWithoutId_isNamedByItsFile() throws IOException {
    PatientCase patient = Phenopackets.read(write("case-7.json", "{\"phenotypicFeatures\": [{\"type\": {\"label\": \"wide based walk\"}}]}"));
    assertEquals("case-7", patient.id());
    assertEquals("wide based walk", patient.findings().getFirst().text());
  }

  @Test
  void malformedJson_isRefusedNamingFileLineAndColumn() throws IOException {
    Path bad = write("bad.json", "{\n  \"id\": \"x\",\n  \"phenotypicFeatures\": [ {\"type\": } ]\n}");
    InputFileException e = assertThrows(InputFileException.class, () -> Phenopackets.read(bad));
    assertEquals(bad.toString(), e.file());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().startsWith(bad + ":3: column "), e.getMessage());
    assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void packetsThatAreNotCasesToRank_areRefusedSayingWhy() throws IOException {
    assertMessage(write("a.json", "[1, 2]"), "is not a phenopacket");
    assertMessage(write("b.json", "{\"id\": \"b\"}"), "has no phenotypicFeatures");
    assertMessage(write("c.json", "{\"phenotypicFeatures\": [{\"excluded\": true}]}"), "phenotypicFeatures[0]: has no type");
    assertMessage(write("d.json", "{\"phenotypicFeatures\": [{\"type\": {\"id\": \"HP:1\"}, \"excluded\": \"yes\"}]}"),
        "phenotypicFeatures[0]: excluded: is not true or false");
    StringBuilder many = new StringBuilder("{\"phenotypicFeatures\": [");
    for (int i = 0; i <= Phenopackets.MAX_FEATURES; i++) {
      many.append(i == 0 ? "" : ",").append("{\"type\": {\"id\": \"HP:0001250\"}}");
    }
    assertMessage(write("e.json", many + "]}"), "has 257 phenotypic features; the limit is 256");
    assertMessage(tmp.resolve("missing.json"), "there is no such file");
  }

  @Test
  void aFolder_givesItsJsonFilesByName() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("packets"));
    write("packets/b.json", V2);
    write("packets/a.json", V2);
    write("packets/notes.txt", "not a packet");
    assertEquals(List.of(folder.resolve("a.json"), folder.resolve("b.json")), Phenopackets.files(List.of(folder)));
  }

  private static void assertMessage(Path file, String expected) {
    InputFileException e = assertThrows(InputFileException.class, () -> Phenopackets.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
