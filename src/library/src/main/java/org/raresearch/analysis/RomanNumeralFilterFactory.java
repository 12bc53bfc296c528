package org.raresearch.analysis;

import java.util.Map;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Factory for {@link RomanNumeralFilter}, registered under the name {@value #NAME}. It takes no parameters.
 *
 * <pre class="prettyprint">
 * CustomAnalyzer.builder()
 *     .withTokenizer("standard")
 *     .addTokenFilter("lowercase")
 *     .addTokenFilter("romanNumeral")
 *     .build();
 * </pre>
 */
public final class RomanNumeralFilterFactory extends TokenFilterFactory {
  /** The name this factory is registered under. */
  public static final String NAME = "romanNumeral";

  /**
   * Creates the factory.
   *
   * @param args the parameters, which must be empty
   * @throws IllegalArgumentException when a parameter is given
   */
  public RomanNumeralFilterFactory(Map<String, String> args) {
    super(args);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
  }

  /**
   * Not for use: factories are created by name, with their parameters.
   *
   * @throws UnsupportedOperationException always
   */
  public RomanNumeralFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public TokenStream create(TokenStream input) {
    return new RomanNumeralFilter(input);
  }
}
