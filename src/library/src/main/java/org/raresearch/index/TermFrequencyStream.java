package org.raresearch.index;

import java.util.Iterator;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;

/**
 * Indexes each term of a map once, with the map's value as its term frequency, as Lucene's
 * feature fields do: the postings then carry a number per document and term that queries read.
 */
final class TermFrequencyStream extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
  private final Map<String, Integer> terms;
  private Iterator<Map.Entry<String, Integer>> next;

  TermFrequencyStream(Map<String, Integer> terms) {
    this.terms = terms;
  }

  @Override
  public void reset() throws java.io.IOException {
    super.reset();
    next = terms.entrySet().iterator();
  }

  @Override
  public boolean incrementToken() {
    if (!next.hasNext()) {
      return false;
    }
    clearAttributes();
    Map.Entry<String, Integer> entry = next.next();
    term.setEmpty().append(entry.getKey());
    frequency.setTermFrequency(entry.getValue());
    return true;
  }
}
