package org.raresearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Closes the holes a {@code StopFilter} leaves, so that {@code loss of hair} is the two adjacent
 * tokens {@code loss hair} on both the index and the query side. Synonym rules may then contain stop
 * words, which Lucene's synonym parser would otherwise refuse.
 */
public final class ClosePositionGapsFilter extends TokenFilter {
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

  public ClosePositionGapsFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (increment.getPositionIncrement() > 1) {
      increment.setPositionIncrement(1);
    }
    return true;
  }
}
