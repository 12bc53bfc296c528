package org.raresearch.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads text line by line, holding at most {@code maxLineChars} characters of a line, whatever the
 * input: a longer line is read to its end without being kept, told to a {@link SkippedLines}
 * listener with its number and length, and reading goes on with the next line. Optionally what is
 * kept is bounded too: once the lines returned add up to more than {@code maxTotalChars} characters
 * (line ends included), reading stops with an {@link InputLimitException}. Skipped lines cost time,
 * never memory, so they do not count.
 *
 * <p>Lines end at LF, CRLF or CR, as with {@link java.io.BufferedReader#readLine()}; a last line
 * without a line end is a line. Not thread-safe.
 *
 * <pre>{@code
 * try (BoundedLineReader lines = new BoundedLineReader(reader, 65_536, Long.MAX_VALUE,
 *     (number, length) -> warn(file + ":" + number + ": skipped, " + length + " characters"))) {
 *   for (String line = lines.readLine(); line != null; line = lines.readLine()) {
 *     handle(lines.lineNumber(), line);
 *   }
 * }
 * }</pre>
 */
public final class BoundedLineReader implements Closeable {
  /** The longest line every line-oriented reader of RareSearch accepts, in characters. */
  public static final int MAX_LINE_CHARS = 65_536;

  private static final int BUFFER_CHARS = 1 << 14;

  /** Told of each line over the limit, which is not returned. */
  @FunctionalInterface
  public interface SkippedLines {
    /**
     * @param lineNumber the 1-based number of the line
     * @param length its length in characters, without the line end
     */
    void skipped(long lineNumber, long length);
  }

  private final Reader in;
  private final int maxLineChars;
  private final long maxTotalChars;
  private final SkippedLines skipped;
  private final char[] buffer = new char[BUFFER_CHARS];
  private int position;
  private int end;
  private boolean endOfInput;
  /** A CR ended the last line: an LF right after it belongs to that line end. */
  private boolean skipLineFeed;
  private long lineNumber;
  private long keptChars;

  /**
   * @param in the text; closed by {@link #close()}
   * @param maxLineChars the longest line returned, in characters
   * @param maxTotalChars the most characters of the lines returned, line ends included ({@link
   *     Long#MAX_VALUE} for no bound)
   * @param skipped told of each line longer than {@code maxLineChars}
   */
  public BoundedLineReader(Reader in, int maxLineChars, long maxTotalChars, SkippedLines skipped) {
    if (maxLineChars < 1 || maxTotalChars < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.in = Objects.requireNonNull(in, "in");
    this.maxLineChars = maxLineChars;
    this.maxTotalChars = maxTotalChars;
    this.skipped = Objects.requireNonNull(skipped, "skipped");
  }

  /**
   * Reads UTF-8 text strictly: bytes that are not UTF-8 fail with a {@link
   * java.nio.charset.CharacterCodingException} rather than turn into replacement characters.
   *
   * @param in the bytes; closed by {@link #close()}
   * @param maxTotalChars the most characters read in all
   * @param skipped told of each line longer than {@value #MAX_LINE_CHARS} characters
   */
  public static BoundedLineReader utf8(InputStream in, long maxTotalChars, SkippedLines skipped) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BoundedLineReader(new InputStreamReader(in, decoder), MAX_LINE_CHARS, maxTotalChars, skipped);
  }

  /**
   * Opens a UTF-8 text file ({@link #utf8}) with lines of at most {@value #MAX_LINE_CHARS}
   * characters.
   *
   * @throws IOException when the file cannot be opened
   */
  public static BoundedLineReader open(Path file, long maxTotalChars, SkippedLines skipped) throws IOException {
    return utf8(Files.newInputStream(file), maxTotalChars, skipped);
  }

  /**
   * The next line within the limit, without its line end; lines over the limit on the way are
   * skipped and told to the listener.
   *
   * @return the line, or null at the end of the input
   * @throws InputLimitException when the lines returned run past {@code maxTotalChars}
   * @throws IOException when the input cannot be read
   */
  public String readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    long length = 0;
    boolean started = false;
    while (true) {
      if (position >= end && !fill()) {
        if (!started) {
          return null;
        }
        lineNumber++;
        if (length <= maxLineChars) {
          keep(length);
          return line.toString();
        }
        skipped.skipped(lineNumber, length);
        return null;
      }
      if (skipLineFeed) {
        skipLineFeed = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      started = true;
      int i = position;
      while (i < end && buffer[i] != '\n' && buffer[i] != '\r') {
        i++;
      }
      int chunk = i - position;
      length += chunk;
      if (length <= maxLineChars) {
        line.append(buffer, position, chunk);
      } else if (!line.isEmpty()) {
        line = new StringBuilder(); // over the limit: nothing of it is kept
      }
      if (i == end) {
        position = end;
        continue;
      }
      skipLineFeed = buffer[i] == '\r';
      position = i + 1;
      lineNumber++;
      if (length <= maxLineChars) {
        keep(length + 1);
        return line.toString();
      }
      skipped.skipped(lineNumber, length);
      line.setLength(0);
      length = 0;
      started = false;
    }
  }

  /**
   * What to tell a user of a skipped line: {@code the line is 1,048,576 characters long, over the
   * limit of 65,536 characters; it was skipped}.
   */
  public static String skippedReason(long length, int maxLineChars) {
    return String.format(java.util.Locale.ROOT,
        "the line is %,d characters long, over the limit of %s; it was skipped", length, Limits.chars(maxLineChars));
  }

  /**
   * The lines as a character stream for a parser that reads a {@link Reader}: each line within the
   * limit followed by {@code \n}, and each skipped line as an empty line, so that the parser's own
   * line numbers stay those of the file. Closing it closes this reader.
   */
  public Reader asReader() {
    return new Reader() {
      private String pending = "";
      private int at;
      private long blankLines;
      private long given;

      @Override
      public int read(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        while (blankLines == 0 && at >= pending.length()) {
          String line = readLine();
          if (line == null) {
            return -1;
          }
          blankLines = lineNumber - given - 1;
          given = lineNumber;
          pending = line + "\n";
          at = 0;
        }
        int n = 0;
        for (; blankLines > 0 && n < length; n++, blankLines--) {
          chars[offset + n] = '\n';
        }
        if (blankLines == 0) {
          int count = Math.min(length - n, pending.length() - at);
          pending.getChars(at, at + count, chars, offset + n);
          at += count;
          n += count;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        BoundedLineReader.this.close();
      }
    };
  }

  /** The 1-based number of the last line read, returned or skipped; 0 before the first. */
  public long lineNumber() {
    return lineNumber;
  }

  private boolean fill() throws IOException {
    if (endOfInput) {
      return false;
    }
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      endOfInput = true;
      position = end = 0;
      return false;
    }
    position = 0;
    end = n;
    return true;
  }

  private void keep(long chars) throws InputLimitException {
    keptChars += chars;
    if (keptChars > maxTotalChars) {
      throw new InputLimitException(lineNumber, maxTotalChars);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
