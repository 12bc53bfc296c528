package org.raresearch.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import org.raresearch.errors.Excerpt;

/** Reads the "Last Updated" dates of reports and recognises the placeholders some files carry. */
final class ReportDates {
  private static final List<DateTimeFormatter> FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
          DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT),
          DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("MMM d, uuuu", Locale.ENGLISH),
          DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));

  /**
   * The first day a real report can carry. Dates before it are the Unix epoch (1970-01-01) shifted
   * by a time zone or a default value of some export: placeholders, not dates.
   */
  private static final LocalDate FIRST_REAL_DATE = LocalDate.of(1970, 1, 2);

  private ReportDates() {}

  /**
   * Parses the value of a "Last Updated" line.
   *
   * @return the date, or null (with a warning added) when it is missing, unreadable or a placeholder
   */
  static LocalDate parseLastUpdated(String value, int line, List<ParseWarning> warnings) {
    String text = value.strip().replaceAll("\\s+", " ").replaceAll("\\.$", "");
    if (text.isEmpty()) {
      warnings.add(new ParseWarning(line, "\"Last Updated\" has no date; the date is unknown"));
      return null;
    }
    LocalDate date = null;
    for (DateTimeFormatter format : FORMATS) {
      try {
        date = LocalDate.parse(text, format.withResolverStyle(ResolverStyle.STRICT));
        break;
      } catch (DateTimeParseException e) {
        // try the next format
      }
    }
    if (date == null) {
      warnings.add(
          new ParseWarning(line, "\"Last Updated\" date " + Excerpt.quoted(text) + " is not a date; the date is unknown"));
      return null;
    }
    if (date.isBefore(FIRST_REAL_DATE)) {
      warnings.add(
          new ParseWarning(
              line,
              "\"Last Updated\" date "
                  + Excerpt.of(text)
                  + " is a placeholder (the Unix epoch shifted by a time zone); the date is unknown"));
      return null;
    }
    if (date.isAfter(LocalDate.now().plusDays(1))) {
      warnings.add(
          new ParseWarning(line, "\"Last Updated\" date " + Excerpt.of(text) + " is in the future; the date is unknown"));
      return null;
    }
    return date;
  }
}
