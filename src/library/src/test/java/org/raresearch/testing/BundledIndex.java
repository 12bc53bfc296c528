package org.raresearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestResult;

/**
 * A real index of the bundled sample reports on disk, built once per test run and shared read-only
 * by the tests that only search it.
 */
public final class BundledIndex {
  private static Path path;

  private BundledIndex() {}

  /** The index directory, built on first call. */
  public static synchronized Path path() {
    if (path == null) {
      try {
        Path dir = Files.createTempDirectory("raresearch-bundled-index");
        dir.toFile().deleteOnExit();
        try (RareSearch rare = RareSearch.open(dir)) {
          IngestResult result = rare.sync(SharedData.bundledReports());
          if (!result.rejected().isEmpty() || result.added() < 40) {
            throw new IllegalStateException("bundled corpus did not index cleanly: " + result.describe());
          }
        }
        path = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return path;
  }

  /** A read-only RareSearch over the bundled index; close it after use. */
  public static RareSearch open() {
    return RareSearch.builder(path()).readOnly().open();
  }
}
