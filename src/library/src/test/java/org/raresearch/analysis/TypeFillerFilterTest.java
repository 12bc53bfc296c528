package org.raresearch.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;

public class TypeFillerFilterTest extends TokenFilterTestBase {

  @Override
  protected TokenStream filter(TokenStream input) {
    return new TypeFillerFilter(input);
  }

  @Override
  protected String factoryName() {
    return TypeFillerFilterFactory.NAME;
  }

  public void testFillerWithinAName_isDropped_leavingAGap() throws IOException {
    assertAnalyzesTo(analyzer, "myotonic dystrophy type 1",
        new String[] {"myotonic", "dystrophy", "1"},
        new int[] {0, 9, 24},
        new int[] {8, 18, 25},
        new int[] {1, 1, 2});
  }

  public void testLeadingFiller_isDropped() throws IOException {
    assertAnalyzesTo(analyzer, "type 2 diabetes",
        new String[] {"2", "diabetes"},
        new int[] {5, 7},
        new int[] {6, 15},
        new int[] {2, 1});
  }

  public void testTrailingFiller_isDropped_andCountedAtTheEnd() throws IOException {
    assertTokenStreamContents(analyzer.tokenStream("f", "disease type"),
        new String[] {"disease"}, new int[] {0}, new int[] {7}, null, new int[] {1}, null, 12, 1, null, true, null);
  }

  public void testFillerAlone_isKept() throws IOException {
    assertAnalyzesTo(analyzer, "type", new String[] {"type"}, new int[] {0}, new int[] {4}, new int[] {1});
  }

  public void testNameOfFillersOnly_hasNoTokens() throws IOException {
    assertTokenStreamContents(analyzer.tokenStream("f", "type type"),
        new String[0], null, null, null, null, null, 9, 2, null, true, null);
  }

  public void testWordsContainingTheFiller_areKept() throws IOException {
    // The filter sees terms as given: put it after stemming to drop "types" too.
    assertAnalyzesTo(analyzer, "stereotype types typed", new String[] {"stereotype", "types", "typed"});
  }

  /** Random names of a few words, checked against the rule as a list operation. */
  public void testRandomNames_matchTheRule() throws IOException {
    Random random = random();
    String[] words = {"type", "a", "b", "type"};
    for (int i = 0; i < 500; i++) {
      List<String> name = new ArrayList<>();
      int length = random.nextInt(5);
      for (int j = 0; j < length; j++) {
        name.add(words[random.nextInt(words.length)]);
      }
      List<String> expected = new ArrayList<>();
      List<Integer> increments = new ArrayList<>();
      int gap = 0;
      for (String word : name) {
        if (word.equals("type") && name.size() > 1) {
          gap++;
        } else {
          expected.add(word);
          increments.add(1 + gap);
          gap = 0;
        }
      }
      String text = String.join(" ", name);
      assertTokenStreamContents(analyzer.tokenStream("f", text), expected.toArray(String[]::new), null, null, null,
          increments.stream().mapToInt(Integer::intValue).toArray(), null, text.length(), gap, null, true, null);
    }
  }

  public void testFactory_isFoundByName() throws Exception {
    TokenStream stream = tokenFilterFactory(TypeFillerFilterFactory.NAME).create(whitespaceMockTokenizer("hae type 1"));
    assertTokenStreamContents(stream, new String[] {"hae", "1"});
  }

}
