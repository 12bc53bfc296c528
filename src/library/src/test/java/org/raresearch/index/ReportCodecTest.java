package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Frequency;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;

class ReportCodecTest {

  @Test
  void crossReferences_surviveTheStoredForm() {
    DiseaseReport report = new DiseaseReport(
        "ORPHA_1", "Alpha syndrome", List.of("AS"), List.of(),
        Map.of(SectionKey.of(SectionKind.GENERAL_DISCUSSION), "A disorder."), List.of(), Optional.empty(), Optional.empty(),
        List.of(new CrossReference("OMIM:100100", CrossReference.Match.EXACT), new CrossReference("OMIM:100200", CrossReference.Match.BROADER)));
    assertEquals(report, ReportCodec.decode(ReportCodec.encode(report)));
  }

  @Test
  void facts_surviveTheStoredForm() {
    DiseaseFacts facts = new DiseaseFacts(Optional.of("Clinical group"),
        List.of(new DiseaseFacts.Prevalence("1-5 / 10 000", "Point prevalence", "Europe"), new DiseaseFacts.Prevalence("Unknown", "Cases/families", "")),
        List.of("HP:0003593"), List.of("ORPHA:68385"));
    DiseaseReport report = new DiseaseReport(
        "ORPHA_2", "Beta group", List.of(), List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty(), List.of(), List.of(), facts);
    DiseaseReport read = ReportCodec.decode(ReportCodec.encode(report));
    assertEquals(report, read);
    assertEquals(facts, read.facts());
    assertTrue(read.facts().isGroup());
  }

  @Test
  void reportWithoutCrossReferences_isStoredAsBefore() {
    DiseaseReport report = new DiseaseReport(
        "x", "Xeno disease", List.of(), List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty());
    assertFalse(ReportCodec.encode(report).contains("crossReferences"));
    assertEquals(report, ReportCodec.decode(ReportCodec.encode(report)));
  }

  @Test
  void storedForm_isTheOneImportDigestsAreTakenOf() {
    // An import skips a report whose stored form is unchanged: these bytes must not change without a
    // new schema version.
    DiseaseReport report = new DiseaseReport("ORPHA_1", "Alpha \"syndrome\"", List.of("AS"), List.of(),
        Map.of(SectionKey.of(SectionKind.GENERAL_DISCUSSION), "A disorder."), List.of(), Optional.of(LocalDate.of(2024, 5, 1)),
        Optional.empty(), List.of(new CrossReference("OMIM:100100", CrossReference.Match.EXACT)),
        List.of(new PhenotypeAnnotation("HP:0001250", "Seizure", Frequency.FREQUENT, OptionalDouble.of(55.5))));
    assertEquals("{\"id\":\"ORPHA_1\",\"title\":\"Alpha \\\"syndrome\\\"\",\"synonyms\":[\"AS\"],\"subdivisions\":[],"
        + "\"sections\":[{\"kind\":\"GENERAL_DISCUSSION\",\"heading\":\"General Discussion\",\"text\":\"A disorder.\"}],"
        + "\"organizations\":[],\"lastUpdated\":\"2024-05-01\",\"crossReferences\":[{\"id\":\"OMIM:100100\",\"match\":\"EXACT\"}],"
        + "\"phenotypes\":[{\"id\":\"HP:0001250\",\"label\":\"Seizure\",\"frequency\":\"FREQUENT\",\"share\":55.5}]}",
        ReportCodec.encode(report));
    assertEquals(report, ReportCodec.decode(ReportCodec.encode(report)));
  }

  @Test
  void crossReference_mustBeSourceColonAccession() {
    assertThrows(IllegalArgumentException.class, () -> new CrossReference("154700", CrossReference.Match.EXACT));
    assertThrows(IllegalArgumentException.class, () -> new CrossReference("OMIM: 154700", CrossReference.Match.EXACT));
    assertEquals("OMIM", new CrossReference("OMIM:154700", CrossReference.Match.EXACT).source());
  }
}
