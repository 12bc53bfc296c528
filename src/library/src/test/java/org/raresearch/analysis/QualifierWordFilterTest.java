package org.raresearch.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;
import org.apache.lucene.tests.analysis.CannedTokenStream;
import org.apache.lucene.tests.analysis.Token;

public class QualifierWordFilterTest extends TokenFilterTestBase {
  private static final CharArraySet QUALIFIERS = new CharArraySet(List.of("increas", "level"), false);

  @Override
  protected TokenStream filter(TokenStream input) {
    return new QualifierWordFilter(input, QUALIFIERS);
  }

  @Override
  protected String factoryName() {
    return QualifierWordFilterFactory.NAME;
  }

  public void testTokens_passUnchanged() throws IOException {
    assertAnalyzesTo(analyzer, "increas serum level",
        new String[] {"increas", "serum", "level"},
        new int[] {0, 8, 14},
        new int[] {7, 13, 19});
  }

  public void testQualifierWords_areMarked() throws IOException {
    assertEquals(List.of("increas*", "serum", "level*"), marked(analyzer.tokenStream("f", "increas serum level")));
  }

  public void testOtherFlags_areKept() throws IOException {
    Token flagged = new Token("level", 0, 5);
    flagged.setFlags(1);
    Token plain = new Token("copper", 6, 12);
    plain.setFlags(2);
    TokenStream stream = new QualifierWordFilter(new CannedTokenStream(flagged, plain), QUALIFIERS);
    FlagsAttribute flags = stream.addAttribute(FlagsAttribute.class);
    stream.reset();
    assertTrue(stream.incrementToken());
    assertEquals(1 | QualifierWordFilter.QUALIFIER_FLAG, flags.getFlags());
    assertTrue(stream.incrementToken());
    assertEquals(2, flags.getFlags());
    assertFalse(stream.incrementToken());
    stream.end();
    stream.close();
  }

  public void testRareSearchQualifiers_areTheTextChainsFormsOfItsWords() {
    for (String term : List.of("abnorm", "increas", "decreas", "elev", "reduc", "low", "high", "level", "concentr",
        "circul", "morpholog", "plasma", "serum", "count", "total", "proport")) {
      assertTrue(term, Analyzers.qualifierTerms().contains(term));
    }
    assertEquals(16, Analyzers.qualifierTerms().size());
  }

  public void testTextAnalyzer_marksQualifierWords_whateverTheirInflection() throws IOException {
    try (Analyzer text = Analyzers.text()) {
      assertEquals(List.of("increas*", "serum*", "copper", "level*"), marked(text.tokenStream("f", "Increasing serum copper levels")));
    }
  }

  public void testQueryAnalyzer_marksQualifierWordsThatSynonymsBringIn() throws IOException {
    try (Analyzer query = Analyzers.textQuery(SymptomSynonyms.defaults())) {
      List<String> tokens = marked(query.tokenStream("f", "hypothermia"));
      assertTrue(tokens.toString(), tokens.contains("low*"));
      assertTrue(tokens.toString(), tokens.contains("hypothermia"));
    }
  }

  public void testFactory_marksRareSearchsQualifiersByDefault() throws Exception {
    TokenStream stream = tokenFilterFactory(QualifierWordFilterFactory.NAME).create(whitespaceMockTokenizer("abnorm gait"));
    assertEquals(List.of("abnorm*", "gait"), marked(stream));
  }

  public void testFactory_readsWordFiles() throws Exception {
    TokenStream stream = tokenFilterFactory(QualifierWordFilterFactory.NAME, "words", "qualifier-words.txt", "ignoreCase", "true")
        .create(whitespaceMockTokenizer("MILD gait abnorm"));
    assertEquals(List.of("MILD*", "gait", "abnorm"), marked(stream));
  }

  /** The terms of a stream, a qualifier word followed by {@code *}. */
  private static List<String> marked(TokenStream stream) throws IOException {
    List<String> terms = new ArrayList<>();
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      FlagsAttribute flags = stream.addAttribute(FlagsAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term + (QualifierWordFilter.isQualifier(flags) ? "*" : ""));
      }
      stream.end();
    }
    return terms;
  }
}
