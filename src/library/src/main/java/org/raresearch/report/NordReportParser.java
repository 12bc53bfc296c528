package org.raresearch.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.FileProblems;

/**
 * Reads rare-disease reports written in the text layout of the National Organization for Rare
 * Disorders (NORD): a title, bulleted synonyms and disorder subdivisions, headed sections, supporting
 * organizations, a "Last Updated" date and a copyright line.
 *
 * <p>The parser is forgiving where real files vary (title in a sentence or on its own line; bullets
 * written with {@code •}, {@code -}, {@code *} or as indented lines; LF or CRLF; UTF-8 with or
 * without byte-order mark, or Windows-1252) and keeps NORD's boilerplate (navigation text,
 * disclaimers, "For a Complete Report") out of the sections. It is strict where a report would be
 * meaningless: an empty file, a binary file or a file with no recognisable title raises a {@link
 * ReportParseException} naming the file and line. Placeholder dates such as {@code 12/26/1969}
 * become an unknown date with a {@link ParseWarning}.
 *
 * <pre>{@code
 * ParsedReport parsed = new NordReportParser().parse(Path.of("reports/dermatomyositis.txt"));
 * DiseaseReport report = parsed.report();
 * }</pre>
 *
 * <p>Instances hold no state and are safe to share between threads.
 */
public final class NordReportParser {

  /** Files larger than this are rejected without being read: no real report comes near it. */
  public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

  private static final Pattern MAIN_TITLE_SENTENCE =
      Pattern.compile(
          "(?i)the main title of the report\\s+(.+?)\\s+is not the name you expected");
  private static final Pattern SYNONYMS_HEADING = Pattern.compile("(?i)^synonyms(?:\\s+of\\s+(.+?))?\\s*:?$");
  private static final Pattern LAST_UPDATED = Pattern.compile("(?i)^\\s*last\\s+updated\\s*:?\\s*(.*)$");
  private static final Pattern COPYRIGHT =
      Pattern.compile("(?i)^\\s*(?:copyright\\b|©|\\(c\\)\\s*\\d{4}|source\\s*:.*(?:\\(c\\)|©|copyright)).*$");
  private static final Pattern BULLET = Pattern.compile("^\\s*(?:[•·●▪◦‣∙*]|-(?=\\s)|–(?=\\s))\\s*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.:;,!?]$");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern NO_ITEM = Pattern.compile("(?i)none\\.?|n/a|-+");

  /** Paragraphs NORD repeats in every report; they describe NORD, not the disease. */
  private static final List<String> BOILERPLATE =
      List.of(
          "skip to the navigation",
          "is not the name you expected",
          "is not the name you selected",
          "not intended for diagnostic purposes",
          "this disease entry is based upon medical information available",
          "for additional information and assistance about rare disorders",
          "this is an abstract of a report from the national organization for rare disorders",
          "a copy of the complete report can be",
          "nord recommends that affected individuals seek",
          "in the report layout of the national organization for rare disorders");

  private enum Region {
    PREAMBLE,
    NAMES_AFTER_TITLE,
    SYNONYMS,
    SUBDIVISIONS,
    SECTION,
    ORGANIZATIONS,
    BOILERPLATE,
    END
  }

  /** Creates a parser; parsers are stateless and may be shared. */
  public NordReportParser() {}

  /**
   * Parses one report file. The report's id is the file name without its extension.
   *
   * @param file a report file
   * @return the report and any warnings
   * @throws ReportParseException when the file cannot be read or is not a report; the message names
   *     the file and, where it helps, the line
   */
  public ParsedReport parse(Path file) throws ReportParseException {
    return parse(idOf(file), file.toString(), read(file));
  }

