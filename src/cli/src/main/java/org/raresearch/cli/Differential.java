package org.raresearch.cli;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.raresearch.api.PhenotypeMatch;
import org.raresearch.api.SearchHit;
import org.raresearch.api.SearchResults;

/** A differential diagnosis as tab-separated values, one disease a line, as phenotype tools print it. */
final class Differential {
  static final String HEADER = "rank\tdisease_id\tname\tscore\tmatched_findings";

  private Differential() {}

  /**
   * Prints the header and one line per hit: rank, disease id, name, score, and the findings of the
   * query the disease's annotations support, each as {@code HP:0001250 Seizure}, joined by
   * {@code "; "} (empty when the index has no phenotypes to match them to).
   */
  static void printTsv(PrintWriter out, SearchResults results) {
    out.println(HEADER);
    int rank = 1;
    for (SearchHit hit : results.hits()) {
      Set<String> matched = new LinkedHashSet<>();
      for (PhenotypeMatch match : hit.phenotypeMatches()) {
        if (match.relation() != PhenotypeMatch.Relation.CONTRADICTS) {
          matched.add(match.queryTermId() + " " + match.queryTermLabel());
        }
      }
      out.println(String.join("\t", String.valueOf(rank++), cell(hit.id()), cell(hit.title()),
          String.format(Locale.ROOT, "%.4f", hit.score()), cell(String.join("; ", matched))));
    }
    out.flush();
  }

  /** A value without the tabs and line breaks that would break its line. */
  private static String cell(String value) {
    return value.replaceAll("[\\t\\r\\n]+", " ");
  }
}
