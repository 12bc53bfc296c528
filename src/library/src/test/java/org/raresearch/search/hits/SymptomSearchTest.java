package org.raresearch.search.hits;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.raresearch.RareSearch;
import org.raresearch.api.SearchHit;
import org.raresearch.api.Snippet;
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ReportDirectory;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.SharedData;

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

  /**
   * One query per bundled report, written from its Signs &amp; Symptoms in other words (lay terms,
   * another order, inflections): report id, tab, query.
   */
  static List<Arguments> sampleQueries() throws IOException {
    List<Arguments> queries = new ArrayList<>();
    for (String batch : List.of("batch1", "batch2", "batch3")) {
      try (InputStream in = SymptomSearchTest.class.getResourceAsStream("/sample-queries/" + batch + ".tsv")) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (!line.isBlank()) {
            String[] fields = line.split("\t", 2);
            queries.add(Arguments.of(fields[0], fields[1]));
          }
        }
      }
    }
    return queries;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleQueries")
  void rewordedSymptomQuery_ranksTheReportItWasWrittenFromFirst(String reportId, String query) {
    assertEquals(reportId, ids(query, 3).get(0), "first hits for \"" + query + "\": " + ids(query, 3));
  }

  /**
   * The same findings written as a case description: sentences, a lead-in naming the patient and
   * the visit, lists in prose ("A, B and C").
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleQueries")
  void sameFindingsAsACaseDescription_rankTheReportFirst(String reportId, String query) {
    List<String> findings = List.of(query.split(query.contains(";") ? ";" : ","));
    int half = (findings.size() + 1) / 2;
    String description = "The patient presented with " + prose(findings.subList(0, half)) + ". "
        + (half < findings.size() ? "Examination showed " + prose(findings.subList(half, findings.size())) + "." : "");
    assertEquals(reportId, ids(description, 3).get(0), "first hits for \"" + description + "\": " + ids(description, 3));
  }

  private static String prose(List<String> findings) {
    List<String> items = findings.stream().map(String::strip).toList();
    return items.size() == 1 ? items.getFirst()
        : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
  }

  @Test
  void sampleQueries_coverEveryBundledReportOnce() throws IOException {
    List<String> ids = sampleQueries().stream().map(a -> (String) a.get()[0]).sorted().toList();
    List<String> reports = ReportDirectory.reportFiles(SharedData.bundledReports()).stream()
        .map(NordReportParser::idOf).sorted().toList();
    assertEquals(reports, ids);
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
  void quotedPhrase_matchesOnlyReportsWithTheWordsTogether() {
    // Stiff Person Syndrome describes "painful muscle spasms"; the reports of ALS and Gaucher disease
    // have both words, never together.
    List<String> quoted = ids("\"muscle spasms\"", 50);
    List<String> unquoted = ids("muscle spasms", 50);
    assertEquals(List.of("stiff-person-syndrome"), quoted);
    assertEquals("stiff-person-syndrome", unquoted.get(0));
    assertTrue(unquoted.containsAll(List.of("amyotrophic-lateral-sclerosis", "gaucher-disease")), unquoted.toString());
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
