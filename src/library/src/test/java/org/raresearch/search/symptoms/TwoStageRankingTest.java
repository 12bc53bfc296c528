package org.raresearch.search.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.SymptomSynonyms;
import org.raresearch.api.RankingConfig;
import org.raresearch.index.IndexSchema;
import org.raresearch.api.IngestProgress;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.vocabulary.HpoOntology;

/**
 * The two-stage search ({@link SymptomRanking#search}) against the full ranking run alone, on real
 * indexes on disk: the bundled reports (text ranking) and the phenotype fixtures (with phenotype
 * evidence and contradictions). With a window holding every match the two must agree hit for hit,
 * score for score.
 */
class TwoStageRankingTest {

  @TempDir static Path tmp;
  private static Directory bundledDirectory;
  private static Directory fixtureDirectory;
  private static DirectoryReader bundled;
  private static DirectoryReader fixtures;
  private static HpoOntology ontology;

  @BeforeAll
  static void open() throws IOException {
    bundledDirectory = FSDirectory.open(BundledIndex.path());
    bundled = DirectoryReader.open(bundledDirectory);
    Path index = tmp.resolve("fixtures");
    ontology = PhenotypeFixtures.ontology(tmp);
    try (RareSearch writer = RareSearch.open(index)) {
      writer.ingest(PhenotypeFixtures.source(ontology), IngestProgress.NONE);
    }
    fixtureDirectory = FSDirectory.open(index);
    fixtures = DirectoryReader.open(fixtureDirectory);
  }

  @AfterAll
  static void close() throws IOException {
    for (AutoCloseable c : new AutoCloseable[] {bundled, bundledDirectory, fixtures, fixtureDirectory}) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IOException(e);
      }
    }
  }

  private static SymptomRanking textRanking() {
    return new SymptomRanking(Analyzers.textQuery(SymptomSynonyms.defaults()), RankingConfig.defaults(), FindingExpansion.NONE, null);
  }

  private static SymptomRanking phenotypeRanking() {
    return new SymptomRanking(Analyzers.textQuery(SymptomSynonyms.defaults()), RankingConfig.defaults(),
        HpoFindingExpansion.withDefaults(ontology), ontology);
  }

  @Test
  void onTheBundledReports_twoStagesRankAsTheFullRanking() throws IOException {
    IndexSearcher searcher = new IndexSearcher(bundled);
    for (String query : List.of(
        "heliotrope rash, proximal muscle weakness",
        "muscle weakness; difficulty swallowing; no fever",
        "droopy eyelid, double vision, fatigue worse in the evening",
        "\"muscle weakness\", rash",
        "recurrent oral ulcers, genital ulcers, uveitis",
        "dermatomyositis",
        "progressive weakness of the legs, high arched feet, loss of sensation",
        "fever, joint pain, salmon-colored rash, sore throat",
        "abnormal level of creatine kinase")) {
      assertSameRanking(searcher, textRanking(), query);
    }
  }

  @Test
  void withPhenotypesAndContradictions_twoStagesRankAsTheFullRanking() throws IOException {
    IndexSearcher searcher = new IndexSearcher(fixtures);
    for (String query : List.of(
        "grand mal seizures; ataxia",
        "seizures",
        "focal-onset seizure",
        "nystagmus; no seizures",
        "nystagmus",
        "ptosis, fever",
        "\"broad-based gait\", ataxia",
        "tonic syndrome")) {
      assertSameRanking(searcher, phenotypeRanking(), query);
    }
  }

  /**
   * The full ranking's hits, sorted by score then disease id, equal the two stages' over a window
   * holding every match, and the first stage matches every disease the full ranking does. Over a
   * smaller window, every hit has its score by the full ranking.
   */
  private static void assertSameRanking(IndexSearcher searcher, SymptomRanking ranking, String query) throws IOException {
    SymptomRanking.Prepared prepared = ranking.prepare(query);
    int all = searcher.getIndexReader().maxDoc();
    TopFieldDocs full = searcher.search(prepared.query(), all, IndexSchema.BY_SCORE_THEN_ID, false);
    assertFalse(full.scoreDocs.length == 0, "no match for " + query);

    Set<Integer> firstStage = docs(searcher, prepared.candidates(), all);
    Map<Integer, Float> fullScores = new HashMap<>();
    List<String> expected = new ArrayList<>();
    for (ScoreDoc hit : full.scoreDocs) {
      assertTrue(firstStage.contains(hit.doc), "the first stage misses doc " + hit.doc + " for " + query);
      float score = (Float) ((FieldDoc) hit).fields[0];
      fullScores.put(hit.doc, score);
      expected.add(hit.doc + " " + score);
    }

    SymptomRanking.Ranked twoStages = ranking.twoStages(searcher, prepared, all, all);
    assertEquals(expected, described(twoStages), query);
    assertEquals(full.totalHits.value(), twoStages.totalMatches(), query);
    for (SymptomRanking.Hit hit : twoStages.hits()) {
      String id = searcher.storedFields().document(hit.doc(), Set.of(IndexSchema.ID)).get(IndexSchema.ID);
      assertEquals(id, hit.id(), query);
    }
    // The library's search: on these small indexes, the full ranking alone.
    assertEquals(expected.subList(0, Math.min(10, expected.size())), described(ranking.search(searcher, prepared, 10)), query);

    SymptomRanking.Ranked narrow = ranking.twoStages(searcher, prepared, 3, 3);
    assertFalse(narrow.hits().isEmpty(), query);
    float previous = Float.POSITIVE_INFINITY;
    for (SymptomRanking.Hit hit : narrow.hits()) {
      assertEquals(fullScores.get(hit.doc()), hit.score(), query);
      assertTrue(hit.score() <= previous, query);
      previous = hit.score();
    }
  }

  private static List<String> described(SymptomRanking.Ranked ranked) {
    List<String> hits = new ArrayList<>();
    for (SymptomRanking.Hit hit : ranked.hits()) {
      hits.add(hit.doc() + " " + hit.score());
    }
    return hits;
  }

  private static Set<Integer> docs(IndexSearcher searcher, Query query, int all) throws IOException {
    Set<Integer> docs = new HashSet<>();
    for (ScoreDoc hit : searcher.search(query, all).scoreDocs) {
      docs.add(hit.doc);
    }
    return docs;
  }
}
