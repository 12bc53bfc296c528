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

  /**
   * Called when an index derived from a folder of reports ({@code RareSearch.Builder.derivedFrom})
   * starts to be brought in step with it, before the first file.
   *
   * @param rebuild whether the index is built anew, being of another schema or damaged
   */
  default void started(boolean rebuild) {}

  /**
   * Called when an index derived from a folder of reports has been brought in step with it.
   *
   * @param result what changed
   */
  default void finished(SyncResult result) {}

  /** Progress nobody listens to. */
  SyncProgress NONE = (done, total) -> {};
}
