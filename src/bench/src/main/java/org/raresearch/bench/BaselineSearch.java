package org.raresearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.raresearch.api.ScoredId;
import org.raresearch.eval.BaselineIndex;

/**
 * The bare baseline as a command: opens a baseline index, answers one query, prints the ids. What
 * the CLI's cold start is compared with.
 *
 * <pre>{@code java -cp ... org.raresearch.bench.BaselineSearch INDEX-DIR "QUERY"}</pre>
 */
public final class BaselineSearch {
  private BaselineSearch() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: BaselineSearch INDEX-DIR QUERY");
      System.exit(2);
    }
    try (BaselineIndex baseline = BaselineIndex.open(Path.of(args[0]))) {
      for (ScoredId hit : baseline.rank(args[1], 10)) {
        System.out.println(hit.id() + " " + hit.score());
      }
    }
  }
}
