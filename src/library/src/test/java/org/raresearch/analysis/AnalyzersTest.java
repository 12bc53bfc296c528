package org.raresearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnalyzersTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Sjögren syndrome | sjogren syndrome",
        "Ehlers-Danlos syndrome | Ehlers Danlos syndrome",
        "Gottron's sign | Gottron sign",
        "Glycogen storage disease type II | glycogen storage disease type 2",
        "MUCOPOLYSACCHARIDOSIS TYPE IV | mucopolysaccharidosis type 4",
        "Behçet's disease | Behcet disease",
        "Guillain–Barré syndrome | guillain barre syndrome",
        "Ehlers-Danlos syndromes | Ehlers-Danlos syndrome"
      })
  void nameKeys_ignoreCaseAccentsHyphensPossessivesNumeralsAndPlurals(String a, String b) {
    assertEquals(NameKeys.of(a), NameKeys.of(b));
  }

  @Test
  void nameTokens_golden() {
    assertEquals(List.of("sjogren", "syndrome", "type", "2"), NameKeys.tokens("Sjögren's Syndrome, Type II"));
    assertEquals(List.of("hae", "type", "1"), NameKeys.tokens("HAE type I"));
  }

  @Test
  void romanNumerals_onlyCanonicalOnesUpTo39() {
    assertEquals(1, RomanNumeralFilter.valueOf("i"));
    assertEquals(4, RomanNumeralFilter.valueOf("iv"));
    assertEquals(19, RomanNumeralFilter.valueOf("xix"));
    assertEquals(39, RomanNumeralFilter.valueOf("xxxix"));
    assertEquals(0, RomanNumeralFilter.valueOf("iiii"));
    assertEquals(0, RomanNumeralFilter.valueOf("mix"));
    assertEquals(0, RomanNumeralFilter.valueOf("xl"));
    assertEquals(0, RomanNumeralFilter.valueOf(""));
  }

  @Test
  void text_stemsInflections_andDropsStopWords() {
    Analyzer text = Analyzers.text();
    assertEquals(Analyzers.tokens(text, "f", "rash"), Analyzers.tokens(text, "f", "rashes"));
    assertEquals(Analyzers.tokens(text, "f", "weakened muscles"), Analyzers.tokens(text, "f", "weakened muscle"));
    assertEquals(List.of("loss", "hair"), Analyzers.tokens(text, "f", "loss of the hair"));
  }

  @Test
  void textQuery_expandsLayAndClinicalSynonyms() {
    Analyzer query = Analyzers.textQuery(SymptomSynonyms.defaults());
    List<String> droopy = Analyzers.tokens(query, "f", "droopy eyelids");
    assertTrue(droopy.contains("ptosi"), droopy.toString());
    List<String> ptosis = Analyzers.tokens(query, "f", "ptosis");
    assertTrue(ptosis.contains("droopi"), ptosis.toString());
  }

  @Test
  void randomText_neverBreaksAnyAnalyzer() {
    Random random = new Random(42);
    List<Analyzer> analyzers = List.of(Analyzers.text(), Analyzers.name(), Analyzers.textQuery(SymptomSynonyms.defaults()));
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(80);
      for (int j = 0; j < n; j++) {
        sb.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2FFFF) : ' ' + random.nextInt(95));
      }
      String text = sb.toString();
      for (Analyzer analyzer : analyzers) {
        List<String> tokens = Analyzers.tokens(analyzer, "f", text);
        tokens.forEach(t -> assertTrue(!t.isEmpty()));
      }
    }
  }
}
