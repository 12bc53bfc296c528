package org.raresearch.report;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.raresearch.io.BoundedLineReader;

/**
 * Turns the bytes of a report file into clean lines: detects the encoding (UTF-8 with or without a
 * byte-order mark, UTF-16 with one, else Windows-1252), rejects binary files, splits LF, CRLF and CR
 * line ends, and normalises the odd spaces real files carry (no-break spaces, tabs) to plain ones.
 */
final class ReportText {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private ReportText() {}

  /**
   * Decodes {@code bytes} and splits them into lines; never returns an empty list for non-empty
   * text. A line over {@value BoundedLineReader#MAX_LINE_CHARS} characters is kept as an empty line
   * (so that line numbers stay those of the file) and told to {@code warnings}.
   */
  static List<String> lines(String source, byte[] bytes, List<ParseWarning> warnings) throws ReportParseException {
    if (bytes.length == 0) {
      throw new ReportParseException(source, 0, "the file is empty");
    }
    String text = decode(source, bytes);
    rejectBinary(source, text);
    List<String> lines = new ArrayList<>();
    try (BoundedLineReader reader = new BoundedLineReader(new StringReader(text), BoundedLineReader.MAX_LINE_CHARS, Long.MAX_VALUE,
        (number, length) -> warnings.add(new ParseWarning((int) number, BoundedLineReader.skippedReason(length, BoundedLineReader.MAX_LINE_CHARS))))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        while (lines.size() < reader.lineNumber() - 1) {
          lines.add("");
        }
        lines.add(clean(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading text in memory cannot fail", e);
    }
    if (lines.stream().allMatch(String::isBlank)) {
      throw new ReportParseException(source, 0, "the file is empty (it holds only white space)");
    }
    return lines;
  }

  private static String decode(String source, byte[] bytes) throws ReportParseException {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return strictUtf8(bytes, 3).orElse(lenient(bytes, 3, StandardCharsets.UTF_8));
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return lenient(bytes, 2, StandardCharsets.UTF_16BE);
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return lenient(bytes, 2, StandardCharsets.UTF_16LE);
    }
    // Files are mostly UTF-8; older ones are Windows-1252, where a lone byte such as 0xA9 (the
    // copyright sign) is not valid UTF-8. Strict decoding tells the two apart.
    return strictUtf8(bytes, 0).orElse(lenient(bytes, 0, WINDOWS_1252));
  }

  private static Optional<String> strictUtf8(byte[] bytes, int offset) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static String lenient(byte[] bytes, int offset, Charset charset) {
    return new String(bytes, offset, bytes.length - offset, charset);
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** A text file has no NUL characters and few control characters; anything else is binary. */
  private static void rejectBinary(String source, String text) throws ReportParseException {
    int controls = 0;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
      } else if (c == 0) {
        throw new ReportParseException(
            source, line, "this is a binary file, not a text report (it contains NUL bytes)");
      } else if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\f') {
        controls++;
      }
    }
    if (controls > 8 && controls * 20 > text.length()) {
      throw new ReportParseException(
          source, 0, "this is a binary file, not a text report (" + controls + " control characters)");
    }
  }

  /** One line with control characters dropped, odd spaces made plain and trailing space removed. */
  private static String clean(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || Character.isSpaceChar(c)) {
        sb.append(' ');
      } else if (c == '\uFEFF' || Character.isISOControl(c)) {
        // A byte-order mark in the middle of a file, or a stray control character: carries no text.
        continue;
      } else {
        sb.append(c);
      }
    }
    return sb.toString().stripTrailing();
  }
}
