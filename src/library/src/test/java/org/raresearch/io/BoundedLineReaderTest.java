package org.raresearch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.raresearch.errors.Excerpt;

class BoundedLineReaderTest {

  /** Every line read, as {@code number:text}, and every line skipped, as {@code number skipped length}. */
  private static List<String> read(Reader in, int maxLine, long maxTotal) throws IOException {
    List<String> seen = new ArrayList<>();
    try (BoundedLineReader lines = new BoundedLineReader(in, maxLine, maxTotal,
        (number, length) -> seen.add(number + " skipped " + length))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        seen.add(lines.lineNumber() + ":" + line);
      }
    }
    return seen;
  }

  @Test
  void splitsAtLfCrlfAndCr_likeBufferedReader() throws IOException {
    assertEquals(List.of("1:a", "2:b", "3:c", "4:", "5:d"), read(new StringReader("a\nb\r\nc\r\rd"), 10, Long.MAX_VALUE));
    assertEquals(List.of("1:a", "2:"), read(new StringReader("a\n\n"), 10, Long.MAX_VALUE));
    assertEquals(List.of(), read(new StringReader(""), 10, Long.MAX_VALUE));
  }

  @Test
  void lineOverTheLimit_isSkippedWithItsNumberAndLength_andReadingGoesOn() throws IOException {
    String text = "ok\n" + "x".repeat(11) + "\r\n" + "exactly10!\n" + "y".repeat(50_000) + "\nlast";
    assertEquals(List.of("1:ok", "2 skipped 11", "3:exactly10!", "4 skipped 50000", "5:last"),
        read(new StringReader(text), 10, Long.MAX_VALUE));
  }

  @Test
  void lastLineOverTheLimit_withoutALineEnd_isSkippedToo() throws IOException {
    assertEquals(List.of("1:a", "2 skipped 20"), read(new StringReader("a\n" + "z".repeat(20)), 10, Long.MAX_VALUE));
  }

  /** A line far longer than memory could hold, produced on the fly: only the limit is ever kept. */
  @Test
  void aLineOfAGigabyte_isSkippedWithoutBeingHeld() throws IOException {
    long giant = 1L << 30;
    Reader endless = new Reader() {
      long given;

      @Override
      public int read(char[] chars, int offset, int length) {
        if (given > giant) {
          return -1;
        }
        int n = (int) Math.min(length, giant + 1 - given);
        for (int i = 0; i < n; i++) {
          chars[offset + i] = given + i == giant ? '\n' : 'a';
        }
        given += n;
        return n;
      }

      @Override
      public void close() {}
    };
    assertEquals(List.of("1 skipped " + giant), read(endless, BoundedLineReader.MAX_LINE_CHARS, Long.MAX_VALUE));
  }

  @Test
  void inputOverTheTotalLimit_stopsWithTheLineItWasOn() {
    InputLimitException e = assertThrows(InputLimitException.class, () -> read(new StringReader("ab\ncd\nef\n"), 10, 7));
    assertEquals(3, e.lineNumber());
    assertEquals(7, e.limit());
  }

  @Test
  void asReader_keepsSkippedLinesAsEmptyLines_soLineNumbersStay() throws IOException {
    List<String> skipped = new ArrayList<>();
    BoundedLineReader lines = new BoundedLineReader(new StringReader("a\n" + "b".repeat(20) + "\n" + "c".repeat(30) + "\nd"), 10,
        Long.MAX_VALUE, (number, length) -> skipped.add(number + ":" + length));
    StringBuilder out = new StringBuilder();
    try (Reader reader = lines.asReader()) {
      char[] buffer = new char[3];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        out.append(buffer, 0, n);
      }
    }
    assertEquals("a\n\n\nd\n", out.toString());
    assertEquals(List.of("2:20", "3:30"), skipped);
  }

  @Test
  void excerpt_isShortMarkedAndOneLine() {
    assertEquals("short", Excerpt.of("short"));
    assertEquals("a".repeat(80) + "…", Excerpt.of("a".repeat(1_000_000)));
    assertEquals("\"two lines\"", Excerpt.quoted("two\nlines"));
    String surrogates = "x".repeat(79) + "\uD83D\uDE00" + "tail";
    assertEquals("x".repeat(79) + "…", Excerpt.of(surrogates));
  }
}
