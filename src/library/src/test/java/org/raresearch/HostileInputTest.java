package org.raresearch;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raresearch.api.SearchResults;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.SearchTimeoutException;
import org.raresearch.query.QueryText;
import org.raresearch.testing.BundledIndex;

/**
 * Input that looks like query syntax, or is simply huge, is searched as text or refused clearly,
 * and within the time budget: a search stopped by the budget is our own error too, but more than a
 * few of them means some input is searched far too slowly.
 */
class HostileInputTest {
  /** The most hostile-query calls (of about 250) that may run past the time budget. */
  private static final int MAX_HOSTILE_TIMEOUTS = 4;
  private static final AtomicInteger hostileTimeouts = new AtomicInteger();
  private static final Queue<String> timedOut = new ConcurrentLinkedQueue<>();
  private static RareSearch rare;

  @BeforeAll
  static void open() {
    rare = BundledIndex.open();
  }

  @AfterAll
  static void close() throws IOException {
    rare.close();
  }

  @AfterAll
  static void hostileQueries_rarelyRunPastTheTimeBudget() {
    System.out.printf("hostile queries: %d calls past the time budget %s%n", hostileTimeouts.get(), timedOut);
    assertTrue(hostileTimeouts.get() <= MAX_HOSTILE_TIMEOUTS,
        hostileTimeouts.get() + " hostile-query calls ran past the time budget: " + timedOut);
  }

  static Stream<String> hostile() {
    List<String> queries = new ArrayList<>(List.of(
        "rash AND (", "rash OR", "NOT rash", "\"unbalanced quote", "rash\"", "\"\"", "*", "?", "~", "/", "\\",
        "rash~2", "ra*h", "/.*/", "/[a-z]+/", "field:rash", "title:(", "+rash -fever", "rash^10", "{!lucene}",
        "[a TO z]", "&&||!", "((((((((((rash", "\u0000\u0001\u0002", "rash\u0000fever", "發疹, 筋力低下",
        "сыпь и слабость", "💪🏽 weakness 😷", "\uD83D", ",,,;;;", " \t ", "a", "the and of", "x".repeat(300),
        "rash ".repeat(2_000), "rash, ".repeat(1_666), "word".repeat(2_500)));
    StringBuilder tenThousandTerms = new StringBuilder();
    for (int i = 0; i < 10_000 && tenThousandTerms.length() < 19_000; i++) {
      tenThousandTerms.append("t").append(i).append(' ');
    }
    queries.add(tenThousandTerms.toString());
    queries.addAll(List.of(
        "x".repeat(100_000), // over the length limit
        "rash, ".repeat(16_000) + "fever", // 100k characters of findings
        "a ".repeat(10_000), // 10,000 terms within the length limit
        "*".repeat(10_000), "* ".repeat(9_999), "*a ".repeat(6_000), "a*".repeat(9_000), "?".repeat(19_000),
        "/.*/ ".repeat(3_900), "rash~ ".repeat(3_000), "\"rash\" ".repeat(2_000), "\"".repeat(19_999),
        "(".repeat(19_000), "\\".repeat(19_000), ";".repeat(19_999), "\n".repeat(19_999),
        controlCharacters(), "\u202Erash\u202C fever\u200B\u200D", "e\u0301".repeat(9_000),
        "👨‍👩‍👧‍👦".repeat(1_500), "\uDBFF\uDFFF\uDC00\uD800", "\uFFFD\uFFFE\uFFFF",
        "rash 发疹 сыпь طفح 발진 ผื่น 💥 fever", "𝕣𝕒𝕤𝕙 ｒａｓｈ", "İstanbul ǅ ß ﬁ"));
    return queries.stream();
  }

  /** Every character Java calls a control character, and some format characters. */
  private static String controlCharacters() {
    StringBuilder sb = new StringBuilder("rash ");
    for (char c = 0; c < 0xA0; c++) {
      if (Character.isISOControl(c)) {
        sb.append(c).append("fever");
      }
    }
    return sb.append("\u00AD\u2028\u2029\uFEFF").toString();
  }

