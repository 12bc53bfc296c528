package org.raresearch.search.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.RankingConfig;
import org.raresearch.index.IndexSchema;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.HpoOntology;

/**
 * The phenotype evidence of a term, whole and for gathering candidates, on a real index of the
 * phenotype fixtures: six diseases, every one below "Phenotypic abnormality", three with an
 * abnormality of the eye.
 */
class PhenotypeEvidenceQueryTest {

  @TempDir static Path tmp;
  private static Directory directory;
  private static DirectoryReader reader;
  private static HpoOntology ontology;
  private static final RankingConfig.Phenotypes SETTINGS = RankingConfig.defaults().phenotypes();

  @BeforeAll
  static void open() throws IOException {
    Path index = tmp.resolve("fixtures");
    ontology = PhenotypeFixtures.ontology(tmp);
    try (RareSearch writer = RareSearch.open(index)) {
      writer.ingest(PhenotypeFixtures.source(ontology), IngestProgress.NONE);
    }
    directory = FSDirectory.open(index);
    reader = DirectoryReader.open(directory);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  @Test
  void gathering_leavesOutAncestorsMostDiseasesHave() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> nystagmus = ontology.lineage("HP:0000639");
    Map<String, Float> whole = scores(searcher, new PhenotypeEvidenceQuery(nystagmus, SETTINGS));
    // Ancestors held by more than 60% of the diseases with a profile ("Phenotypic abnormality", the
    // root) are left out; "Abnormality of the eye" (three diseases) still counts.
    Map<String, Float> gathered = scores(searcher, PhenotypeEvidenceQuery.gathering(nystagmus, SETTINGS, 0.6, 1));
    double limit = 0.6 * searcher.collectionStatistics(IndexSchema.PHENOTYPE).docCount();
    List<String> lessCommon = new ArrayList<>();
    for (String term : nystagmus) {
      if (term.equals(nystagmus.getFirst()) || reader.docFreq(new Term(IndexSchema.PHENOTYPE, term)) <= limit) {
        lessCommon.add(term);
      }
    }
    assertEquals(List.of("HP:0000639", "HP:0000478"), lessCommon);
    assertEquals(scores(searcher, new PhenotypeEvidenceQuery(lessCommon, SETTINGS)), gathered);
    assertTrue(whole.size() > gathered.size(), "the common ancestors matched more diseases: " + whole + " " + gathered);
    assertTrue(whole.keySet().containsAll(gathered.keySet()), "gathering matches no disease the whole evidence does not");
  }

  @Test
  void gathering_alwaysCountsTheTermItself_howeverCommon() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> common = ontology.lineage("HP:0000118");
    Map<String, Float> whole = scores(searcher, new PhenotypeEvidenceQuery(common, SETTINGS));
    Map<String, Float> gathered = scores(searcher, PhenotypeEvidenceQuery.gathering(common, SETTINGS, 0.1, 1));
    assertTrue(reader.docFreq(new Term(IndexSchema.PHENOTYPE, "HP:0000001")) > 1, "the root is common");
    assertTrue(!whole.isEmpty());
    assertEquals(whole, gathered);
  }

  @Test
  void gathering_belowTheFewDiseases_countsEveryAncestor() throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    List<String> nystagmus = ontology.lineage("HP:0000639");
    assertEquals(scores(searcher, new PhenotypeEvidenceQuery(nystagmus, SETTINGS)),
        scores(searcher, PhenotypeEvidenceQuery.gathering(nystagmus, SETTINGS, 0.1)));
  }

  private static Map<String, Float> scores(IndexSearcher searcher, Query query) throws IOException {
    Map<String, Float> scores = new TreeMap<>();
    for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
      String id = searcher.storedFields().document(hit.doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID);
      scores.put(id, hit.score);
    }
    return scores;
  }
}
