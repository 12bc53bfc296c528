package org.raresearch.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

public class ParentheticalVariantsFilterTest extends TokenFilterTestBase {
  private static final String NAME = "word";
  private static final String INSIDE = ParentheticalVariantsFilter.PARENTHETICAL_TYPE;
  private static final String REST = ParentheticalVariantsFilter.REMAINDER_TYPE;

  @Override
  protected TokenStream filter(TokenStream input) {
    return new ParentheticalVariantsFilter(input);
  }

  @Override
  protected String factoryName() {
    return ParentheticalVariantsFilterFactory.NAME;
  }

  @Override
  protected CharacterRunAutomaton tokenization() {
    return MockTokenizer.KEYWORD;
  }

  public void testParenthetical_addsItAndTheRest_asAlternativesWithTheNamesOffsets() throws IOException {
    String name = "SMA type 1 (Werdnig-Hoffmann disease)";
    assertAnalyzesTo(analyzer, name,
        new String[] {name, "Werdnig-Hoffmann disease", "SMA type 1"},
        new int[] {0, 0, 0},
        new int[] {37, 37, 37},
        new String[] {NAME, INSIDE, REST},
        new int[] {1, 0, 0});
  }

  public void testNameWithoutParenthetical_isUnchanged() throws IOException {
    assertAnalyzesTo(analyzer, "Pompe disease", new String[] {"Pompe disease"}, new int[] {0}, new int[] {13},
        new String[] {NAME}, new int[] {1});
  }

  public void testSeveralParentheticals_eachAlone_thenTheRest() throws IOException {
    assertAnalyzesTo(analyzer, "Glycogen storage disease type II (GSD II) [Pompe]",
        new String[] {"Glycogen storage disease type II (GSD II) [Pompe]", "GSD II", "Pompe", "Glycogen storage disease type II"},
        new String[] {NAME, INSIDE, INSIDE, REST});
  }

  public void testNestedBrackets_onlyTheInnermostPairIsAParenthetical() throws IOException {
    assertAnalyzesTo(analyzer, "a (b (cd) e)", new String[] {"a (b (cd) e)", "cd", "a (b e)"}, new String[] {NAME, INSIDE, REST});
  }

  public void testOneCharacterParenthetical_isLeftOutOfTheRest_butIsNoFormOfItsOwn() throws IOException {
    assertAnalyzesTo(analyzer, "Hepatitis ( B )", new String[] {"Hepatitis ( B )", "Hepatitis"}, new String[] {NAME, REST});
  }

  public void testUnbalancedBrackets_andEmptyRest_addNothing() throws IOException {
    assertAnalyzesTo(analyzer, "Ehlers-Danlos (classic", new String[] {"Ehlers-Danlos (classic"});
    assertAnalyzesTo(analyzer, "syndrome) x (", new String[] {"syndrome) x ("});
    assertAnalyzesTo(analyzer, "(Werdnig-Hoffmann disease)", new String[] {"(Werdnig-Hoffmann disease)", "Werdnig-Hoffmann disease"});
  }

  public void testFormEqualToAnother_isGivenOnce() throws IOException {
    assertAnalyzesTo(analyzer, "ALS (ALS)", new String[] {"ALS (ALS)", "ALS"}, new String[] {NAME, INSIDE});
  }

  /**
   * Random names built from words, brackets and spaces give the forms the rule gives when written
   * as a regular expression: the name, each innermost bracketed text of two characters or more,
   * and the name without them.
   */
  public void testRandomNames_matchTheRuleAsARegularExpression() throws IOException {
    Random random = random();
    String[] pieces = {"a", "bc", "Type", " ", " ", "(", ")", "[", "]", "  ", "\t", "x y"};
    for (int i = 0; i < 1_000; i++) {
      StringBuilder name = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int j = 0; j < length; j++) {
        name.append(pieces[random.nextInt(pieces.length)]);
      }
      List<String> expected = regexVariants(name.toString());
      assertAnalyzesTo(analyzer, name.toString(), expected.toArray(String[]::new));
    }
  }

  private static final Pattern PARENTHETICAL = Pattern.compile("[(\\[]([^()\\[\\]]*)[)\\]]");

  private static List<String> regexVariants(String name) {
    Set<String> variants = new LinkedHashSet<>();
    List<String> result = new ArrayList<>(List.of(name));
    variants.add(name.strip());
    Matcher m = PARENTHETICAL.matcher(name);
    StringBuilder outside = new StringBuilder();
    int last = 0;
    while (m.find()) {
      outside.append(name, last, m.start()).append(' ');
      String inside = m.group(1).strip();
      if (inside.length() >= 2 && variants.add(inside)) {
        result.add(inside);
      }
      last = m.end();
    }
    if (last > 0) {
      outside.append(name.substring(last));
      String rest = outside.toString().replaceAll("\\s+", " ").strip();
      if (!rest.isEmpty() && variants.add(rest)) {
        result.add(rest);
      }
    }
    return result;
  }

  public void testFactory_isFoundByName() throws Exception {
    TokenStream stream = tokenFilterFactory(ParentheticalVariantsFilterFactory.NAME).create(keywordMockTokenizer("IIM (myositis)"));
    assertTokenStreamContents(stream, new String[] {"IIM (myositis)", "myositis", "IIM"});
  }

}
