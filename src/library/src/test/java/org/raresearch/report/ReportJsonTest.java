package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.raresearch.testing.SharedData;

/** The JSON users see of a report: every part of a real report file, and of an imported one. */
class ReportJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void reportFile_showsItsNamesSectionsInOrderAndOrganizations() throws Exception {
    DiseaseReport report = new NordReportParser().parse(SharedData.bundledReports().resolve("dermatomyositis.txt")).report();

    JsonNode json = MAPPER.readTree(ReportJson.of(report));

    assertEquals("dermatomyositis", json.get("id").asText());
    assertEquals(report.title(), json.get("title").asText());
    assertEquals(report.synonyms().size(), json.get("synonyms").size());
    assertEquals(report.sections().size(), json.get("sections").size());
    int i = 0;
    for (Map.Entry<SectionKey, String> section : report.sections().entrySet()) {
      JsonNode shown = json.get("sections").get(i++);
      assertEquals(section.getKey().kind().name(), shown.get("kind").asText());
      assertEquals(section.getKey().name(), shown.get("heading").asText());
      assertEquals(section.getValue(), shown.get("text").asText());
    }
    assertEquals(report.organizations().size(), json.get("organizations").size());
    assertEquals(report.organizations().getFirst().name(), json.get("organizations").get(0).get("name").asText());
    assertFalse(json.has("crossReferences"), "a report file has none");
    assertFalse(json.has("phenotypes"), "a report file has none");
  }

  @Test
  void importedReport_showsItsCrossReferencesAndPhenotypesWithTheirShare() throws Exception {
    DiseaseReport report = new DiseaseReport("ORPHA_558", "Marfan syndrome", List.of("MFS"), List.of(),
        Map.of(SectionKey.of(SectionKind.GENERAL_DISCUSSION), "A disorder of connective tissue."), List.of(),
        Optional.empty(), Optional.of("Orphanet"), List.of(new CrossReference("OMIM:154700", CrossReference.Match.EXACT)),
        List.of(new PhenotypeAnnotation("HP:0001166", "Arachnodactyly", Frequency.VERY_FREQUENT, OptionalDouble.of(85)),
            new PhenotypeAnnotation("HP:0000545", "Myopia", Frequency.FREQUENT)));

    JsonNode json = MAPPER.readTree(ReportJson.of(report));

    assertEquals("Orphanet", json.get("copyright").asText());
    assertFalse(json.has("lastUpdated"));
    assertEquals("OMIM:154700", json.get("crossReferences").get(0).get("id").asText());
    assertEquals("EXACT", json.get("crossReferences").get(0).get("match").asText());
    JsonNode arachnodactyly = json.get("phenotypes").get(0);
    assertEquals("HP:0001166", arachnodactyly.get("id").asText());
    assertEquals("VERY_FREQUENT", arachnodactyly.get("frequency").asText());
    assertTrue(arachnodactyly.get("share").isNumber());
    assertEquals(85.0, arachnodactyly.get("share").asDouble());
    assertFalse(json.get("phenotypes").get(1).has("share"), "no share where the source gives none");
  }
}
