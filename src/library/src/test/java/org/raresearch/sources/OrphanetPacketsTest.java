package org.raresearch.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.SectionKind;

class OrphanetPacketsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static DiseaseReport report(String json) throws Exception {
    return OrphanetPackets.toReport(MAPPER.readTree(json));
  }

  @Test
  void packetWithLists_becomesAReportWithEveryField() throws Exception {
    DiseaseReport r = report(OpenDataFixtures.LISTS_PACKET);
    assertEquals("ORPHA_900001", r.id());
    assertEquals("Alpha syndrome", r.title());
    assertEquals(List.of("ALS-X", "Alpha disease"), r.synonyms());
    assertEquals(List.of("Alpha syndrome type 1"), r.subdivisions());
    assertEquals("Alpha syndrome is a rare disorder of the nervous system.", r.section(SectionKind.GENERAL_DISCUSSION));
    assertEquals(
        List.of(
            new Finding("seizure", Frequency.VERY_FREQUENT),
            new Finding("high narrow palate", Frequency.FREQUENT),
            new Finding("ataxia", Frequency.OCCASIONAL)),
        Finding.listedIn(r.section(SectionKind.SIGNS_AND_SYMPTOMS)));
    assertEquals("Inheritance: Autosomal recessive.\nGenes: ALP1 (alpha protein 1).", r.section(SectionKind.CAUSES));
    assertEquals("Prevalence: 1-9 / 1 000 000 (Europe).\nAge of onset: Infancy, Childhood.", r.section(SectionKind.AFFECTED_POPULATIONS));
    String related = r.section(SectionKind.RELATED_DISORDERS);
    assertTrue(related.contains("Disorder type: Disease."), related);
    assertTrue(related.contains("Classified under: Rare neurological disease."), related);
    assertEquals(
        List.of(new CrossReference("OMIM:100100", CrossReference.Match.EXACT), new CrossReference("OMIM:100200", CrossReference.Match.BROADER)),
        r.crossReferences());
    assertEquals(Optional.of(LocalDate.of(2025, 12, 9)), r.lastUpdated());
    assertEquals(Optional.of("Orphanet (c) 2025, ORPHA:900001, licensed under CC BY 4.0 (www.orpha.net)"), r.copyright());
  }

  @Test
  void packetWithObjectsInsteadOfLists_readsEveryItem() throws Exception {
    DiseaseReport r = report(OpenDataFixtures.OBJECTS_PACKET);
    assertEquals(List.of("BTS"), r.synonyms());
    assertEquals(List.of("Beta syndrome, adult form"), r.subdivisions());
    assertEquals(List.of(new Finding("broad-based gait", Frequency.OBLIGATE)), Finding.listedIn(r.section(SectionKind.SIGNS_AND_SYMPTOMS)));
    assertEquals("Inheritance: Autosomal dominant, Not applicable.", r.section(SectionKind.CAUSES));
    assertEquals("Prevalence: 3 case(s) (Worldwide).\nAge of onset: Adult.", r.section(SectionKind.AFFECTED_POPULATIONS));
    assertTrue(r.section(SectionKind.RELATED_DISORDERS).contains("Classified under: Rare neurological disease; Rare eye disease."));
    assertEquals(List.of(new CrossReference("OMIM:100300", CrossReference.Match.NARROWER)), r.crossReferences());
  }

  @Test
  void packetFacts_keepTypePrevalencesOnsetsAndParents() throws Exception {
    DiseaseFacts alpha = report(OpenDataFixtures.LISTS_PACKET).facts();
    assertEquals(Optional.of("Disease"), alpha.disorderType());
    assertFalse(alpha.isGroup());
    assertEquals(List.of(new DiseaseFacts.Prevalence("1-9 / 1 000 000", "", "Europe")), alpha.prevalences());
    assertEquals(List.of("HP:0003593", "HP:0011463"), alpha.onsets(), "Infancy and Childhood as infantile and childhood onset");
    assertEquals(List.of("ORPHA:900000"), alpha.parents());

    DiseaseFacts beta = report(OpenDataFixtures.OBJECTS_PACKET).facts();
    assertEquals(Optional.empty(), beta.disorderType());
    assertEquals(List.of("HP:0003581"), beta.onsets());
    assertEquals(List.of("ORPHA:900000", "ORPHA:900003"), beta.parents());

    DiseaseFacts group = report("""
        {"Orphapacket": {"ORPHAcode": "900009", "Label": "Deficiencies of one enzyme",
          "DisorderType": {"value": "Clinical group"},
          "AverageAgeOfOnsets": [{"AverageAgeOfOnset": {"value": "All ages"}}, {"AverageAgeOfOnset": {"value": "No data available"}}],
          "Prevalences": [{"Prevalence": {"PrevalenceType": "Cases/families", "PrevalenceClass": "Unknown", "PrevalenceGeographic": "Worldwide"}}]}}
        """).facts();
    assertTrue(group.isGroup());
    assertEquals(7, group.onsets().size(), "all ages is every age of onset");
    assertEquals(List.of(new DiseaseFacts.Prevalence("Unknown", "Cases/families", "Worldwide")), group.prevalences());
    assertTrue(report(OpenDataFixtures.BARE_PACKET).facts().isEmpty());
  }

  @Test
  void packetWithOnlyCodeAndLabel_isAReportWithoutSections() throws Exception {
    DiseaseReport r = report(OpenDataFixtures.BARE_PACKET);
    assertEquals("Rare eye disease", r.title());
    assertTrue(r.sections().isEmpty());
    assertTrue(r.synonyms().isEmpty() && r.subdivisions().isEmpty() && r.crossReferences().isEmpty());
    assertTrue(r.lastUpdated().isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"Orphapacket\": {\"Label\": \"No code\"}}",
      "{\"Orphapacket\": {\"ORPHAcode\": \"12a\", \"Label\": \"Bad code\"}}",
      "{\"Orphapacket\": {\"ORPHAcode\": \"12\"}}",
      "{\"Orphapacket\": {\"ORPHAcode\": \"12\", \"Label\": {\"value\": \"not text\"}}}",
      "{\"Orphapacket\": [1, 2]}"
  })
  void packetWithoutUsableCodeOrLabel_isRefusedWithAReason(String json) throws Exception {
    JsonNode packet = MAPPER.readTree(json);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OrphanetPackets.toReport(packet));
    assertTrue(e.getMessage().matches(".*(ORPHAcode|Label|JSON object).*"), e.getMessage());
  }

  @Test
  void items_readsEveryShapeOfARepeatedFieldAlike() throws Exception {
    for (String json : List.of(
        "[{\"X\": \"a\"}, {\"X\": \"b\"}]", "{\"X\": [\"a\", \"b\"]}", "[{\"X\": [\"a\"]}, {\"X\": [\"b\"]}]", "[\"a\", \"b\"]")) {
      assertEquals(List.of("a", "b"), OrphanetPackets.items(MAPPER.readTree(json), "X").stream().map(JsonNode::asText).toList(), json);
    }
    assertEquals(List.of(), OrphanetPackets.items(null, "X"));
    assertEquals(List.of(), OrphanetPackets.items(MAPPER.readTree("null"), "X"));
    assertEquals(List.of(), OrphanetPackets.items(MAPPER.readTree("\"\""), "X"));
  }

  @Test
  void frequencyLabels_mapToTheirClass_unknownOnesToUnknown() {
    assertEquals(Frequency.VERY_RARE, OrphanetPackets.frequency("Very rare (<4-1%)"));
    assertEquals(Frequency.EXCLUDED, OrphanetPackets.frequency("Excluded (0%)"));
    assertEquals(Frequency.UNKNOWN, OrphanetPackets.frequency(""));
    assertEquals(Frequency.UNKNOWN, OrphanetPackets.frequency("Sometimes"));
  }
}
