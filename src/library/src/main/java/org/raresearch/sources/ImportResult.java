package org.raresearch.sources;

import java.util.List;

/**
 * What an import did.
 *
 * @param origin the source's name, such as {@code orphanet}
 * @param added reports new to the index
 * @param updated reports that changed since the last import
 * @param unchanged reports left alone
 * @param deleted reports of this origin the source no longer holds
 * @param rejectedCount bad records, all told
 * @param rejected the first {@value #MAX_LISTED_REJECTIONS} bad records, in file order
 */
public record ImportResult(
    String origin, int added, int updated, int unchanged, int deleted, int rejectedCount, List<RejectedRecord> rejected) {
  /** The most bad records a result lists one by one; it counts them all. */
  public static final int MAX_LISTED_REJECTIONS = 100;

  /** Copies the list of bad records. */
  public ImportResult {
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
   * A one-paragraph account for people, with one line per listed bad record.
   *
   * @return the account
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(
        "Imported from %s: %d reports (%d added, %d updated, %d unchanged), %d deleted, %d bad records.",
        origin, reports(), added, updated, unchanged, deleted, rejectedCount));
    for (RejectedRecord r : rejected) {
      sb.append(System.lineSeparator()).append("  rejected ").append(r);
    }
    if (rejectedCount > rejected.size()) {
      sb.append(System.lineSeparator()).append("  ... and ").append(rejectedCount - rejected.size()).append(" more");
    }
    return sb.toString();
  }
}
