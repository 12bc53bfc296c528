package org.raresearch.vocabulary;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.raresearch.errors.FileProblems;

/**
 * Opens an HPO file: undoes gzip compression (told by its magic bytes), tells JSON from OBO by the
 * first non-blank character, and turns every I/O failure into an {@link HpoFormatException}.
 */
final class HpoFiles {
  private static final int BUFFER = 1 << 16;
  private static final int SNIFF_LIMIT = 1 << 16;

  private HpoFiles() {}

  static HpoOntology load(Path file) {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new HpoFormatException(source, 0, "is a directory, not an HPO file");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
      if (!startsWithGzipMagic(raw)) {
        return parse(raw, source, "the file is empty");
      }
      try (InputStream unzipped = new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER)) {
        return parse(unzipped, source, "the gzip-compressed file holds no data");
      } catch (EOFException | ZipException e) {
        throw new HpoFormatException(
            source, 0, "the gzip data is truncated or damaged (" + e.getMessage() + ")", e);
      }
    } catch (NoSuchFileException e) {
      throw new HpoFormatException(source, 0, "the file does not exist", e);
    } catch (AccessDeniedException e) {
      throw new HpoFormatException(source, 0, "the file cannot be read: permission denied", e);
    } catch (IOException e) {
      throw new HpoFormatException(source, 0, "the file cannot be read: " + FileProblems.describe(e), e);
    }
  }

  private static HpoOntology parse(InputStream in, String source, String whenEmpty)
      throws IOException {
    int first = firstSignificantByte(in);
    if (first < 0) {
      throw new HpoFormatException(source, 0, whenEmpty);
    }
    return first == '{' ? HpoJsonReader.read(in, source) : HpoOboReader.read(in, source);
  }

  private static boolean startsWithGzipMagic(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  /**
   * The first byte that is neither white space nor part of a UTF-8 byte-order mark, without
   * consuming anything; -1 when the stream ends first. A stream blank for longer than the sniffing
   * window counts as text that is not JSON.
   */
  private static int firstSignificantByte(InputStream in) throws IOException {
    in.mark(SNIFF_LIMIT);
    try {
      for (int i = 0; i < SNIFF_LIMIT; i++) {
        int b = in.read();
        if (b < 0) {
          return -1;
        }
        boolean blank = b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
        boolean byteOrderMark = i < 3 && (b == 0xef || b == 0xbb || b == 0xbf);
        if (!blank && !byteOrderMark) {
          return b;
        }
      }
      return ' ';
    } finally {
      in.reset();
    }
  }
}
