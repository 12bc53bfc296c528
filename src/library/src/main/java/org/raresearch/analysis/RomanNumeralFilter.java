package org.raresearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Rewrites lower-case roman numerals from 1 to 39 as arabic numerals, so that {@code type II} and
 * {@code type 2} index alike. Only the canonical spelling of each numeral is rewritten ({@code iv},
 * not {@code iiii}), which keeps ordinary words such as {@code mix} or {@code dix} untouched. Put it
 * after a {@code LowerCaseFilter}.
 */
public final class RomanNumeralFilter extends TokenFilter {
  private static final String[] ONES = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
  private static final String[] TENS = {"", "x", "xx", "xxx"};

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

  public RomanNumeralFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    int value = valueOf(term);
    if (value > 0) {
      term.setEmpty().append(Integer.toString(value));
    }
    return true;
  }

  /** The value of a canonical roman numeral from 1 to 39, or 0 when the text is not one. */
  static int valueOf(CharSequence text) {
    int length = text.length();
    if (length == 0 || length > 7) {
      return 0;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c != 'i' && c != 'v' && c != 'x') {
        return 0;
      }
    }
    String s = text.toString();
    for (int tens = TENS.length - 1; tens >= 0; tens--) {
      if (s.startsWith(TENS[tens])) {
        String rest = s.substring(TENS[tens].length());
        for (int ones = 0; ones < ONES.length; ones++) {
          if (ONES[ones].equals(rest)) {
            int value = tens * 10 + ones;
            return value;
          }
        }
        return 0;
      }
    }
    return 0;
  }
}
