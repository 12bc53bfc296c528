package org.raresearch.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raresearch.RareSearch;
import org.raresearch.RareSearchException;
import org.raresearch.testing.BundledIndex;

/** Input that looks like query syntax, or is simply huge, is searched as text or refused clearly. */
class HostileInputTest {
  private static RareSearch rare;

  @BeforeAll
  static void open() {
    rare = BundledIndex.open();
  }

  @AfterAll
  static void close() throws IOException {
    rare.close();
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
    return queries.stream();
  }

  @ParameterizedTest
  @MethodSource("hostile")
  void hostileQueries_returnResultsOrOurOwnError(String query) {
    for (int limit : new int[] {1, 10}) {
      try {
        SearchResults results = rare.search(query, limit);
        assertNotNull(results.hits());
      } catch (RareSearchException expected) {
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
      } catch (RuntimeException e) {
        fail("search(" + abbreviate(query) + ") threw " + e, e);
      }
      try {
        assertNotNull(rare.resolve(query.length() > QueryText.MAX_NAME_CHARS ? query.substring(0, 900) : query, limit));
      } catch (RareSearchException expected) {
        assertTrue(expected.getMessage() != null && !expected.getMessage().isBlank());
      } catch (RuntimeException e) {
        fail("resolve(" + abbreviate(query) + ") threw " + e, e);
      }
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
