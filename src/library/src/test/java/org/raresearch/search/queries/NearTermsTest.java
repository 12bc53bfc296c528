package org.raresearch.search.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearTermsTest {
  @Test
  void boundedEditDistance_equalsTheFullDistance_upToItsBound() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      int[] a = randomCodePoints(random);
      int[] b = random.nextBoolean() ? randomCodePoints(random) : typo(a, random);
      int bound = random.nextInt(4);
      boolean transpositions = random.nextBoolean();
      int from = Math.min(random.nextInt(2), Math.min(a.length, b.length));
      System.arraycopy(a, 0, b, 0, from);
      int full = fullDistance(Arrays.copyOfRange(a, from, a.length), Arrays.copyOfRange(b, from, b.length), transpositions);
      int bounded = new NearTerms.EditDistance(a, from, bound, transpositions).to(b, b.length);
      assertEquals(Math.min(full, bound + 1), bounded, () -> Arrays.toString(a) + " / " + Arrays.toString(b) + " bound " + bound);
    }
  }

  /** The optimal string alignment distance by the textbook recurrence, over the whole table. */
  private static int fullDistance(int[] a, int[] b, boolean transpositions) {
    int[][] d = new int[a.length + 1][b.length + 1];
    for (int i = 0; i <= a.length; i++) {
      for (int j = 0; j <= b.length; j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  private static int[] randomCodePoints(Random random) {
    int[] text = new int[random.nextInt(9)];
    for (int i = 0; i < text.length; i++) {
      text[i] = "abcdeé".codePointAt(random.nextInt(6));
    }
    return text;
  }

  /** One to three random edits of a code point array. */
  private static int[] typo(int[] text, Random random) {
    StringBuilder typo = new StringBuilder(new String(text, 0, text.length));
    for (int e = random.nextInt(3); e >= 0 && typo.length() > 0; e--) {
      int at = random.nextInt(typo.length());
      switch (random.nextInt(4)) {
        case 0 -> typo.insert(at, 'b');
        case 1 -> typo.deleteCharAt(at);
        case 2 -> typo.setCharAt(at, 'é');
        default -> {
          if (at + 1 < typo.length()) {
            char first = typo.charAt(at);
            typo.setCharAt(at, typo.charAt(at + 1));
            typo.setCharAt(at + 1, first);
          }
        }
      }
    }
    return typo.codePoints().toArray();
  }
}
