package org.raresearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.FlagsAttribute;

/**
 * Marks the words that qualify a finding rather than name it ("abnormal", "increased", "level",
 * "serum"): phenotype vocabularies put them in thousands of terms, so alone they say little about
 * which disease a report describes, and a query weighs them less. A marked token has the {@link
 * #QUALIFIER_FLAG} bit set in its {@link FlagsAttribute}; nothing else about it changes.
 *
 * <p>The words are compared as they reach the filter: put it last in a chain, after stemming and
 * after any synonym expansion, and give it the words in that form ({@link Analyzers#qualifierTerms()}
 * are RareSearch's, analysed by its text chain).
 */
public final class QualifierWordFilter extends TokenFilter {
  /** The flag bit a qualifier word carries. */
  public static final int QUALIFIER_FLAG = 1 << 8;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final FlagsAttribute flags = addAttribute(FlagsAttribute.class);
  private final CharArraySet qualifiers;

  /**
   * Creates the filter.
   *
   * @param input the tokens to mark
   * @param qualifiers the qualifier words, in the form the tokens reach this filter
   */
  public QualifierWordFilter(TokenStream input, CharArraySet qualifiers) {
    super(input);
    this.qualifiers = qualifiers;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (qualifiers.contains(term.buffer(), 0, term.length())) {
      flags.setFlags(flags.getFlags() | QUALIFIER_FLAG);
    }
    return true;
  }

  /**
   * Whether the current token of a stream that went through this filter is a qualifier word.
   *
   * @param flags the stream's flags attribute
   * @return whether the token is marked
   */
  public static boolean isQualifier(FlagsAttribute flags) {
    return (flags.getFlags() & QUALIFIER_FLAG) != 0;
  }
}
