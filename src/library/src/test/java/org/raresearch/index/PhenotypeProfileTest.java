package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Frequency;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.HpoOntology;

class PhenotypeProfileTest {
  @TempDir Path tmp;

  private static DiseaseReport report(String id, PhenotypeAnnotation... annotations) {
    return new DiseaseReport(id, id, List.of(), List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty(),
        List.of(), List.of(annotations));
  }

  @Test
  void aProfileHoldsEveryAncestor_withTheHighestShareOfItsAnnotatedDescendants() {
    HpoOntology hpo = PhenotypeFixtures.ontology(tmp);
    PhenotypeProfile profile = PhenotypeProfile.of(List.of(
        report("A",
            new PhenotypeAnnotation("HP:0007359", "Focal-onset seizure", Frequency.OCCASIONAL),
            new PhenotypeAnnotation("HP:0002069", "Bilateral tonic-clonic seizure", Frequency.FREQUENT, OptionalDouble.of(60))),
        report("B", new PhenotypeAnnotation("HP:0007359", "Focal-onset seizure", Frequency.VERY_FREQUENT))), hpo);
    Map<String, Integer> f = profile.frequencies();
    assertEquals(900, f.get("HP:0007359"));   // the higher of the two sources
    assertEquals(600, f.get("HP:0002069"));   // an exact share beats its class
    assertEquals(900, f.get("HP:0001250"));   // Seizure, from its most frequent descendant
    assertEquals(900, f.get("HP:0000707"));
    assertEquals(900, f.get("HP:0000001"));
    assertFalse(f.containsKey("HP:0000478"));
  }

  @Test
  void excludedAnnotations_andUnknownTerms_andNoOntology() {
    HpoOntology hpo = PhenotypeFixtures.ontology(tmp);
    PhenotypeProfile profile = PhenotypeProfile.of(List.of(report("A",
        new PhenotypeAnnotation("HP:0001250", "Seizure", Frequency.EXCLUDED),
        new PhenotypeAnnotation("HP:9999999", "Unknown to the ontology", Frequency.UNKNOWN))), hpo);
    assertEquals(Map.of("HP:9999999", 500), profile.frequencies());
    PhenotypeProfile flat = PhenotypeProfile.of(List.of(report("B",
        new PhenotypeAnnotation("HP:0007359", "Focal-onset seizure", Frequency.VERY_RARE))), null);
    assertEquals(Map.of("HP:0007359", 25), flat.frequencies());
  }

  @Test
  void sharesSurviveTheirEncoding() {
    for (double share : new double[] {1, 0.9, 0.55, 0.17, 0.025, 0.001}) {
      assertEquals(share, PhenotypeProfile.decode(PhenotypeProfile.encode(share)), 0.0005);
    }
    assertEquals(1, PhenotypeProfile.encode(0));
  }
}
