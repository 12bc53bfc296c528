package org.raresearch.sources;

import java.util.Objects;

/**
 * A record of an open-data file that could not be imported.
 *
 * @param position where it is: a file, an archive entry, a line
 * @param reason what is wrong with it
 */
public record RejectedRecord(String position, String reason) {
  /** Checks that both components are given. */
  public RejectedRecord {
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return position + ": " + reason;
  }
}
