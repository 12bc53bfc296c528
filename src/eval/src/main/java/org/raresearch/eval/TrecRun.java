package org.raresearch.eval;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.raresearch.api.ScoredId;

/** Writes rankings in the TREC run format: {@code qid Q0 report-id rank score tag}. */
public final class TrecRun {
  private TrecRun() {}

  /**
   * Writes one line per ranked report, queries in the map's order.
   *
   * @param file the run file to write (replaced when it exists)
   * @param rankings each query's ranking by query id
   * @param tag the run's name, in the last column
   * @throws IOException when the file cannot be written
   */
  public static void write(Path file, Map<String, List<ScoredId>> rankings, String tag) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, List<ScoredId>> e : rankings.entrySet()) {
        int rank = 1;
        for (ScoredId hit : e.getValue()) {
          out.write(String.format(Locale.ROOT, "%s Q0 %s %d %.6f %s%n", e.getKey(), hit.id(), rank++, hit.score(), tag));
        }
      }
    }
  }
}
