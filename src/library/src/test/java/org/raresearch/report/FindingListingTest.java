package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FindingListingTest {

  @Test
  void listing_groupsByFrequencyClass_andReadsBackAsTheSameFindings() {
    List<Finding> findings = List.of(
        new Finding("ataxia", Frequency.OCCASIONAL),
        new Finding("seizure", Frequency.VERY_FREQUENT),
        new Finding("meconium ileus", Frequency.UNKNOWN),
        new Finding("tremor", Frequency.OCCASIONAL),
        new Finding("fever", Frequency.EXCLUDED));
    String text = Finding.listing(findings);
    assertEquals(
        "Very frequent (99-80%): seizure.\nOccasional (29-5%): ataxia, tremor.\nExcluded (0%): fever.\nFrequency unknown: meconium ileus.",
        text);
    assertEquals(
        List.of(findings.get(1), findings.get(0), findings.get(3), findings.get(4), findings.get(2)),
        Finding.listedIn(text));
  }

  @Test
  void listing_dropsCommasInsideAFinding_soItStaysOneFinding() {
    String text = Finding.listing(List.of(new Finding("High, narrow palate", Frequency.FREQUENT)));
    assertEquals(List.of(new Finding("High narrow palate", Frequency.FREQUENT)), Finding.listedIn(text));
  }

  @Test
  void listing_ofRandomFindings_alwaysReadsBackInClassOrder() {
    Random random = new Random(7);
    String letters = "abcdefghij -/'()";
    for (int round = 0; round < 500; round++) {
      List<Finding> findings = new java.util.ArrayList<>();
      for (int i = random.nextInt(6); i > 0; i--) {
        StringBuilder word = new StringBuilder("x");
        for (int j = random.nextInt(12); j > 0; j--) {
          word.append(letters.charAt(random.nextInt(letters.length())));
        }
        findings.add(new Finding(word.toString().strip(), Frequency.values()[random.nextInt(Frequency.values().length)]));
      }
      List<Finding> expected = new java.util.ArrayList<>();
      for (Frequency f : Frequency.values()) {
        findings.stream().filter(x -> x.frequency() == f).forEach(expected::add);
      }
      String text = Finding.listing(findings);
      assertEquals(expected, Finding.listedIn(text), text);
    }
  }

  @ParameterizedTest
  @CsvSource({"100, OBLIGATE", "80, VERY_FREQUENT", "99.9, VERY_FREQUENT", "79.9, FREQUENT", "30, FREQUENT", "5, OCCASIONAL", "4.9, VERY_RARE", "0.1, VERY_RARE", "0, EXCLUDED"})
  void ofPercent_usesOrphanetBounds(double percent, Frequency expected) {
    assertEquals(expected, Frequency.ofPercent(percent));
  }

  @Test
  void ofPercent_outsideZeroToHundred_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> Frequency.ofPercent(101));
    assertThrows(IllegalArgumentException.class, () -> Frequency.ofPercent(-1));
    assertThrows(IllegalArgumentException.class, () -> Frequency.ofPercent(Double.NaN));
  }
}
