package org.raresearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.raresearch.api.SearchResults;
import org.raresearch.errors.SearchTimeoutException;
import org.raresearch.testing.BundledIndex;

/** A search that runs past its time budget stops with our own error, never with partial results. */
class SearchTimeoutTest {

  @Test
  void searchPastItsBudget_throwsSearchTimeout_namingQueryAndBudget() throws Exception {
    // A budget of one nanosecond is spent before the first document is scored.
    try (RareSearch rare = RareSearch.builder(BundledIndex.path()).readOnly().searchTimeout(Duration.ofNanos(1)).open()) {
      SearchTimeoutException e = assertThrows(SearchTimeoutException.class, () -> rare.search("muscle weakness, rash", 10));
      assertEquals(Duration.ofNanos(1), e.timeout());
      assertTrue(e.getMessage().contains("\"muscle weakness, rash\""), e.getMessage());
      assertTrue(e.getMessage().contains("RareSearch.Builder.searchTimeout"), e.getMessage());
      assertThrows(SearchTimeoutException.class, () -> rare.rank("muscle weakness", 10));
      assertThrows(SearchTimeoutException.class, () -> rare.resolve("dermatomyositis"));
      // Fetching a report by id and counting are not searches with a budget.
      assertTrue(rare.get("dermatomyositis").isPresent());
      assertTrue(rare.count() > 0);
    }
  }

  @Test
  void searchWithinItsBudget_returnsCompleteResults() throws Exception {
    try (RareSearch defaults = BundledIndex.open();
        RareSearch generous = RareSearch.builder(BundledIndex.path()).readOnly().searchTimeout(Duration.ofMinutes(1)).open()) {
      SearchResults expected = defaults.search("heliotrope rash, muscle weakness", 10);
      assertFalse(expected.hits().isEmpty());
      assertEquals(expected, generous.search("heliotrope rash, muscle weakness", 10));
    }
  }

  @Test
  void zeroOrNegativeBudget_isRefused() {
    RareSearch.Builder builder = RareSearch.builder(BundledIndex.path());
    assertThrows(IllegalArgumentException.class, () -> builder.searchTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> builder.searchTimeout(Duration.ofMillis(-1)));
  }
}
