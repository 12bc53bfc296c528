package org.raresearch.api;

import java.util.List;

/**
 * What bringing an index in step with a source of reports did: reports added, changed, left alone,
 * deleted, and the records that could not be read.
 *
 * @param origin the source's origin: {@code ""} for report files, else the name of an open-data
 *     source, such as {@code orphanet}
 * @param added reports new to the index
 * @param updated reports that changed since the index last took them
 * @param unchanged reports left alone
 * @param deleted reports of this origin the source no longer holds
 * @param rejectedCount records that could not be read or indexed, all told (the index keeps any
 *     earlier version of their report)
 * @param rejected the first {@value #MAX_LISTED_REJECTIONS} of them, in source order
 * @param warnings warnings across the report files parsed
 */
public record IngestResult(
    String origin, int added, int updated, int unchanged, int deleted, int rejectedCount, List<RejectedRecord> rejected,
    int warnings) {
  /** The most rejected records a result lists one by one; it counts them all. */
  public static final int MAX_LISTED_REJECTIONS = 100;

  /** Copies the list of rejected records. */
  public IngestResult {
    rejected = List.copyOf(rejected);
  }

  /**
   * The number of reports the source holds.
   *
   * @return added, updated and unchanged reports together
   */
  public int reports() {
    return added + updated + unchanged;
  }

  /**
   * Whether the index changed.
   *
   * @return whether a report was added, updated or deleted
   */
  public boolean changed() {
    return added + updated + deleted > 0;
  }

  /**
   * A one-paragraph account for people, with one line per listed rejected record: {@code Indexed:
   * ...} for report files, {@code Imported from ORIGIN: ...} for open data.
   *
   * @return the account
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (origin.isEmpty()) {
      sb.append(String.format(
          "Indexed: %d added, %d updated, %d unchanged, %d deleted, %d rejected, %d warnings.",
          added, updated, unchanged, deleted, rejectedCount, warnings));
    } else {
      sb.append(String.format(
          "Imported from %s: %d reports (%d added, %d updated, %d unchanged), %d deleted, %d bad records.",
          origin, reports(), added, updated, unchanged, deleted, rejectedCount));
    }
    for (RejectedRecord r : rejected) {
      sb.append(System.lineSeparator()).append("  rejected ").append(r);
    }
    if (rejectedCount > rejected.size()) {
      sb.append(System.lineSeparator()).append("  ... and ").append(rejectedCount - rejected.size()).append(" more");
    }
    return sb.toString();
  }
}