  /**
   * Reads a report file's bytes, refusing a file over {@link #MAX_FILE_BYTES} without reading it
   * into memory.
   *
   * @param file a report file
   * @return its bytes, at most {@link #MAX_FILE_BYTES} of them
   * @throws ReportParseException when the file is missing, unreadable or over the limit
   */
  public static byte[] read(Path file) throws ReportParseException {
    String source = file.toString();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new ReportParseException(
            source,
            0,
            "the file is " + size + " bytes, over the limit of " + MAX_FILE_BYTES + " bytes for one report");
      }
      try (InputStream in = Files.newInputStream(file)) {
        // Read at most one byte past the limit: the file may have grown since it was measured.
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw new ReportParseException(source, 0, "no such file");
    } catch (IOException e) {
      throw new ReportParseException(source, 0, "cannot read the file: " + FileProblems.describe(e), e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new ReportParseException(
          source, 0, "the file is over the limit of " + MAX_FILE_BYTES + " bytes for one report");
    }
    return bytes;
  }

  /**
   * Parses a report from raw bytes, detecting the encoding.
   *
   * @param id the id to give the report
   * @param source a name for the input, used in messages (e.g. a file name or URL)
   * @param content the report's bytes
   * @return the report and any warnings
   * @throws ReportParseException when the content is not a report
   */
  public ParsedReport parse(String id, String source, byte[] content) throws ReportParseException {
    if (content.length > MAX_FILE_BYTES) {
      throw new ReportParseException(
          source, 0, "the input is over the limit of " + MAX_FILE_BYTES + " bytes for one report");
    }
    List<ParseWarning> warnings = new ArrayList<>();
    List<String> lines = ReportText.lines(source, content, warnings);
    return new Reader(id, source, lines, warnings).read();
  }

