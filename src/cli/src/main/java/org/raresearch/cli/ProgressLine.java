package org.raresearch.cli;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * The progress of a long job (indexing, an import) on standard error: on a terminal one line
 * rewritten in place at most five times a second, and shown as it ended by {@link #finish()};
 * elsewhere (a log, a pipe) a line per tenth of the work, so that logs stay short.
 */
final class ProgressLine {
  private static final long MIN_INTERVAL_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final boolean terminal = System.console() != null;
  private int lastTenth = -1;
  private long lastPrinted;
  private boolean printed;
  private Supplier<String> unprinted;

  ProgressLine(PrintWriter err) {
    this.err = err;
  }

  /**
   * @param done how much of the work is done
   * @param total how much there is in all (0 when unknown)
   * @param text the line, made only when it is printed
   */
  void show(long done, long total, Supplier<String> text) {
    if (terminal) {
      long now = System.nanoTime();
      if (!printed || now - lastPrinted > MIN_INTERVAL_NANOS) {
        lastPrinted = now;
        print("\r" + text.get());
        unprinted = null;
      } else {
        unprinted = text;
      }
      return;
    }
    int tenth = total <= 0 ? 0 : (int) Math.min(10, done * 10 / total);
    if (tenth != lastTenth) {
      lastTenth = tenth;
      print(text.get() + System.lineSeparator());
    }
  }

  /** Ends the line on a terminal, showing the last state if it was not shown yet. */
  void finish() {
    if (unprinted != null) {
      print("\r" + unprinted.get());
    }
    if (printed && terminal) {
      err.println();
      err.flush();
    }
  }

  private void print(String text) {
    err.print(text);
    err.flush();
    printed = true;
  }
}
