package org.raresearch.api;

/**
 * Progress of bringing an index in step with a source of reports (a folder of report files, open
 * data), for people watching it.
 */
@FunctionalInterface
public interface IngestProgress {
  /**
   * Called as the source is read and its reports written, often, from the thread that asked for
   * it: keep it cheap.
   *
   * @param reports reports read so far
   * @param done how much of the source is done, in units of the source's choosing: report files for
   *     a folder, bytes for an open-data file
   * @param total how much there is in all, in the same units (0 when unknown)
   */
  void update(int reports, long done, long total);

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
  default void finished(IngestResult result) {}

  /** Progress nobody listens to. */
  IngestProgress NONE = (reports, done, total) -> {};
}
