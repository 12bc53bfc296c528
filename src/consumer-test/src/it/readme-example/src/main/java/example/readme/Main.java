package example.readme;

import java.io.IOException;
import java.nio.file.Path;
import org.raresearch.RareSearch;
import org.raresearch.api.NameMatch;
import org.raresearch.api.SearchHit;

/** The README's library example as a program: {@code Main INDEX_DIR REPORTS_DIR}. */
public final class Main {
  private Main() {}

  /**
   * Indexes the reports, searches them by symptoms, resolves a misspelt name and prints a report's
   * synonyms.
   *
   * @param args the index directory (created when missing) and a directory of report files
   * @throws IOException when the reports cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path index = Path.of(args[0]);
    Path reports = Path.of(args[1]);
    // The README's example, with the two paths above in place of its Path.of("my-index") and
    // Path.of("reports"):
    try (RareSearch rare = RareSearch.open(index)) {                    // creates it if needed
      rare.sync(reports);                                               // incremental (re-)indexing
      for (SearchHit hit : rare.search("droopy eyelid; double vision", 10).hits()) {
        System.out.println(hit.title() + " " + hit.matchedSections());
        hit.snippets().forEach(s -> System.out.println("  " + s.marked("[", "]")));
      }
      for (NameMatch match : rare.resolve("dermatomyocitis")) {
        System.out.println(match.title() + " (" + match.kind() + ", " + match.confidence() + ")");
      }
      rare.get("dermatomyositis").ifPresent(report -> System.out.println(report.synonyms()));
    }
  }
}
