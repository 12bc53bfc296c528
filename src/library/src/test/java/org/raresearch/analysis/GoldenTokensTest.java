package org.raresearch.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.junit.jupiter.api.Test;

/**
 * The tokens each analyzer makes of the inputs in {@code golden-tokens.txt}: a change to any
 * analysis chain shows here as the lines it changes.
 */
class GoldenTokensTest {
  private static final String FILE = "golden-tokens.txt";

  private static final Map<String, Supplier<Analyzer>> ANALYZERS = Map.of(
      "text", Analyzers::text,
      "query", () -> Analyzers.textQuery(SymptomSynonyms.defaults()),
      "name", Analyzers::name,
      "nameKey", Analyzers::nameKey,
      "nameBag", Analyzers::nameBag,
      "nameVariants", Analyzers::nameVariants);

  @Test
  void everyAnalyzer_makesTheGoldenTokens() throws IOException {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (String line : lines()) {
      String[] fields = line.split("\t", -1);
      Supplier<Analyzer> analyzer = ANALYZERS.get(fields[0]);
      assertTrue(analyzer != null && fields.length >= 2, "malformed line in " + FILE + ": " + line);
      String actual;
      try (Analyzer a = analyzer.get()) {
        actual = fields[0] + "\t" + fields[1] + render(a, fields[1]);
      }
      if (!actual.equals(line)) {
        mismatches.add("expected: " + line + "\n  actual: " + actual);
      }
      checked++;
    }
    assertTrue(checked >= 50, "only " + checked + " golden lines");
    assertTrue(mismatches.isEmpty(), mismatches.size() + " lines differ:\n" + String.join("\n", mismatches));
  }

  @Test
  void everyAnalyzer_hasGoldenLines() throws IOException {
    for (String name : ANALYZERS.keySet()) {
      assertTrue(lines().stream().filter(l -> l.startsWith(name + "\t")).count() >= 5, name);
    }
  }

  /**
   * The tokens as the file writes them, each after a tab: {@code term@position}, then {@code ~length}
   * when it spans more than one position, then {@code *} when it is marked as a qualifier word.
   */
  static String render(Analyzer analyzer, String text) throws IOException {
    StringBuilder out = new StringBuilder();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
      FlagsAttribute flags = stream.addAttribute(FlagsAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        out.append('\t').append(term).append('@').append(position);
        if (length.getPositionLength() > 1) {
          out.append('~').append(length.getPositionLength());
        }
        if (QualifierWordFilter.isQualifier(flags)) {
          out.append('*');
        }
      }
      stream.end();
    }
    return out.toString();
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = GoldenTokensTest.class.getResourceAsStream(FILE)) {
      assertTrue(in != null, FILE + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    }
  }
}
