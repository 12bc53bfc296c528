package org.raresearch.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file and folder under a folder with its bytes, to check byte for byte that something left a
 * folder as it found it: no file changed, none deleted, none added (not even a lock file).
 */
public final class FolderSnapshot {
  private static final byte[] FOLDER = new byte[0];

  private FolderSnapshot() {}

  /** Each file's bytes and each folder (as no bytes), by path relative to {@code root}. */
  public static Map<Path, byte[]> of(Path root) {
    Map<Path, byte[]> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : (Iterable<Path>) walk::iterator) {
        entries.put(root.relativize(path), Files.isDirectory(path) ? FOLDER : Files.readAllBytes(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  /** Fails unless {@code root} holds exactly what {@code before} recorded. */
  public static void assertSame(Map<Path, byte[]> before, Path root) {
    Map<Path, byte[]> after = of(root);
    assertEquals(before.keySet(), after.keySet(), "the files under " + root);
    before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), "the bytes of " + root.resolve(path)));
  }

  /**
   * Makes a folder of a user's files that an index command might be pointed at by mistake: a
   * document, a file named like a Lucene commit point ({@code segments_1}), one named like a Lucene
   * segment ({@code _0.cfs}) and a file in a subfolder.
   */
  public static Path userFiles(Path folder) {
    try {
      Files.createDirectories(folder.resolve("photos"));
      Files.writeString(folder.resolve("notes.txt"), "Appointments and questions for the doctor.\n");
      Files.write(folder.resolve("segments_1"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
      Files.writeString(folder.resolve("_0.cfs"), "not a compound file\n");
      Files.write(folder.resolve("photos").resolve("rash.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0});
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
