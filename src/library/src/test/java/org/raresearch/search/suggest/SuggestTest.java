package org.raresearch.search.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.Suggestion;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.report.NordReportParser;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.PhenotypeFixtures;
import org.raresearch.testing.SharedData;

/** Completions of disease names and HPO findings, on the bundled index and a small ontology. */
class SuggestTest {
  private static List<String> texts(List<Suggestion> suggestions) {
    return suggestions.stream().map(Suggestion::text).toList();
  }

  @Test
  void aPrefixOfATitle_suggestsThatDisease_withItsId() throws Exception {
    try (RareSearch rare = BundledIndex.open()) {
      List<Suggestion> suggestions = rare.suggest("dermato", 5);
      assertEquals(new Suggestion("Dermatomyositis", Suggestion.Kind.DISEASE_NAME, "dermatomyositis"), suggestions.getFirst());
    }
  }

  @Test
  void laterWordsComplete_andNamesStartingWithTheWordComeFirst() throws Exception {
    try (RareSearch rare = BundledIndex.open()) {
      List<String> dystrophies = texts(rare.suggest("muscular dys", 10));
      assertTrue(dystrophies.contains("Duchenne Muscular Dystrophy") || dystrophies.contains("Duchenne muscular dystrophy"), dystrophies.toString());
      assertTrue(dystrophies.size() >= 4, dystrophies.toString());
      for (String name : dystrophies) {
        assertTrue(name.toLowerCase(java.util.Locale.ROOT).contains("muscular dys"), name);
      }
      List<String> myas = texts(rare.suggest("myasth", 5));
      assertEquals("Myasthenia Gravis", myas.getFirst(), myas.toString());
    }
  }

  @Test
  void aSynonymSharedByTwoDiseases_isOfferedOnce() throws Exception {
    try (RareSearch rare = BundledIndex.open()) {
      List<Suggestion> suggestions = rare.suggest("IIM", 10);
      assertEquals(1, suggestions.stream().filter(s -> s.text().equals("IIM")).count(), suggestions.toString());
    }
  }

  @Test
  void hostileAndEmptyInput_isRefusedOrAnsweredEmpty() throws Exception {
    try (RareSearch rare = BundledIndex.open()) {
      assertThrows(InvalidQueryException.class, () -> rare.suggest("   ", 5));
      assertThrows(InvalidQueryException.class, () -> rare.suggest("a".repeat(Suggester.MAX_PREFIX_CHARS + 1), 5));
      assertThrows(InvalidQueryException.class, () -> rare.suggest("derm", 0));
      assertEquals(List.of(), rare.suggest("*?~/\\ ( ) \"", 5));
      assertEquals(List.of(), rare.suggest("zzqxj", 5));
      assertTrue(rare.suggest("a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(3).strip(), 5).isEmpty());
    }
  }

  @Test
  void theLookupIsRebuilt_whenTheIndexChanges(@TempDir Path tmp) throws Exception {
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    Files.copy(SharedData.bundledReports().resolve("marfan-syndrome.txt"), reports.resolve("marfan-syndrome.txt"));
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.sync(reports);
      assertEquals("Marfan syndrome", rare.suggest("marf", 5).getFirst().text());
      assertEquals(List.of(), texts(rare.suggest("wilso", 5)));
      rare.update(new NordReportParser().parse(SharedData.bundledReports().resolve("wilson-disease.txt")).report());
      assertEquals("Wilson disease", rare.suggest("wilso", 5).getFirst().text());
      rare.delete("marfan-syndrome");
      assertEquals(List.of(), texts(rare.suggest("marf", 5)));
    }
  }

  @Test
  void withAnOntology_findingsAreSuggestedToo_withTheirTermIds(@TempDir Path tmp) throws Exception {
    try (RareSearch rare = RareSearch.builder(BundledIndex.path()).readOnly().hpo(PhenotypeFixtures.ontology(tmp)).open()) {
      assertEquals(new Suggestion("Broad-based gait", Suggestion.Kind.FINDING, "HP:0002136"), rare.suggest("broad-bas", 5).getFirst());
      assertTrue(texts(rare.suggest("wide based", 5)).contains("Wide based walk"));
      // Terms outside Phenotypic abnormality (modes of inheritance) and the root are not findings.
      assertEquals(List.of(), rare.suggest("autosomal recessive inh", 5));
      assertEquals(List.of(), rare.suggest("phenotypic abn", 5));
    }
  }

  @Test
  void manyThreads_getTheSameSuggestions_whileTheFirstCallBuildsTheLookup() throws Exception {
    try (RareSearch rare = BundledIndex.open()) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<List<Suggestion>>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          answers.add(pool.submit(() -> rare.suggest("poly", 5)));
        }
        List<Suggestion> first = answers.getFirst().get();
        assertTrue(texts(first).contains("Polymyositis"), first.toString());
        for (Future<List<Suggestion>> answer : answers) {
          assertEquals(first, answer.get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
