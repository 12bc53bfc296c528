package org.raresearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;

public class RomanNumeralFilterTest extends TokenFilterTestBase {

  @Override
  protected TokenStream filter(TokenStream input) {
    return new RomanNumeralFilter(input);
  }

  @Override
  protected String factoryName() {
    return RomanNumeralFilterFactory.NAME;
  }

  public void testCanonicalNumeralsUpTo39_becomeArabic_otherWordsStay() throws IOException {
    assertAnalyzesTo(analyzer, "type ii and xxxix but iiii mix xl II",
        new String[] {"type", "2", "and", "39", "but", "iiii", "mix", "xl", "II"},
        new int[] {0, 5, 8, 12, 18, 22, 27, 31, 34},
        new int[] {4, 7, 11, 17, 21, 26, 30, 33, 36});
  }

  public void testValueOf_readsOnlyCanonicalSpellings() {
    assertEquals(1, RomanNumeralFilter.valueOf("i"));
    assertEquals(4, RomanNumeralFilter.valueOf("iv"));
    assertEquals(9, RomanNumeralFilter.valueOf("ix"));
    assertEquals(19, RomanNumeralFilter.valueOf("xix"));
    assertEquals(39, RomanNumeralFilter.valueOf("xxxix"));
    assertEquals(0, RomanNumeralFilter.valueOf("iiii"));
    assertEquals(0, RomanNumeralFilter.valueOf("vv"));
    assertEquals(0, RomanNumeralFilter.valueOf("xxxx"));
    assertEquals(0, RomanNumeralFilter.valueOf("mix"));
    assertEquals(0, RomanNumeralFilter.valueOf("xl"));
    assertEquals(0, RomanNumeralFilter.valueOf(""));
  }

  public void testEveryValueFrom1To39_roundTrips() {
    String[] ones = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
    for (int value = 1; value <= 39; value++) {
      String numeral = "x".repeat(value / 10) + ones[value % 10];
      assertEquals(numeral, value, RomanNumeralFilter.valueOf(numeral));
    }
  }

  public void testEmptyTerm() throws IOException {
    Analyzer keyword = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new RomanNumeralFilter(source));
      }
    };
    checkOneTerm(keyword, "", "");
    keyword.close();
  }

  public void testFactory_isFoundByName() throws Exception {
    TokenStream stream = whitespaceMockTokenizer("vi xii");
    stream = tokenFilterFactory(RomanNumeralFilterFactory.NAME).create(stream);
    assertTokenStreamContents(stream, new String[] {"6", "12"});
  }

}
