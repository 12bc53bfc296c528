package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SectionKindTest {

  /** What {@link SectionKind#normalizeHeading} is defined as, in regular expressions. */
  private static String byRegularExpressions(String heading) {
    String s = heading.toLowerCase(Locale.ROOT).replace("&", " and ");
    s = s.replaceAll("[^\\p{L}\\p{N} ]+", " ");
    return s.trim().replaceAll("\\s+", " ");
  }

  @Test
  void normalizeHeading_isTheRegularExpressionDefinition_onRandomText() {
    Random random = new Random(42);
    String alphabet = "aZé&:;,.- \t\u00A0\u2007ÅßΣ5٣Ⅻ½\uD835\uDC00\uD83D\uDE00\u0001_'()";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int i = 0; i < length; i++) {
        int at = random.nextInt(alphabet.length());
        text.append(alphabet.charAt(at));
      }
      String heading = text.toString();
      assertEquals(byRegularExpressions(heading), SectionKind.normalizeHeading(heading), heading);
    }
  }

  @Test
  void fromHeading_readsHeadingsLoosely() {
    assertEquals(Optional.of(SectionKind.SIGNS_AND_SYMPTOMS), SectionKind.fromHeading("  Signs & Symptoms:"));
    assertEquals(Optional.of(SectionKind.SIGNS_AND_SYMPTOMS), SectionKind.fromHeading("SIGNS AND SYMPTOMS"));
    assertEquals(Optional.of(SectionKind.STANDARD_THERAPIES), SectionKind.fromHeading("Therapies - Standard"));
    assertEquals(Optional.empty(), SectionKind.fromHeading("Genetic Counseling"));
  }
}
