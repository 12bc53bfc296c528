package org.raresearch.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark results: one row per measure and corpus size, RareSearch against the bare baseline
 * measured in the same run, their ratio (RareSearch / baseline), the target and whether it is met.
 */
public final class BenchTable {
  /**
   * One measure.
   *
   * @param reports the corpus size
   * @param measure what was measured, e.g. "symptoms-3 p99"
   * @param unit the unit of both figures, e.g. "ms"
   * @param rareSearch RareSearch's figure
   * @param baseline the baseline's figure, or NaN when it has none
   * @param target the target, e.g. "ratio >= 0.80" or "< 10 ms", or "-" for none
   * @param met whether the target is met, or null when there is none
   */
  public record Row(int reports, String measure, String unit, double rareSearch, double baseline, String target, Boolean met) {
    /** RareSearch / baseline, or NaN without a baseline. */
    public double ratio() {
      return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : rareSearch / baseline;
    }
  }

  private final List<Row> rows = new ArrayList<>();
  private final String conditions;

  /** @param conditions a line saying where and how the figures were measured */
  public BenchTable(String conditions) {
    this.conditions = conditions;
  }

  /** Adds a row without a target. */
  public void add(int reports, String measure, String unit, double rareSearch, double baseline) {
    rows.add(new Row(reports, measure, unit, rareSearch, baseline, "-", null));
  }

  /** Adds a row whose target is a bound on the ratio: at least {@code min}, or at most {@code max}. */
  public void addRatioTarget(int reports, String measure, String unit, double rareSearch, double baseline, boolean atLeast, double bound) {
    Row row = new Row(reports, measure, unit, rareSearch, baseline, null, null);
    double ratio = row.ratio();
    String target = String.format(Locale.ROOT, "ratio %s %.2f", atLeast ? ">=" : "<=", bound);
    rows.add(new Row(reports, measure, unit, rareSearch, baseline, target, atLeast ? ratio >= bound : ratio <= bound));
  }

  /** Adds a row whose target is RareSearch's figure staying under {@code limit}, in the row's unit. */
  public void addLimitTarget(int reports, String measure, String unit, double rareSearch, double baseline, double limit) {
    String target = String.format(Locale.ROOT, "< %s %s", number(limit), unit);
    rows.add(new Row(reports, measure, unit, rareSearch, baseline, target, rareSearch < limit));
  }

  /** The rows, in the order added. */
  public List<Row> rows() {
    return List.copyOf(rows);
  }

  /** Prints the table. */
  public void print(PrintWriter out) {
    out.println(conditions);
    String format = "%8s  %-31s %12s %12s %8s  %-16s %s%n";
    out.printf(Locale.ROOT, format, "reports", "measure", "RareSearch", "baseline", "ratio", "target", "met");
    for (Row row : rows) {
      out.printf(Locale.ROOT, format,
          row.reports(),
          row.measure() + " (" + row.unit() + ")",
          number(row.rareSearch()),
          Double.isNaN(row.baseline()) ? "-" : number(row.baseline()),
          Double.isNaN(row.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", row.ratio()),
          row.target(),
          row.met() == null ? "-" : row.met() ? "yes" : "NO");
    }
    out.flush();
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "-";
    }
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, abs >= 1 ? "%.2f" : "%.3f", value);
  }
}
