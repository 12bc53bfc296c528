package org.raresearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;

/** Which reports make a disease, on a real index, as reports come and go. */
class DiseaseLinksTest {
  @TempDir Path tmp;

  private static DiseaseReport report(String id, String... exactLinks) {
    List<CrossReference> links = java.util.Arrays.stream(exactLinks).map(l -> new CrossReference(l, CrossReference.Match.EXACT)).toList();
    return new DiseaseReport(id, "Disease " + id, List.of(), List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty(), links);
  }

  /** Disease id to the ids of its reports, its own first, as committed. */
  private static Map<String, List<String>> diseases(Path index) throws IOException {
    Map<String, List<String>> diseases = new TreeMap<>();
    try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc hit : searcher.search(new TermQuery(new Term(IndexSchema.KIND, IndexSchema.KIND_DISEASE)), 100).scoreDocs) {
        var doc = stored.document(hit.doc, Set.of(IndexSchema.ID, IndexSchema.MEMBER));
        diseases.put(doc.get(IndexSchema.ID), List.of(doc.getValues(IndexSchema.MEMBER)));
      }
    }
    return diseases;
  }

  @Test
  void anOrphanetReport_joinsWhatMapsToIt_andWhatItMapsToExactly() throws IOException {
    Path index = tmp.resolve("index");
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      indexer.update(report("ORPHA_1", "OMIM:100"), "d", "orphanet");
      indexer.update(report("HPO_ORPHA_1", "ORPHA:1"), "d", "hpo");
      indexer.update(report("OMIM_100"), "d", "hpo");
      indexer.update(report("OMIM_300"), "d", "hpo");
      // OMIM:200 is mapped exactly by two Orphanet entities: it belongs to both.
      indexer.update(report("ORPHA_2", "OMIM:200"), "d", "orphanet");
      indexer.update(report("ORPHA_3", "OMIM:200"), "d", "orphanet");
      indexer.update(report("OMIM_200"), "d", "hpo");
      indexer.commit();
    }
    assertEquals(Map.of(
        "ORPHA_1", List.of("ORPHA_1", "HPO_ORPHA_1", "OMIM_100"),
        "ORPHA_2", List.of("ORPHA_2", "OMIM_200"),
        "ORPHA_3", List.of("ORPHA_3", "OMIM_200"),
        "OMIM_300", List.of("OMIM_300")), diseases(index));

    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      // Without its anchor, each report is a disease of its own again...
      indexer.delete("ORPHA_1");
      // ...and a report that starts mapping to an anchor joins it.
      indexer.update(report("ORPHA_3", "OMIM:200", "OMIM:300"), "e", "orphanet");
      indexer.commit();
    }
    assertEquals(Map.of(
        "HPO_ORPHA_1", List.of("HPO_ORPHA_1"),
        "OMIM_100", List.of("OMIM_100"),
        "ORPHA_2", List.of("ORPHA_2", "OMIM_200"),
        "ORPHA_3", List.of("ORPHA_3", "OMIM_200", "OMIM_300")), diseases(index));
  }

  private static DiseaseReport entity(String id, String type, List<CrossReference> references, String... parents) {
    return new DiseaseReport(id, "Disease " + id, List.of(), List.of(), Map.of(), List.of(), Optional.empty(), Optional.empty(),
        references, List.of(), new DiseaseFacts(Optional.of(type), List.of(), List.of(), List.of(parents)));
  }

  @Test
  void aDisorderUnderAGroup_hasTheReportsOfTheGroupsExactMapping_whenItIsMappedAsNarrower() throws IOException {
    Path index = tmp.resolve("index");
    CrossReference exact = new CrossReference("OMIM:261600", CrossReference.Match.EXACT);
    CrossReference narrower = new CrossReference("OMIM:261600", CrossReference.Match.NARROWER);
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      indexer.update(entity("ORPHA_708881", "Clinical group", List.of(exact)), "d", "orphanet");
      indexer.update(entity("ORPHA_716", "Disease", List.of(narrower), "ORPHA:708881", "ORPHA:68385"), "d", "orphanet");
      // Narrower too, but not classified under the group: the mapping does not make it the OMIM entry.
      indexer.update(entity("ORPHA_293284", "Clinical subtype", List.of(narrower), "ORPHA:716"), "d", "orphanet");
      indexer.commit();
    }
    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      // The annotations come later, in another import: the disease under the group is rebuilt.
      indexer.update(report("OMIM_261600"), "d", "hpo");
      indexer.commit();
    }
    assertEquals(Map.of(
        "ORPHA_708881", List.of("ORPHA_708881", "OMIM_261600"),
        "ORPHA_716", List.of("ORPHA_716", "OMIM_261600"),
        "ORPHA_293284", List.of("ORPHA_293284")), diseases(index));

    try (ReportIndexer indexer = ReportIndexer.open(index)) {
      // Once the entity above is no group, its mapping is its own.
      indexer.update(entity("ORPHA_708881", "Disease", List.of(exact)), "e", "orphanet");
      indexer.commit();
    }
    assertEquals(List.of("ORPHA_716"), diseases(index).get("ORPHA_716"));
  }
}
