package org.raresearch.api;

import java.util.List;
import org.raresearch.report.ReportParseException;

/**
 * What re-indexing a directory did.
 *
 * @param added reports new to the index
 * @param updated reports whose file changed
 * @param unchanged reports left alone
 * @param deleted reports whose file is gone
 * @param rejected files that could not be parsed (a report already indexed from such a file is kept
 *     as it was)
 * @param warnings warnings across the files parsed
 */
public record SyncResult(
    int added, int updated, int unchanged, int deleted, List<ReportParseException> rejected, int warnings) {
  /** Copies the list of rejected files. */
  public SyncResult {
    rejected = List.copyOf(rejected);
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
   * A one-paragraph account for people, with one line per rejected file.
   *
   * @return the account
   */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(
        "Indexed: %d added, %d updated, %d unchanged, %d deleted, %d rejected, %d warnings.",
        added, updated, unchanged, deleted, rejected.size(), warnings));
    for (ReportParseException e : rejected) {
      sb.append(System.lineSeparator()).append("  rejected ").append(e.getMessage());
    }
    return sb.toString();
  }
}