  /**
   * Queries made at random from words, syntax characters and characters of many scripts: each
   * returns results or our own error. {@code -Draresearch.fuzz.queries=N} sets how many (100 by
   * default).
   */
  @Test
  void randomQueries_returnResultsOrOurOwnError() {
    long seed = Long.getLong("raresearch.fuzz.seed", System.nanoTime());
    int count = Integer.getInteger("raresearch.fuzz.queries", 100);
    Random random = new Random(seed);
    String[] pieces = {
      "rash", "fever", "muscle weakness", "droopy eyelid", "ataxia", " ", ", ", "; ", "\n", "\"", "*", "?", "~", "~2",
      "/", "/.*/", "\\", "(", ")", "[", "]", "{", "}", "^", "!", ":", "+", "-", "&&", "||", "AND", "OR", "NOT",
      "\u0000", "\t", "\u202E", "\u200B", "é", "e\u0301", "发疹", "сыпь", "طفح", "😷", "\uD83D", "\uDE00", "•", "|"
    };
    int refused = 0;
    int overBudget = 0;
    for (int i = 0; i < count; i++) {
      StringBuilder sb = new StringBuilder();
      int n = random.nextInt(i % 50 == 0 ? 5_000 : 40);
      for (int j = 0; j < n; j++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String query = sb.toString();
      try {
        // Ranking runs the query as search does; search adds the (slower) highlighting, so every
        // twentieth query goes through it too.
        assertNotNull(rare.rank(query, 3));
        if (i % 20 == 0) {
          assertNotNull(rare.search(query, 3).hits());
        }
        assertNotNull(rare.resolve(query.length() > QueryText.MAX_NAME_CHARS ? query.substring(0, 900) : query, 3));
      } catch (RareSearchException expected) {
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
        refused++;
        if (expected instanceof SearchTimeoutException) {
          overBudget++;
        }
      } catch (RuntimeException e) {
        fail("query #" + i + " of seed " + seed + " (" + abbreviate(query) + ") threw " + e, e);
      }
    }
    System.out.printf("random queries (seed %d): %d tried, %d refused with our own error (%d of them over the time "
        + "budget), nothing else thrown%n", seed, count, refused, overBudget);
    assertTrue(overBudget <= Math.max(2, count / 50),
        overBudget + " of " + count + " random queries of seed " + seed + " ran past the time budget");
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileQueries_returnResultsOrOurOwnError(String query) {
    for (int limit : new int[] {1, 10}) {
      try {
        SearchResults results = rare.search(query, limit);
        assertNotNull(results.hits());
      } catch (RareSearchException expected) {
        refusedClearly(expected, "search", query);
      } catch (RuntimeException e) {
        fail("search(" + abbreviate(query) + ") threw " + e, e);
      }
      try {
        assertNotNull(rare.resolve(query.length() > QueryText.MAX_NAME_CHARS ? query.substring(0, 900) : query, limit));
      } catch (RareSearchException expected) {
        refusedClearly(expected, "resolve", query);
      } catch (RuntimeException e) {
        fail("resolve(" + abbreviate(query) + ") threw " + e, e);
      }
    }
  }

  private static void refusedClearly(RareSearchException e, String call, String query) {
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
    if (e instanceof SearchTimeoutException) {
      hostileTimeouts.incrementAndGet();
      timedOut.add(call + "(" + abbreviate(query) + ")");
    }
  }

  @Test
  void tenThousandCharacterQuery_returnsResults() {
    String query = String.join(", ", java.util.Collections.nCopies(700, "muscle weakness")).substring(0, 10_000);
    SearchResults results = rare.search(query, 5);
    assertTrue(!results.hits().isEmpty());
  }

  @Test
  void emptyAndOverlongQueries_areRefusedWithAClearMessage() {
    assertTrue(assertThrows(InvalidQueryException.class, () -> rare.search("   ", 5)).getMessage().contains("empty"));
    assertTrue(assertThrows(InvalidQueryException.class, () -> rare.search("x".repeat(QueryText.MAX_QUERY_CHARS + 1), 5))
        .getMessage().contains("limit"));
    assertTrue(assertThrows(InvalidQueryException.class, () -> rare.search("rash", 0)).getMessage().contains("limit"));
    assertTrue(assertThrows(InvalidQueryException.class, () -> rare.resolve("!!!")).getMessage().contains("no letters"));
    assertThrows(InvalidQueryException.class, () -> rare.search(null, 5));
  }

  private static String abbreviate(String s) {
    return s.length() < 40 ? s : s.substring(0, 37) + "...";
  }
}
