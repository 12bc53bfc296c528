package org.raresearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Drops the filler word {@code type} from a disease name unless it is the name's only token:
 * "Myotonic dystrophy type 1", "Myotonic dystrophy 1" and "Myotonic dystrophy, type I" are one name
 * written three ways. Like a stop filter, it leaves a position gap where it drops a token.
 *
 * <p>Put it after lower-casing and stemming ({@code Types} becomes {@code type} there). It holds back
 * a leading {@code type} until it has seen whether another token follows.
 */
public final class TypeFillerFilter extends TokenFilter {
  private static final String FILLER = "type";

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private State heldFiller;
  private int heldIncrement;
  private int tokensSeen;
  private int skippedPositions;
  private boolean inputExhausted;

  /**
   * Creates the filter.
   *
   * @param input the tokens of one name
   */
  public TypeFillerFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (inputExhausted) {
      return false;
    }
    while (input.incrementToken()) {
      tokensSeen++;
      if (isFiller()) {
        if (tokensSeen == 1) {
          heldFiller = captureState(); // the only token, unless another follows
          heldIncrement = increment.getPositionIncrement();
        } else {
          skippedPositions += increment.getPositionIncrement();
        }
        continue;
      }
      dropHeldFiller();
      if (skippedPositions > 0) {
        increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
        skippedPositions = 0;
      }
      return true;
    }
    inputExhausted = true;
    if (heldFiller != null && tokensSeen == 1) {
      restoreState(heldFiller);
      heldFiller = null;
      return true;
    }
    dropHeldFiller();
    return false;
  }

  private void dropHeldFiller() {
    if (heldFiller != null) {
      skippedPositions += heldIncrement;
      heldFiller = null;
    }
  }

  private boolean isFiller() {
    return term.length() == FILLER.length() && FILLER.contentEquals(term);
  }

  @Override
  public void end() throws IOException {
    super.end();
    increment.setPositionIncrement(increment.getPositionIncrement() + skippedPositions);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    heldFiller = null;
    tokensSeen = 0;
    skippedPositions = 0;
    inputExhausted = false;
  }
}
