package org.raresearch.errors;

/**
 * A short, marked excerpt of input for a message: at most {@value #MAX_CHARS} characters, with
 * {@code …} where it was cut and line breaks and other control characters shown as spaces, so that
 * a message quoting input stays one short line whatever the input.
 */
public final class Excerpt {
  /** The most characters of input a message quotes. */
  public static final int MAX_CHARS = 80;

  private Excerpt() {}

  /**
   * The text, cut to {@value #MAX_CHARS} characters and marked with {@code …} when longer.
   *
   * @param text the input to quote
   * @return the excerpt
   */
  public static String of(CharSequence text) {
    int length = text.length();
    int cut = Math.min(length, MAX_CHARS);
    if (cut < length && Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--; // never half a character
    }
    StringBuilder excerpt = new StringBuilder(cut + 1);
    for (int i = 0; i < cut; i++) {
      char c = text.charAt(i);
      excerpt.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (cut < length) {
      excerpt.append('…');
    }
    return excerpt.toString();
  }

  /**
   * {@link #of} in double quotes: {@code "heliotrope rash…"}.
   *
   * @param text the input to quote
   * @return the excerpt in double quotes
   */
  public static String quoted(CharSequence text) {
    return "\"" + of(text) + "\"";
  }
}
