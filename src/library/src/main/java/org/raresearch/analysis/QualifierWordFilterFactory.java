package org.raresearch.analysis;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

/**
 * Factory for {@link QualifierWordFilter}, registered under the name {@value #NAME}.
 *
 * <p>Parameters: {@code words}, comma-separated word files (one word a line, {@code #} comments),
 * holding the words as they reach the filter; without it, RareSearch's own qualifier words ({@link
 * Analyzers#qualifierTerms()}). {@code ignoreCase}, whether to compare them ignoring case (default
 * false).
 *
 * <pre class="prettyprint">
 * CustomAnalyzer.builder()
 *     .withTokenizer("standard")
 *     .addTokenFilter("lowercase")
 *     .addTokenFilter("porterStem")
 *     .addTokenFilter("qualifierWord", "words", "qualifiers.txt")
 *     .build();
 * </pre>
 */
public final class QualifierWordFilterFactory extends TokenFilterFactory implements ResourceLoaderAware {
  /** The name this factory is registered under. */
  public static final String NAME = "qualifierWord";

  private final String wordFiles;
  private final boolean ignoreCase;
  private CharArraySet qualifiers;

  /**
   * Creates the factory.
   *
   * @param args the parameters {@code words} and {@code ignoreCase}, both optional
   * @throws IllegalArgumentException when another parameter is given
   */
  public QualifierWordFilterFactory(Map<String, String> args) {
    super(args);
    wordFiles = get(args, "words");
    ignoreCase = getBoolean(args, "ignoreCase", false);
    if (!args.isEmpty()) {
      throw new IllegalArgumentException("Unknown parameters: " + args);
    }
    if (wordFiles == null) {
      qualifiers = ignoreCase ? CharArraySet.unmodifiableSet(new CharArraySet(Analyzers.qualifierTerms(), true)) : Analyzers.qualifierTerms();
    }
  }

  /**
   * Not for use: factories are created by name, with their parameters.
   *
   * @throws UnsupportedOperationException always
   */
  public QualifierWordFilterFactory() {
    throw defaultCtorException();
  }

  @Override
  public void inform(ResourceLoader loader) throws IOException {
    if (wordFiles != null) {
      qualifiers = CharArraySet.unmodifiableSet(getWordSet(loader, wordFiles, ignoreCase));
    }
  }

  @Override
  public TokenStream create(TokenStream input) {
    if (qualifiers == null) {
      throw new IllegalStateException("the word files " + wordFiles + " were not loaded: call inform(ResourceLoader) first");
    }
    return new QualifierWordFilter(input, qualifiers);
  }
}
