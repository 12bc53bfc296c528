package org.raresearch.analysis;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.tests.analysis.BaseTokenStreamTestCase;

/** The analyzers RareSearch indexes and searches with, as chains. */
public class AnalyzersTest extends BaseTokenStreamTestCase {

  public void testNameKeys_ignoreCaseAccentsHyphensPossessivesNumeralsPluralsAndTheFillerWord() {
    String[][] alike = {
      {"Sjögren syndrome", "sjogren syndrome"},
      {"Ehlers-Danlos syndrome", "Ehlers Danlos syndrome"},
      {"Gottron's sign", "Gottron sign"},
      {"Glycogen storage disease type II", "glycogen storage disease type 2"},
      {"MUCOPOLYSACCHARIDOSIS TYPE IV", "mucopolysaccharidosis type 4"},
      {"Behçet's disease", "Behcet disease"},
      {"Guillain–Barré syndrome", "guillain barre syndrome"},
      {"Ehlers-Danlos syndromes", "Ehlers-Danlos syndrome"},
      {"Myotonic dystrophy type 1", "Myotonic dystrophy, type I"},
      {"Myotonic dystrophy type 1", "Myotonic dystrophy 1"},
    };
    for (String[] pair : alike) {
      assertEquals(pair[0] + " / " + pair[1], NameKeys.of(pair[0]), NameKeys.of(pair[1]));
    }
    assertFalse(NameKeys.of("Myotonic dystrophy type 1").equals(NameKeys.of("Myotonic dystrophy type 2")));
    assertEquals("type", NameKeys.of("Type"));
    assertEquals("", NameKeys.of("!!!"));
  }

  public void testNameBags_areTheKeyWordsSortedWithoutRepeats() {
    assertEquals(NameKeys.bagOf("Lipodystrophy, familial partial, type 2"), NameKeys.bagOf("Familial partial lipodystrophy type 2"));
    assertEquals("2 familial lipodystrophy partial", NameKeys.bagOf("Familial partial lipodystrophy type II"));
    assertEquals("a b", NameKeys.bagOf("b a b a"));
    assertEquals("", NameKeys.bagOf("!!!"));
  }

  public void testNameVariants_areTheNameThenItsOtherForms() {
    assertEquals(List.of("SMA type 1 (Werdnig-Hoffmann disease)", "Werdnig-Hoffmann disease", "SMA type 1"),
        NameKeys.variants("SMA type 1 (Werdnig-Hoffmann disease)"));
    assertEquals(List.of("Pompe disease"), NameKeys.variants("Pompe disease"));
  }

  public void testName_foldsPossessivesNumeralsAndPlurals_keepingOffsets() throws IOException {
    try (Analyzer name = Analyzers.name()) {
      assertAnalyzesTo(name, "Sjögren's Syndromes, Type II",
          new String[] {"sjogren", "syndrome", "type", "2"},
          new int[] {0, 10, 21, 26},
          new int[] {9, 19, 25, 28},
          new int[] {1, 1, 1, 1});
    }
  }

  public void testNameKey_dropsTheFillerWord_leavingAGap() throws IOException {
    try (Analyzer key = Analyzers.nameKey()) {
      assertAnalyzesTo(key, "HAE type I",
          new String[] {"hae", "1"},
          new int[] {0, 9},
          new int[] {3, 10},
          new int[] {1, 2});
    }
  }

  public void testNameBag_isOneTokenOverTheWholeName() throws IOException {
    try (Analyzer bag = Analyzers.nameBag()) {
      assertAnalyzesTo(bag, "Lipodystrophy, familial partial, type 2",
          new String[] {"2 familial lipodystrophy partial"},
          new int[] {0},
          new int[] {39},
          new int[] {1});
    }
  }

  public void testText_stemsDropsStopWordsAndClosesTheirGaps() throws IOException {
    try (Analyzer text = Analyzers.text()) {
      assertAnalyzesTo(text, "Loss of the hair, rashes",
          new String[] {"loss", "hair", "rash"},
          new int[] {0, 12, 18},
          new int[] {4, 16, 24},
          new int[] {1, 1, 1});
    }
  }

  public void testTextQuery_addsSynonymsAsAGraph() throws IOException {
    try (Analyzer query = Analyzers.textQuery(SymptomSynonyms.defaults())) {
      List<String> droopy = Analyzers.tokens(query, "f", "droopy eyelids");
      assertTrue(droopy.toString(), droopy.contains("ptosi"));
      List<String> ptosis = Analyzers.tokens(query, "f", "ptosis");
      assertTrue(ptosis.toString(), ptosis.contains("droopi"));
    }
  }

  public void testTextQuery_withoutSynonyms_analysesAsTheTextAnalyzer() throws IOException {
    try (Analyzer query = Analyzers.textQuery(null); Analyzer text = Analyzers.text()) {
      assertAnalyzesTo(query, "droopy eyelids", new String[] {"droopi", "eyelid"});
      assertEquals(Analyzers.tokens(text, "f", "Loss of the hair, rashes"), Analyzers.tokens(query, "f", "Loss of the hair, rashes"));
    }
  }

  public void testTextQuery_leavesOutTheWordsOfACaseDescription() throws IOException {
    try (Analyzer query = Analyzers.textQuery(null)) {
      // Positions close over the words left out, so a phrase of the finding's own words still matches.
      assertAnalyzesTo(query, "The patient presented with proximal weakness",
          new String[] {"proxim", "weak"},
          new int[] {27, 36},
          new int[] {35, 44},
          new int[] {1, 1});
    }
    try (Analyzer query = Analyzers.textQuery(SymptomSynonyms.defaults())) {
      List<String> tokens = Analyzers.tokens(query, "f", "Examination showed his ptosis; she had been referred");
      assertTrue(tokens.toString(), tokens.contains("ptosi"));
      for (String narrative : List.of("examin", "show", "hi", "she", "had", "been", "refer")) {
        assertFalse(tokens.toString(), tokens.contains(narrative));
      }
    }
    try (Analyzer text = Analyzers.text()) {
      // The index keeps them: they are words of the reports.
      assertAnalyzesTo(text, "patient examination", new String[] {"patient", "examin"});
    }
  }

  /** Random text never breaks an analyzer: tokens, offsets and positions stay consistent. */
  public void testRandomText_neverBreaksAnyAnalyzer() throws IOException {
    Map<String, Supplier<Analyzer>> analyzers = new LinkedHashMap<>();
    analyzers.put("text", Analyzers::text);
    analyzers.put("textQuery", () -> Analyzers.textQuery(SymptomSynonyms.defaults()));
    analyzers.put("name", Analyzers::name);
    analyzers.put("nameKey", Analyzers::nameKey);
    analyzers.put("nameBag", Analyzers::nameBag);
    analyzers.put("nameVariants", Analyzers::nameVariants);
    for (var entry : analyzers.entrySet()) {
      try (Analyzer analyzer = entry.getValue().get()) {
        checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("the " + entry.getKey() + " analyzer: " + e.getMessage(), e);
      }
    }
  }
}
