package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.raresearch.testing.SharedData;

/**
 * Random and mutated inputs: parsing either gives a report with a title or raises {@link
 * ReportParseException}, never anything else, and never hangs. The number of inputs per test is
 * {@code -Draresearch.fuzz.iterations=N} (a few thousand by default; 100,000 for a nightly run); the
 * seed is {@code -Draresearch.fuzz.seed=S}, printed on failure so a failing input can be replayed.
 */
class NordReportParserFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("raresearch.fuzz.iterations", 2_000);
  private static final long SEED = Long.getLong("raresearch.fuzz.seed", System.nanoTime());
  private static final List<byte[]> SEEDS = new ArrayList<>();
  private final NordReportParser parser = new NordReportParser();

  @BeforeAll
  static void loadSeeds() throws IOException {
    Path bundled = SharedData.bundledReports();
    if (Files.isDirectory(bundled)) {
      for (Path file : ReportDirectory.reportFiles(bundled)) {
        SEEDS.add(Files.readAllBytes(file));
      }
    }
    SEEDS.add(
        """
        National Organization for Rare Disorders, Inc.

        It is possible that the main title of the report Dermatomyositis is not the name you expected.

          • ADM
          • IIM

        Disorder Subdivisions

          • None

        General Discussion

        Dermatomyositis affects muscles and skin.

        Supporting Organizations

        Myositis Association

        1737 King Street
        Tel: (703)299-4850

        Last Updated: 12/26/1969
        Copyright 2007 NORD
        """
            .getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void randomBytes_onlyParseExceptions() {
    Random random = new Random(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = new byte[random.nextInt(4096)];
      random.nextBytes(input);
      check("random bytes", i, input);
    }
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void randomTextFromReportAlphabet_onlyParseExceptions() {
    Random random = new Random(SEED + 1);
    String[] pieces = {
      "\n", "\n\n", "\r\n", "  • ", "- ", "* ", "General Discussion", "Signs & Symptoms", "Synonyms of ",
      "Disorder Subdivisions", "None", "Supporting Organizations", "Tel: ", "Fax: ", "Email: a@b.c",
      "Last Updated: ", "12/26/1969", "Copyright ", "©", "\u00A0", "the main title of the report ",
      " is not the name you expected", "For a Complete Report", "Dermatomyositis", "(703)299-4850",
      "é", "\uFEFF", "\t", "::", ".", "\u0000", "\uD83D\uDE00"
    };
    for (int i = 0; i < ITERATIONS; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(60);
      for (int j = 0; j < n; j++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      check("report alphabet", i, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void mutatedReports_onlyParseExceptions() {
    Random random = new Random(SEED + 2);
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
      check("mutated report", i, mutate(seed, random));
    }
  }

  private byte[] mutate(byte[] seed, Random random) {
    switch (random.nextInt(8)) {
      case 0 -> {
        return Arrays.copyOf(seed, random.nextInt(seed.length + 1)); // truncated
      }
      case 1 -> {
        List<String> lines = new ArrayList<>(new String(seed, StandardCharsets.UTF_8).lines().toList());
        Collections.shuffle(lines, random);
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
      }
      case 2 -> {
        byte[] copy = seed.clone();
        for (int k = 0; k < 1 + random.nextInt(20); k++) {
          copy[random.nextInt(copy.length)] = (byte) random.nextInt(256); // invalid encodings
        }
        return copy;
      }
      case 3 -> {
        String text = new String(seed, StandardCharsets.UTF_8);
        int at = random.nextInt(text.length() + 1);
        String huge = "x".repeat(100_000 + random.nextInt(400_000));
        return (text.substring(0, at) + huge + text.substring(at)).getBytes(StandardCharsets.UTF_8);
      }
      case 4 -> {
        String heading = random.nextBoolean() ? "General Discussion\n\n" : "Supporting Organizations\n\nA\n\n";
        return (new String(seed, StandardCharsets.UTF_8) + heading.repeat(2_000)).getBytes(StandardCharsets.UTF_8);
      }
      case 5 -> {
        List<String> lines = new ArrayList<>(new String(seed, StandardCharsets.UTF_8).lines().toList());
        lines.removeIf(l -> random.nextInt(3) == 0);
        return String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8);
      }
      case 6 -> {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] out = Arrays.copyOf(bom, bom.length + seed.length);
        System.arraycopy(seed, 0, out, bom.length, seed.length);
        return out;
      }
      default -> {
        byte[] copy = seed.clone();
        int from = random.nextInt(copy.length);
        int to = Math.min(copy.length, from + random.nextInt(200));
        for (int k = from; k < to; k++) {
          copy[k] = (byte) (0x80 + random.nextInt(0x80)); // a run of non-ASCII bytes
        }
        return copy;
      }
    }
  }

  private void check(String kind, int iteration, byte[] input) {
    try {
      ParsedReport parsed = parser.parse("fuzz", "fuzz-" + iteration, input);
      assertFalse(parsed.report().title().isBlank());
    } catch (ReportParseException expected) {
      assertFalse(expected.getMessage().isBlank());
    } catch (RuntimeException | Error e) {
      fail(kind + " input #" + iteration + " (seed " + SEED + ") threw " + e, e);
    }
  }
}
