package org.raresearch.sources;

/** Progress of an import, for people watching it. */
@FunctionalInterface
public interface ImportProgress {
  /**
   * Called as the import goes on, often: keep it cheap.
   *
   * @param reports reports read so far
   * @param done how much of the source has been read, in units of the source's choosing
   * @param total how much there is to read in all, in the same units (0 when unknown)
   */
  void update(int reports, long done, long total);

  /** Progress nobody listens to. */
  ImportProgress NONE = (reports, done, total) -> {};
}
