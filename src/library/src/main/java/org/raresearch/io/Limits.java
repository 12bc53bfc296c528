package org.raresearch.io;

import java.util.Locale;

/** Writes amounts the way limits are stated in messages: {@code 65,536 characters}, {@code 4 MiB}. */
public final class Limits {
  private Limits() {}

  /** {@code 65,536 characters}. */
  public static String chars(long count) {
    return String.format(Locale.ROOT, "%,d characters", count);
  }

  /** {@code 4 MiB} for a whole number of mebibytes, else {@code 1,500 bytes}. */
  public static String bytes(long count) {
    long mebibyte = 1L << 20;
    return count >= mebibyte && count % mebibyte == 0
        ? String.format(Locale.ROOT, "%,d MiB", count / mebibyte)
        : String.format(Locale.ROOT, "%,d bytes", count);
  }
}
