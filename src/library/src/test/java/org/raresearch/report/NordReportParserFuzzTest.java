package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.testing.SharedData;

/**
 * Random and mutated inputs: parsing either gives a report with a title or raises {@link
 * ReportParseException}, never anything else, and each input is parsed within {@value
 * #HANG_SECONDS} s. The number of inputs per test is {@code -Draresearch.fuzz.iterations=N} (a few
 * thousand by default; 100,000 for a nightly run; huge inputs are a hundredth of that); the seed is
 * {@code -Draresearch.fuzz.seed=S}, printed on failure so a failing input can be replayed. An input
 * that hangs is saved under {@code target/} for replay.
 */
class NordReportParserFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("raresearch.fuzz.iterations", 2_000);
  private static final long SEED = Long.getLong("raresearch.fuzz.seed", System.nanoTime());
  /** Far beyond any honest parse (the largest accepted input parses in well under a second). */
  private static final int HANG_SECONDS = 30;
  private static final List<byte[]> SEEDS = new ArrayList<>();
  // Each test's @Timeout only backs up the per-input guard; nightly sizes take many minutes.
  private static final ExecutorService PARSING = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "fuzz-parse");
    thread.setDaemon(true); // a hung parse must not keep the test JVM alive
    return thread;
  });
  private static final AtomicLong INPUTS = new AtomicLong();
  private static final AtomicLong REPORTS = new AtomicLong();
  private static final AtomicLong REJECTED = new AtomicLong();
  private static final AtomicLong BYTES = new AtomicLong();
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

  @AfterAll
  static void summarise() {
    PARSING.shutdownNow();
    System.out.printf("report fuzzing (seed %d): %d inputs, %d MB, %d parsed as reports, %d rejected with "
        + "ReportParseException, nothing else thrown, none over %d s%n",
        SEED, INPUTS.get(), BYTES.get() >> 20, REPORTS.get(), REJECTED.get(), HANG_SECONDS);
  }

  @Test
  @Timeout(value = 3600, unit = TimeUnit.SECONDS)
  void randomBytes_onlyParseExceptions() {
    Random random = new Random(SEED);
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = new byte[random.nextInt(4096)];
      random.nextBytes(input);
      check("random bytes", i, input);
    }
  }

  @Test
  @Timeout(value = 3600, unit = TimeUnit.SECONDS)
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
  @Timeout(value = 3600, unit = TimeUnit.SECONDS)
  void mutatedReports_onlyParseExceptions() {
    Random random = new Random(SEED + 2);
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
      check("mutated report", i, mutate(seed, random));
    }
  }

  /**
   * Inputs of megabytes: a line of up to 4 MB, headings repeated hundreds of thousands of times,
   * bullets nested thousands deep, millions of empty lines, and inputs just over the size limit.
   */
  @Test
  @Timeout(value = 3600, unit = TimeUnit.SECONDS)
  void hugeInputs_onlyParseExceptions_andOverTheLimitIsRefused() {
    Random random = new Random(SEED + 3);
    int limit = (int) NordReportParser.MAX_FILE_BYTES;
    for (int i = 0; i < Math.max(20, ITERATIONS / 100); i++) {
      byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
      String text = new String(seed, StandardCharsets.UTF_8);
      int room = limit - seed.length - 16;
      String filler = switch (i % 7) {
        case 0 -> "x".repeat(1_000_000 + random.nextInt(room - 1_000_000)); // one line of megabytes
        case 1 -> "muscle weakness, ".repeat((1_000_000 + random.nextInt(room - 1_000_000)) / 17);
        case 2 -> "Signs & Symptoms\n\n".repeat(room / 18); // ~200,000 headings
        case 3 -> "Synonyms of X\n\n  • a\n\nDisorder Subdivisions\n\n  • b\n\n".repeat(room / 52);
        case 4 -> " ".repeat(room / 2) + "• deep\n"; // a bullet indented two million deep
        case 5 -> (random.nextBoolean() ? "\n" : "\r").repeat(room);
        default -> "é".repeat(room / 2); // two bytes a character
      };
      int at = text.indexOf('\n') < 0 ? text.length() : text.indexOf('\n') + 1;
      byte[] input = (text.substring(0, at) + filler + text.substring(at)).getBytes(StandardCharsets.UTF_8);
      check("huge input", i, input);
      byte[] over = Arrays.copyOf(seed, limit + 1 + random.nextInt(1_000));
      ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse("fuzz", "over-limit", over));
      assertTrue(e.getMessage().contains("over the limit of " + limit + " bytes"), e.getMessage());
    }
  }

  @Test
  void fileOfGigabytes_isRefusedWithoutBeingRead(@TempDir Path tmp) throws IOException {
    Path huge = tmp.resolve("huge.txt");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(8L << 30); // sparse: takes no disk space, and reading it would take minutes
    }
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse(huge));
    assertTrue(e.getMessage().startsWith(huge.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("the file is " + (8L << 30) + " bytes, over the limit"), e.getMessage());
  }

  private byte[] mutate(byte[] seed, Random random) {
    switch (random.nextInt(11)) {
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
      case 8 -> {
        return spliceInvalidUtf8(seed, random);
      }
      case 9 -> {
        // Cut inside a multi-byte character, or just before the end.
        String text = new String(seed, StandardCharsets.UTF_8) + "é€😀";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length - 1 - random.nextInt(6));
      }
      case 10 -> {
        String text = new String(seed, StandardCharsets.UTF_8);
        return text.getBytes(random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16); // BOM or none
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

  /** Byte sequences no UTF-8 decoder may accept, put somewhere in a report. */
  private static final byte[][] INVALID_UTF8 = {
    {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
    {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong, three bytes
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a UTF-16 surrogate encoded as UTF-8
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // obsolete five-byte form
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
    {(byte) 0x80}, // a continuation byte alone
    {(byte) 0xC3}, // a lead byte with no continuation
    {(byte) 0xFE, (byte) 0xFF}, // a UTF-16 byte-order mark inside UTF-8
    {0, 0, 0, 0},
  };

  private static byte[] spliceInvalidUtf8(byte[] seed, Random random) {
    byte[] out = seed.clone();
    for (int k = 0; k < 1 + random.nextInt(5); k++) {
      byte[] bad = INVALID_UTF8[random.nextInt(INVALID_UTF8.length)];
      int at = random.nextInt(out.length + 1);
      byte[] next = new byte[out.length + bad.length];
      System.arraycopy(out, 0, next, 0, at);
      System.arraycopy(bad, 0, next, at, bad.length);
      System.arraycopy(out, at, next, at + bad.length, out.length - at);
      out = next;
    }
    return out;
  }

  /**
   * Parses one input on the parsing thread: a report with a title or a {@link ReportParseException}
   * is fine, anything else fails, and so does an input still parsing after {@value #HANG_SECONDS} s.
   */
  private void check(String kind, int iteration, byte[] input) {
    INPUTS.incrementAndGet();
    BYTES.addAndGet(input.length);
    Future<ParsedReport> parse = PARSING.submit(() -> parser.parse("fuzz", "fuzz-" + iteration, input));
    try {
      ParsedReport parsed = parse.get(HANG_SECONDS, TimeUnit.SECONDS);
      assertFalse(parsed.report().title().isBlank());
      REPORTS.incrementAndGet();
    } catch (TimeoutException e) {
      parse.cancel(true);
      fail(kind + " input #" + iteration + " (seed " + SEED + ") still parsing after " + HANG_SECONDS + " s; saved as "
          + save(kind, iteration, input));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    } catch (ExecutionException e) {
      Throwable thrown = e.getCause();
      if (thrown instanceof ReportParseException expected) {
        assertFalse(expected.getMessage().isBlank());
        REJECTED.incrementAndGet();
      } else {
        fail(kind + " input #" + iteration + " (seed " + SEED + ") threw " + thrown + "; saved as " + save(kind, iteration, input), thrown);
      }
    }
  }

  private static Path save(String kind, int iteration, byte[] input) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      return Files.write(dir.resolve(kind.replace(' ', '-') + "-" + SEED + "-" + iteration + ".txt"), input);
    } catch (IOException e) {
      return Path.of("(not saved: " + e.getMessage() + ")");
    }
  }
}
