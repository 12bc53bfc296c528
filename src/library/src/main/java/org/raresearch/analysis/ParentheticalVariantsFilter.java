package org.raresearch.analysis;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Adds the other forms a disease name is known by when it has a parenthetical: each parenthetical
 * alone, and the name without them. {@code SMA type 1 (Werdnig-Hoffmann disease)} is also {@code
 * Werdnig-Hoffmann disease} and {@code SMA type 1}.
 *
 * <p>Meant after a {@code KeywordTokenizer}: each input token is one whole name. The forms follow it
 * at the same position, as alternatives, with its offsets and the types {@value #PARENTHETICAL_TYPE}
 * and {@value #REMAINDER_TYPE}. A parenthetical is text in round or square brackets holding no
 * other bracket; one of fewer than {@value #MIN_PARENTHETICAL_LENGTH} characters is left out of
 * the remainder but is no form of its own. Variants equal to one already given are not repeated.
 */
public final class ParentheticalVariantsFilter extends TokenFilter {
  /** The type of a form that is one parenthetical of the name. */
  public static final String PARENTHETICAL_TYPE = "parenthetical";
  /** The type of the form that is the name without its parentheticals. */
  public static final String REMAINDER_TYPE = "without_parentheticals";
  /** Parentheticals shorter than this ({@code (a)}) are no form of their own. */
  public static final int MIN_PARENTHETICAL_LENGTH = 2;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final Deque<Variant> pending = new ArrayDeque<>();
  private State name;

  private record Variant(String text, String type) {}

  /**
   * Creates the filter.
   *
   * @param input whole names, one a token
   */
  public ParentheticalVariantsFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      Variant variant = pending.removeFirst();
      restoreState(name);
      term.setEmpty().append(variant.text());
      type.setType(variant.type());
      increment.setPositionIncrement(0);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    List<Variant> variants = variants(term.toString());
    if (!variants.isEmpty()) {
      pending.addAll(variants);
      name = captureState();
    }
    return true;
  }

  /** The forms of a name besides the name itself, in order: its parentheticals, then the remainder. */
  static List<Variant> variants(String text) {
    List<Variant> variants = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    seen.add(text.strip());
    StringBuilder remainder = new StringBuilder();
    int open = -1;
    int copied = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == '[') {
        open = i;
      } else if ((c == ')' || c == ']') && open >= 0) {
        remainder.append(text, copied, open).append(' ');
        String inside = text.substring(open + 1, i).strip();
        if (inside.length() >= MIN_PARENTHETICAL_LENGTH && seen.add(inside)) {
          variants.add(new Variant(inside, PARENTHETICAL_TYPE));
        }
        copied = i + 1;
        open = -1;
      }
    }
    if (copied > 0) {
      remainder.append(text, copied, text.length());
      String rest = remainder.toString().replaceAll("\\s+", " ").strip();
      if (!rest.isEmpty() && seen.add(rest)) {
        variants.add(new Variant(rest, REMAINDER_TYPE));
      }
    }
    return variants;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    name = null;
  }
}
