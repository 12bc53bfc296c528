package org.raresearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raresearch.RareSearch;
import org.raresearch.SearchHit;
import org.raresearch.SearchResults;
import org.raresearch.Snippet;
import org.raresearch.testing.BundledIndex;

/** Symptom search over the bundled corpus, indexed for real. */
class SymptomSearchTest {
  private static RareSearch rare;

  @BeforeAll
  static void open() {
    rare = BundledIndex.open();
  }

  @AfterAll
  static void close() throws IOException {
    rare.close();
  }

  private static List<String> ids(String query, int limit) {
    return rare.search(query, limit).hits().stream().map(SearchHit::id).toList();
  }

  /** Queries written from each report's Signs &amp; Symptoms in other words (lay terms, other order, inflections). */
  static List<String[]> sampleQueries() throws IOException {
    List<String[]> queries = new ArrayList<>();
    for (String batch : List.of("batch1", "batch2", "batch3")) {
      try (InputStream in = SymptomSearchTest.class.getResourceAsStream("/sample-queries/" + batch + ".tsv")) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) {
            queries.add(line.split("\t", 2));
          }
        }
      }
    }
    return queries;
  }

  @Test
  void reworded_symptomQueries_rankTheirReportInTheTop3_forAtLeast90Percent() throws IOException {
    List<String[]> queries = sampleQueries();
    int top1 = 0;
    int top3 = 0;
    List<String> misses = new ArrayList<>();
    for (String[] q : queries) {
      List<String> ids = ids(q[1], 3);
      if (!ids.isEmpty() && ids.get(0).equals(q[0])) {
        top1++;
      }
      if (ids.contains(q[0])) {
        top3++;
      } else {
        misses.add(q[0] + " -> " + ids);
      }
    }
    double share = top3 / (double) queries.size();
    System.out.printf(
        "Reworded symptom queries: %d/%d (%.1f%%) in the top 3, %d (%.1f%%) first; misses: %s%n",
        top3, queries.size(), 100 * share, top1, 100.0 * top1 / queries.size(), misses);
    assertTrue(queries.size() >= 40);
    assertTrue(share >= 0.90, "only " + top3 + "/" + queries.size() + " in the top 3; misses: " + misses);
  }

  @Test
  void hits_sayWhereTheyMatched_withHighlightedSnippets() {
    SearchHit hit = rare.search("heliotrope rash, proximal muscle weakness, trouble climbing stairs", 5).hits().get(0);
    assertEquals("dermatomyositis", hit.id());
    assertEquals("Dermatomyositis", hit.title());
    assertTrue(hit.matchedSections().contains("Signs & Symptoms"), hit.matchedSections().toString());
    assertFalse(hit.snippets().isEmpty());
    Snippet snippet = hit.snippets().get(0);
    assertFalse(snippet.highlights().isEmpty());
    String marked = String.join(" ", hit.snippets().stream().map(s -> s.marked("[", "]")).toList()).toLowerCase();
    assertTrue(marked.contains("[heliotrope rash]") || marked.contains("[proximal muscle weakness]"), marked);
  }

  @Test
  void inflections_matchTheirStem() {
    assertEquals(ids("butterfly rash on cheeks", 3), ids("butterfly rashes on the cheek", 3));
    assertEquals("systemic-lupus-erythematosus", ids("butterfly rashes on the cheek", 1).get(0));
  }

  @Test
  void laySynonyms_findClinicalTerms() {
    assertTrue(ids("droopy eyelid, double vision, tired arms", 3).contains("myasthenia-gravis"));
    assertEquals("systemic-lupus-erythematosus", ids("malar rash", 1).get(0));
  }

  @Test
  void phrases_rankAboveTheSameWordsScattered() {
    // "muscle weakness" as a phrase vs a report that has the words apart.
    SearchResults phrase = rare.search("\"calf pseudohypertrophy\"", 5);
    assertFalse(phrase.hits().isEmpty());
    assertTrue(phrase.hits().get(0).id().contains("muscular-dystrophy"), phrase.hits().get(0).id());
  }

  @Test
  void reportsMatchingMoreFindings_rankAboveOnesMatchingOneFindingOften() {
    // Myasthenia gravis has ptosis, diplopia and dysphagia; reports that say "ptosis" many times
    // but nothing else must not come first.
    List<String> ids = ids("ptosis, double vision, trouble swallowing, fatigable weakness", 3);
    assertEquals("myasthenia-gravis", ids.get(0), ids.toString());
  }

  @Test
  void diseaseName_asQuery_findsThatDiseaseFirst() {
    assertEquals("marfan-syndrome", ids("Marfan syndrome", 1).get(0));
  }

  @Test
  void ties_areBrokenByReportId_soResultsAreStable() {
    List<SearchHit> hits = rare.search("disorder", 50).hits();
    for (int i = 1; i < hits.size(); i++) {
      SearchHit a = hits.get(i - 1);
      SearchHit b = hits.get(i);
      assertTrue(a.score() > b.score() || (a.score() == b.score() && a.id().compareTo(b.id()) < 0), a + " / " + b);
    }
    assertEquals(hits, rare.search("disorder", 50).hits());
  }
}
