package org.raresearch.vocabulary;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cut, flipped and shuffled versions of the fixture files: loading either succeeds or raises
 * {@link HpoFormatException}, never another exception, and never hangs. The number of inputs is
 * {@code -Draresearch.fuzz.iterations=N}; the seed {@code -Draresearch.fuzz.seed=S} is printed on
 * failure so a failing input can be replayed.
 */
class HpoOntologyFuzzTest {
  private static final int ITERATIONS = Integer.getInteger("raresearch.fuzz.iterations", 2_000) / 4;
  private static final long SEED = Long.getLong("raresearch.fuzz.seed", System.nanoTime());

  @TempDir Path folder;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void load_mutatedFile_succeedsOrRaisesHpoFormatException() {
    Random random = new Random(SEED);
    List<byte[]> seeds =
        List.of(
            HpoFixtures.JSON.getBytes(StandardCharsets.UTF_8),
            HpoFixtures.OBO.getBytes(StandardCharsets.UTF_8),
            HpoFixtures.gzip(HpoFixtures.JSON),
            HpoFixtures.gzip(HpoFixtures.OBO));
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
      Path file = HpoFixtures.write(folder, "fuzz-" + i, input);
      try {
        new HpoTermMatcher(HpoOntology.load(file)).find("wide based walk and seizures");
      } catch (HpoFormatException expected) {
        // refused with a message: fine
      } catch (RuntimeException | Error e) {
        fail("seed " + SEED + ", input " + i + " (" + file + "): " + e, e);
      }
    }
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed.clone();
    switch (random.nextInt(4)) {
      case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      case 1 -> {
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      case 2 -> {
        byte[] symbols = "{}[]\":,\\!\n \"[Term]".getBytes(StandardCharsets.UTF_8);
        for (int n = 1 + random.nextInt(8); n > 0; n--) {
          bytes[random.nextInt(bytes.length)] = symbols[random.nextInt(symbols.length)];
        }
      }
      default -> {
        int length = random.nextInt(bytes.length / 4 + 1);
        int from = random.nextInt(bytes.length - length + 1);
        int to = random.nextInt(bytes.length - length + 1);
        System.arraycopy(seed, from, bytes, to, length);
      }
    }
    return bytes;
  }
}
