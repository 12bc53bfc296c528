package org.raresearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.tests.analysis.CannedTokenStream;
import org.apache.lucene.tests.analysis.Token;

public class ClosePositionGapsFilterTest extends TokenFilterTestBase {

  @Override
  protected TokenStream filter(TokenStream input) {
    return new ClosePositionGapsFilter(new StopFilter(input, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
  }

  @Override
  protected String factoryName() {
    return ClosePositionGapsFilterFactory.NAME;
  }

  public void testHolesLeftByStopWords_areClosed() throws IOException {
    assertAnalyzesTo(analyzer, "the loss of the hair",
        new String[] {"loss", "hair"},
        new int[] {4, 16},
        new int[] {8, 20},
        new int[] {1, 1});
  }

  public void testStreamWithoutHoles_isUnchanged() throws IOException {
    assertAnalyzesTo(analyzer, "muscle weakness",
        new String[] {"muscle", "weakness"},
        new int[] {0, 7},
        new int[] {6, 15},
        new int[] {1, 1});
  }

  public void testStackedTokens_stayStacked() throws IOException {
    // A position increment of 0 (a synonym on the same position) is not a hole.
    TokenStream stream = new ClosePositionGapsFilter(new CannedTokenStream(
        new Token("droopy", 1, 0, 6),
        new Token("ptosis", 0, 0, 6),
        new Token("eyelid", 3, 7, 13)));
    assertTokenStreamContents(stream, new String[] {"droopy", "ptosis", "eyelid"}, null, null, new int[] {1, 0, 1});
  }

  public void testFactory_isFoundByName() throws Exception {
    TokenStream stream = new StopFilter(whitespaceMockTokenizer("loss of hair"), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stream = tokenFilterFactory(ClosePositionGapsFilterFactory.NAME).create(stream);
    assertTokenStreamContents(stream, new String[] {"loss", "hair"}, null, null, new int[] {1, 1});
  }

}
