package org.raresearch.api;

import java.util.Objects;

/**
 * A record of a source that could not be read or indexed: a report file, an entry of an open-data
 * file.
 *
 * @param position where it is: a file, an archive entry, a line, or the report's id
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
