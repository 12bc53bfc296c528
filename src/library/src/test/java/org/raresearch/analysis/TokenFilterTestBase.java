package org.raresearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.tests.analysis.BaseTokenStreamFactoryTestCase;
import org.apache.lucene.tests.analysis.MockTokenizer;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;

/**
 * What every test of one of RareSearch's token filters checks the same way: random text never
 * breaks the filter, and its factory is found by name and refuses unknown parameters. {@link
 * #analyzer} is a mock tokenizer followed by the filter, made anew for each test.
 */
public abstract class TokenFilterTestBase extends BaseTokenStreamFactoryTestCase {
  /** The mock tokenizer and the filter under test. */
  protected Analyzer analyzer;

  /**
   * The filter under test, over the tokens of a mock tokenizer.
   *
   * @param input the tokenizer's tokens
   * @return the filtered stream
   */
  protected abstract TokenStream filter(TokenStream input);

  /**
   * The name the filter's factory is registered under.
   *
   * @return the factory's {@code NAME}
   */
  protected abstract String factoryName();

  /**
   * How the mock tokenizer splits text: at white space unless a test says otherwise.
   *
   * @return a {@link MockTokenizer} pattern
   */
  protected CharacterRunAutomaton tokenization() {
    return MockTokenizer.WHITESPACE;
  }

  @Override
  public void setUp() throws Exception {
    super.setUp();
    analyzer = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new MockTokenizer(tokenization(), false);
        return new TokenStreamComponents(source, filter(source));
      }
    };
  }

  @Override
  public void tearDown() throws Exception {
    analyzer.close();
    super.tearDown();
  }

  public void testRandomStrings() throws IOException {
    checkRandomData(random(), analyzer, 200 * RANDOM_MULTIPLIER);
  }

  public void testFactory_refusesUnknownParameters() {
    IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> tokenFilterFactory(factoryName(), "bogus", "1"));
    assertTrue(e.getMessage(), e.getMessage().contains("Unknown parameters"));
  }
}
