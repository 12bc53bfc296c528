package org.raresearch.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code raresearch} command in a JVM of its own with a small heap ({@value #HEAP}), as a user
 * with a small machine runs it, for tests of hostile inputs: its exit code, what it printed, the
 * peak heap it used (the sum of the heap pools' peaks, an upper bound of the heap in use at any one
 * time, garbage included) and the largest heap still in use after a collection (from the GC log).
 */
final class CliProcess {
  static final String HEAP = "256m";
  private static final String PEAK_FILE = "raresearch.test.peakHeapFile";

  /**
   * @param peakHeapBytes the sum of the heap pools' peak usage over the whole run
   * @param liveHeapMb the most heap in use right after a collection, in MB; 0 when none ran
   */
  record Result(int exitCode, String out, String err, long peakHeapBytes, long liveHeapMb) {
    long peakHeapMb() {
      return peakHeapBytes >> 20;
    }
  }

  private static final java.util.regex.Pattern AFTER_COLLECTION = java.util.regex.Pattern.compile("\\d+M->(\\d+)M\\(");

  private CliProcess() {}

  /** Runs {@code raresearch args...}; its output goes to files in {@code work}, so that no size of it can fill memory here. */
  static Result run(Path work, String... args) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(work, "cli");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Path peak = dir.resolve("peak.txt");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP, "--enable-native-access=ALL-UNNAMED", "-D" + PEAK_FILE + "=" + peak,
        "-Xlog:gc:file=" + dir.resolve("gc.log"),
        "-cp", System.getProperty("java.class.path"), CliProcess.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("raresearch " + String.join(" ", args) + " did not finish in 10 minutes");
    }
    long live = 0;
    if (Files.exists(dir.resolve("gc.log"))) {
      java.util.regex.Matcher m = AFTER_COLLECTION.matcher(Files.readString(dir.resolve("gc.log")));
      while (m.find()) {
        live = Math.max(live, Long.parseLong(m.group(1)));
      }
    }
    return new Result(process.exitValue(), head(out), head(err),
        Files.exists(peak) ? Long.parseLong(Files.readString(peak).strip()) : -1, live);
  }

  /** The first 64 KiB of a file: enough to see what went wrong, whatever was printed. */
  private static String head(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readNBytes(64 << 10), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** The command's own main, recording the peak heap when the JVM exits. */
  public static void main(String[] args) {
    Path peakFile = Path.of(System.getProperty(PEAK_FILE));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      try {
        Files.writeString(peakFile, Long.toString(peak));
      } catch (IOException e) {
        // the test then reports no peak
      }
    }));
    RareSearchCli.main(args);
  }
}
