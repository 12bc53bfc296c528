package org.raresearch.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared evaluation data ({@code ../shared} beside the project) for tests that need it;
 * such tests are skipped, with a message saying so, where it is absent.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder, or {@code ../shared} relative to the project when it does not exist. */
  public static Path root() {
    String configured = System.getProperty("raresearch.shared");
    return configured != null ? Path.of(configured) : Path.of("..", "shared").toAbsolutePath().normalize();
  }

  /** A path inside the shared folder; skips the calling test when it is missing. */
  public static Path require(String relative) {
    Path path = root().resolve(relative);
    assumeTrue(
        Files.exists(path),
        () -> "skipped: shared data " + path + " is not present (place the shared folder beside the project)");
    return path;
  }

  /** The project's bundled sample reports. */
  public static Path bundledReports() {
    return Path.of("index-data", "reports").toAbsolutePath();
  }
}
