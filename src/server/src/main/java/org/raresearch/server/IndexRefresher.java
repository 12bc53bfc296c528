package org.raresearch.server;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.raresearch.RareSearch;

/**
 * Keeps the served index fresh away from the requests: every interval it opens the index's latest
 * commit (another process may have synced or imported into it) and brings the suggestions' lookup
 * up to date with it, so that no request pays for either. Searches under way finish on the view
 * they started with. A failure (a damaged newer commit) is logged once, until it changes or passes.
 */
final class IndexRefresher implements AutoCloseable {
  private final RareSearch rare;
  private final PrintStream log;
  private final ScheduledExecutorService timer;
  private String lastFailure;

  IndexRefresher(RareSearch rare, Duration interval, PrintStream log) {
    this.rare = rare;
    this.log = log;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "raresearch-refresh");
      thread.setDaemon(true);
      return thread;
    });
    // At once: the suggestions' lookup takes seconds to build over a large index, and the first
    // keystrokes on the page need not wait for it.
    timer.scheduleWithFixedDelay(this::refresh, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void refresh() {
    try {
      rare.refresh();
      rare.suggest("a", 1);
      lastFailure = null;
    } catch (RuntimeException e) {
      if (!Objects.equals(e.getMessage(), lastFailure) && !timer.isShutdown()) {
        lastFailure = e.getMessage();
        log.println("raresearch serve: the index cannot be refreshed: " + e.getMessage());
      }
    }
  }

  /** Stops refreshing, waiting for a refresh under way. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
