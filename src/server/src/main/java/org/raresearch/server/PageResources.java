package org.raresearch.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The search page's files, read once from the jar: a fixed list of names, never a path looked up
 * on disk, so no request can reach any other file.
 */
final class PageResources {
  private static final Map<String, String> TYPES = Map.of(
      "index.html", "text/html; charset=utf-8",
      "app.js", "text/javascript; charset=utf-8",
      "app.css", "text/css; charset=utf-8",
      "icon.svg", "image/svg+xml");

  private final Map<String, Reply> files;

  PageResources() {
    Map<String, Reply> loaded = new HashMap<>();
    TYPES.forEach((name, type) -> loaded.put(name, new Reply(200, type, read(name), Map.of("Cache-Control", "no-cache"))));
    this.files = Map.copyOf(loaded);
  }

  /** The file served at a path ({@code /} is the page itself), if any. */
  Optional<Reply> at(String path) {
    return Optional.ofNullable(files.get(path.equals("/") ? "index.html" : path.substring(1)));
  }

  private static byte[] read(String name) {
    try (InputStream in = PageResources.class.getResourceAsStream("page/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the page file " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the page file " + name + " from the jar failed", e);
    }
  }
}