  /**
   * Parses a report from text already in memory.
   *
   * @param id the id to give the report; also used as the source name in messages
   * @param text the report text
   * @return the report and any warnings
   * @throws ReportParseException when the text is not a report
   */
  public ParsedReport parse(String id, String text) throws ReportParseException {
    return parse(id, id, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The report id for a file.
   *
   * @param file a report file
   * @return its name without the last extension
   */
  public static String idOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** The state of one parse: a single pass over the lines. */
  private static final class Reader {
    private final String id;
    private final String source;
    private final List<String> lines;
    private final List<ParseWarning> warnings;

    private String title;
    private final List<String> synonyms = new ArrayList<>();
    private final List<String> subdivisions = new ArrayList<>();
    private final Map<SectionKey, List<String>> sections = new LinkedHashMap<>();
    private final List<String> organizationLines = new ArrayList<>();
    private LocalDate lastUpdated;
    private String copyright;

    private Region region = Region.PREAMBLE;
    private SectionKey currentSection;
    private StringBuilder paragraph = new StringBuilder();

    Reader(String id, String source, List<String> lines, List<ParseWarning> warnings) {
      this.id = id;
      this.source = source;
      this.lines = lines;
      this.warnings = warnings;
    }

    ParsedReport read() throws ReportParseException {
      for (int i = 0; i < lines.size(); i++) {
        String raw = lines.get(i);
        String line = raw.strip();
        int lineNo = i + 1;
        if (line.isEmpty()) {
          endParagraph();
          if (region == Region.ORGANIZATIONS) {
            organizationLines.add("");
          }
          continue;
        }
        if (handleClosingLines(line, lineNo)) {
          continue;
        }
        if (region == Region.PREAMBLE) {
          readPreamble(line, lineNo);
          continue;
        }
        if (handleHeading(line, i)) {
          continue;
        }
        readBody(raw, line, i);
      }
      endParagraph();
      if (title == null) {
        throw new ReportParseException(
            source, lines.size(), "no recognisable title: the file ends before any report title");
      }
      DiseaseReport report =
          new DiseaseReport(
              id,
              title,
              synonyms,
              subdivisions,
              joinSections(),
              OrganizationListParser.parse(organizationLines),
              Optional.ofNullable(lastUpdated),
              Optional.ofNullable(copyright));
      warnings.sort(java.util.Comparator.comparingInt(ParseWarning::line));
      return new ParsedReport(source, report, warnings);
    }

    /** "Last Updated" and the copyright line close the report wherever they appear. */
    private boolean handleClosingLines(String line, int lineNo) {
      Matcher updated = LAST_UPDATED.matcher(line);
      if (updated.matches()) {
        endParagraph();
        lastUpdated = ReportDates.parseLastUpdated(updated.group(1), lineNo, warnings);
        region = title == null ? Region.PREAMBLE : Region.END;
        return true;
      }
      if (COPYRIGHT.matcher(line).matches() && line.length() < 300) {
        endParagraph();
        if (copyright == null) {
          copyright = SPACES.matcher(line).replaceAll(" ");
        }
        region = title == null ? Region.PREAMBLE : Region.END;
        return true;
      }
      return false;
    }

    private void readPreamble(String line, int lineNo) throws ReportParseException {
      Matcher sentence = MAIN_TITLE_SENTENCE.matcher(line);
      if (sentence.find()) {
        setTitle(sentence.group(1), lineNo);
        region = Region.NAMES_AFTER_TITLE;
        return;
      }
      Matcher synonymsHeading = SYNONYMS_HEADING.matcher(line);
      if (synonymsHeading.matches() && synonymsHeading.group(1) != null) {
        setTitle(synonymsHeading.group(1), lineNo);
        region = Region.SYNONYMS;
        return;
      }
      if (isBoilerplate(line) || line.toLowerCase(Locale.ROOT).contains("national organization for rare disorders")) {
        return;
      }
      if (isKnownHeading(line)) {
        throw new ReportParseException(
            source,
            lineNo,
            "no recognisable title: the heading " + Excerpt.quoted(line) + " comes before any report title");
      }
      if (BULLET.matcher(line).find()) {
        throw new ReportParseException(
            source, lineNo, "no recognisable title: a list item " + describe(line) + " comes before any title");
      }
      if (!looksLikeTitle(line)) {
        throw new ReportParseException(
            source,
            lineNo,
            "no recognisable title: expected the report's title but found " + describe(line));
      }
      setTitle(line, lineNo);
      region = Region.NAMES_AFTER_TITLE;
    }

    private void setTitle(String text, int lineNo) throws ReportParseException {
      String clean = text.strip().replaceAll("\\s+", " ").replaceAll("[.:]$", "").strip();
      if (clean.isEmpty() || !looksLikeTitle(clean)) {
        throw new ReportParseException(
            source, lineNo, "no recognisable title: \"" + abbreviate(text) + "\" is not a report title");
      }
      title = clean;
    }

    /** Returns true when the line is a heading and the parser has moved to the region it opens. */
    private boolean handleHeading(String line, int index) {
      Matcher synonymsHeading = SYNONYMS_HEADING.matcher(line);
      // "Synonyms of" names the report, however long its title: the heading is as long as the title.
      if (synonymsHeading.matches()
          && (line.length() <= 120 || (synonymsHeading.group(1) != null && synonymsHeading.group(1).strip().equalsIgnoreCase(title)))) {
        endParagraph();
        region = Region.SYNONYMS;
        return true;
      }
      if (line.length() > 120) {
        return false;
      }
      String key = SectionKind.normalizeHeading(line);
      switch (key) {
        case "disorder subdivisions", "subdivisions" -> {
          endParagraph();
          region = Region.SUBDIVISIONS;
          return true;
        }
        case "supporting organizations", "organizations", "resources" -> {
          endParagraph();
          region = Region.ORGANIZATIONS;
          return true;
        }
        case "for a complete report", "disclaimer" -> {
          endParagraph();
          region = Region.BOILERPLATE;
          return true;
        }
        default -> {}
      }
      Optional<SectionKind> kind = SectionKind.fromNormalizedHeading(key);
      if (kind.isPresent()) {
        openSection(SectionKey.of(kind.get()));
        return true;
      }
      if (region == Region.SECTION && looksLikeOtherHeading(line, index)) {
        openSection(new SectionKey(SectionKind.OTHER, line.replaceAll("\\s*:$", "")));
        return true;
      }
      return false;
    }

    private void openSection(SectionKey key) {
      endParagraph();
      region = Region.SECTION;
      currentSection = key;
      sections.computeIfAbsent(key, k -> new ArrayList<>());
    }

    private void readBody(String raw, String line, int index) {
      switch (region) {
        case NAMES_AFTER_TITLE -> {
          // NORD abstracts list synonyms as bare bullets right after the title; a plain paragraph
          // here is the start of an unheaded discussion.
          if (BULLET.matcher(raw).find() || Character.isWhitespace(raw.charAt(0)) || isShortName(line)) {
            addListItem(synonyms, line);
          } else {
            openSection(SectionKey.of(SectionKind.GENERAL_DISCUSSION));
            appendToParagraph(line);
          }
        }
        case SYNONYMS -> addListItem(synonyms, line);
        case SUBDIVISIONS -> addListItem(subdivisions, line);
        case SECTION -> appendToParagraph(line);
        case ORGANIZATIONS -> {
          if (!isBoilerplate(line)) {
            organizationLines.add(line);
          }
        }
        case BOILERPLATE, END, PREAMBLE -> {
          // Nothing after "For a Complete Report" or "Last Updated" describes the disease.
        }
      }
    }

    private void addListItem(List<String> list, String line) {
      if (isBoilerplate(line)) {
        return;
      }
      String item = BULLET.matcher(line).replaceFirst("").strip();
      item = SPACES.matcher(item).replaceAll(" ");
      if (item.isEmpty() || NO_ITEM.matcher(item).matches()) {
        return;
      }
      list.add(item);
    }

    private void appendToParagraph(String line) {
      if (!paragraph.isEmpty()) {
        paragraph.append(' ');
      }
      paragraph.append(SPACES.matcher(line).replaceAll(" "));
    }

    private void endParagraph() {
      if (paragraph.isEmpty()) {
        return;
      }
      String text = paragraph.toString();
      paragraph = new StringBuilder();
      if (currentSection != null && !isBoilerplate(text)) {
        sections.get(currentSection).add(text);
      }
    }

    private Map<SectionKey, String> joinSections() {
      Map<SectionKey, String> joined = new LinkedHashMap<>();
      sections.forEach(
          (key, paragraphs) -> {
            if (!paragraphs.isEmpty()) {
              joined.put(key, String.join("\n\n", paragraphs));
            }
          });
      return joined;
    }

    /**
     * A heading we do not know: a short, title-like line standing alone between blank lines and
     * followed by text, e.g. "Genetic Counseling".
     */
    private boolean looksLikeOtherHeading(String line, int index) {
      boolean blankBefore = index == 0 || lines.get(index - 1).isBlank();
      boolean blankAfter = index + 1 >= lines.size() || lines.get(index + 1).isBlank();
      if (!blankBefore || !blankAfter || line.length() > 60 || SENTENCE_END.matcher(line).find()) {
        return false;
      }
      if (!Character.isUpperCase(line.codePointAt(0)) || BULLET.matcher(line).find()) {
        return false;
      }
      if (line.split("\\s+").length > 7) {
        return false;
      }
      for (int j = index + 1; j < lines.size(); j++) {
        String next = lines.get(j).strip();
        if (!next.isEmpty()) {
          return next.length() > line.length() && !LAST_UPDATED.matcher(next).matches();
        }
      }
      return false;
    }

    private static boolean isKnownHeading(String line) {
      return SectionKind.fromHeading(line).isPresent()
          || switch (SectionKind.normalizeHeading(line)) {
            case "disorder subdivisions", "supporting organizations", "for a complete report" -> true;
            default -> false;
          };
    }

    private static boolean looksLikeTitle(String text) {
      // A title is a name, not prose: short, and not a sentence of many words ending in a period.
      return text.length() <= 250
          && text.codePoints().anyMatch(Character::isLetter)
          && !(text.endsWith(".") && text.split("\\s+").length > 12);
    }

    private static boolean isShortName(String line) {
      return line.length() <= 80 && !SENTENCE_END.matcher(line).find();
    }

    private static String describe(String line) {
      return Excerpt.quoted(line);
    }

    private static String abbreviate(String text) {
      return Excerpt.of(text);
    }
  }

  static boolean isBoilerplate(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String phrase : BOILERPLATE) {
      if (lower.contains(phrase)) {
        return true;
      }
    }
    return false;
  }
}
