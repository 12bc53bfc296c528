package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.DiseaseFields;
import org.raresearch.api.IngestProgress;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.HpoOntology;

/**
 * The disease documents as another engine gets them: {@link IndexSchema#diseaseFields()} names every
 * field a disease document has, as it is indexed, and {@link RareSearch#forEachDisease} hands out
 * each disease's values as the index holds them.
 */
class DiseaseExportTest {
  @Test
  void theSchemaDescribesEveryFieldOfADiseaseDocument(@TempDir Path tmp) {
    HpoOntology ontology = PhenotypeFixtures.ontology(tmp);
    Map<String, IndexSchema.DiseaseField> described = new HashMap<>();
    IndexSchema.diseaseFields().forEach(field -> described.put(field.name(), field));
    List<String> seen = new ArrayList<>();
    for (var report : PhenotypeFixtures.reports()) {
      Document document = DiseaseDocuments.toDocument(report.id(), List.of(report), ontology);
      for (IndexableField field : document) {
        IndexSchema.DiseaseField schema = described.get(field.name());
        assertTrue(schema != null, "the schema does not describe the field " + field.name());
        if (field.fieldType().docValuesType() != DocValuesType.NONE) {
          assertTrue(schema.sortable() || field.fieldType().docValuesType() == DocValuesType.SORTED_SET, field.name());
          continue;
        }
        assertEquals(schema.indexOptions(), field.fieldType().indexOptions(), field.name());
        assertEquals(schema.stored(), field.fieldType().stored(), field.name());
        boolean analysed = schema.analysis() != IndexSchema.Analysis.KEYWORD && schema.analysis() != IndexSchema.Analysis.FEATURES;
        assertEquals(analysed, field.fieldType().tokenized(), field.name());
        seen.add(field.name());
      }
    }
    assertTrue(seen.contains(IndexSchema.PHENOTYPE), seen.toString());
    assertTrue(seen.contains(IndexSchema.TITLE), seen.toString());
  }

  @Test
  void handsOutEachDiseaseOnceWithItsIndexedValues(@TempDir Path tmp) throws Exception {
    HpoOntology ontology = PhenotypeFixtures.ontology(tmp);
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.ingest(PhenotypeFixtures.source(ontology), IngestProgress.NONE);
      List<DiseaseFields> diseases = new ArrayList<>();
      long count = rare.forEachDisease(diseases::add);
      assertEquals(count, diseases.size());
      // ORPHA_910001 and OMIM_610001 are one disease (an exact cross-reference): five diseases.
      assertEquals(5, count);
      DiseaseFields tonic = diseases.stream().filter(d -> d.id().equals("ORPHA_910001")).findFirst().orElseThrow();
      assertEquals(List.of("Tonic syndrome"), tonic.fields().get(IndexSchema.TITLE));
      assertEquals(List.of("ORPHA_910001", "OMIM_610001"), tonic.fields().get(IndexSchema.MEMBER));
      assertEquals(List.of("disease"), tonic.fields().get(IndexSchema.KIND));
      List<String> phenotypes = tonic.fields().get(IndexSchema.PHENOTYPE);
      assertTrue(phenotypes.stream().anyMatch(p -> p.startsWith("HP:0002069|")), phenotypes.toString());
      for (String phenotype : phenotypes) {
        int frequency = Integer.parseInt(phenotype.substring(phenotype.indexOf(DiseaseExport.FREQUENCY_DELIMITER) + 1));
        assertTrue(frequency > 0 && frequency <= PhenotypeProfile.SCALE, phenotype);
      }
      assertFalse(tonic.fields().get(IndexSchema.NAME_KEY).isEmpty());
    }
  }

  @Test
  void handsOutTheBundledReportsDiseases() {
    try (RareSearch rare = BundledIndex.open()) {
      List<String> ids = new ArrayList<>();
      long count = rare.forEachDisease(disease -> ids.add(disease.id()));
      assertEquals(ids.size(), count);
      assertEquals(ids.size(), ids.stream().distinct().count());
      assertTrue(count >= 40, "diseases: " + count);
    }
  }
}
