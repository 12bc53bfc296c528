package org.raresearch.api;

/**
 * Progress of {@code RareSearch.sync(Path, SyncProgress)}, for people watching it.
 */
@FunctionalInterface
public interface SyncProgress {
  /**
   * Called after each report file, from the thread that called {@code sync}: keep it cheap.
   *
   * @param done files done so far
   * @param total files in all
   */
  void update(int done, int total);

  /** Progress nobody listens to. */
  SyncProgress NONE = (done, total) -> {};
}
