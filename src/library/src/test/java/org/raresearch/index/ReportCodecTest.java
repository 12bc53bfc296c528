package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseReport;
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
  void reportWithoutCrossReferences_isStoredAsBefore() {
    DiseaseReport report = new DiseaseReport(
        "x", "Xeno disease", List.of(), List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty());
    assertFalse(ReportCodec.encode(report).contains("crossReferences"));
    assertEquals(report, ReportCodec.decode(ReportCodec.encode(report)));
  }

  @Test
  void crossReference_mustBeSourceColonAccession() {
    assertThrows(IllegalArgumentException.class, () -> new CrossReference("154700", CrossReference.Match.EXACT));
    assertThrows(IllegalArgumentException.class, () -> new CrossReference("OMIM: 154700", CrossReference.Match.EXACT));
    assertEquals("OMIM", new CrossReference("OMIM:154700", CrossReference.Match.EXACT).source());
  }
}
