package org.raresearch.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the bytes of a report file into clean lines: detects the encoding (UTF-8 with or without a
 * byte-order mark, UTF-16 with one, else Windows-1252), rejects binary files, splits LF, CRLF and CR
 * line ends, and normalises the odd spaces real files carry (no-break spaces, tabs) to plain ones.
 */
final class ReportText {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private ReportText() {}

  /** Decodes {@code bytes} and splits them into lines; never returns an empty list for non-empty text. */
  static List<String> lines(String source, byte[] bytes) throws ReportParseException {
    if (bytes.length == 0) {
      throw new ReportParseException(source, 0, "the file is empty");
    }
    String text = decode(source, bytes);
    rejectBinary(source, text);
    List<String> lines = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        lines.add(clean(text, start, i));
        if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < n) {
      lines.add(clean(text, start, n));
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
  private static String clean(String text, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
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
