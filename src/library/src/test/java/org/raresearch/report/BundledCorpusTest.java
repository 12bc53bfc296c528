package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.raresearch.testing.SharedData;

/** The sample reports bundled in {@code index-data/reports}: complete, and read exactly as written. */
class BundledCorpusTest {
  private static final Pattern TITLE_SENTENCE = Pattern.compile("main title of the report (.+?) is not the name you expected");
  private static final Pattern BULLET = Pattern.compile("^\\s+(?:[•*-]\\s+)?(\\S.*)$");

  static Stream<Path> bundledReports() throws IOException {
    return ReportDirectory.reportFiles(SharedData.bundledReports()).stream();
  }

  @Test
  void corpus_hasAtLeastFortyReports() throws IOException {
    assertTrue(ReportDirectory.reportFiles(SharedData.bundledReports()).size() >= 40);
  }

  @ParameterizedTest
  @MethodSource("bundledReports")
  void everyReport_parsesWithoutWarnings_withTitleAndSynonymsAsWritten(Path file) throws IOException {
    ParsedReport parsed = new NordReportParser().parse(file);
    assertEquals(List.of(), parsed.warnings(), file.toString());
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(writtenTitle(lines), parsed.report().title(), file.toString());
    assertEquals(writtenSynonyms(lines), parsed.report().synonyms(), file.toString());
  }

  @ParameterizedTest
  @MethodSource("bundledReports")
  void everyReport_isComplete_andSaysItIsAnIllustrativeSample(Path file) throws IOException {
    DiseaseReport report = new NordReportParser().parse(file).report();
    assertTrue(report.synonyms().size() >= 2, file + " needs at least two synonyms");
    for (SectionKind required :
        List.of(
            SectionKind.GENERAL_DISCUSSION,
            SectionKind.SIGNS_AND_SYMPTOMS,
            SectionKind.CAUSES,
            SectionKind.RELATED_DISORDERS,
            SectionKind.STANDARD_THERAPIES)) {
      assertTrue(report.section(required).length() > 100, file + " lacks " + required.heading());
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains("illustrative sample") && text.contains("not medical advice"), file + " must say it is an illustrative sample");
    assertTrue(report.lastUpdated().isPresent(), file.toString());
  }

  @Test
  void someReports_haveSubdivisionsAndOrganizations() throws IOException {
    LoadSummary summary = ReportDirectory.load(SharedData.bundledReports());
    assertEquals(List.of(), summary.rejected());
    assertTrue(summary.reports().stream().filter(r -> !r.report().subdivisions().isEmpty()).count() >= 5);
    assertTrue(summary.reports().stream().filter(r -> !r.report().organizations().isEmpty()).count() >= 5);
  }

  /** The title as the file writes it: in the "main title" sentence, or the line before "Synonyms of". */
  private static String writtenTitle(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = TITLE_SENTENCE.matcher(lines.get(i));
      if (m.find()) {
        return m.group(1);
      }
      if (lines.get(i).startsWith("Synonyms of ")) {
        return lines.get(i).substring("Synonyms of ".length());
      }
    }
    throw new AssertionError("no title in file");
  }

  /** The bullet lines between the title and "Disorder Subdivisions". */
  private static List<String> writtenSynonyms(List<String> lines) {
    List<String> synonyms = new ArrayList<>();
    boolean inList = false;
    for (String line : lines) {
      if (TITLE_SENTENCE.matcher(line).find() || line.startsWith("Synonyms of ")) {
        inList = true;
      } else if (line.equals("Disorder Subdivisions")) {
        break;
      } else if (inList) {
        Matcher m = BULLET.matcher(line);
        if (m.matches()) {
          synonyms.add(m.group(1).strip());
        }
      }
    }
    return synonyms;
  }
}
