package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NordReportParserTest {
  private final NordReportParser parser = new NordReportParser();

  /** A complete report in the full-report style: title line, "Synonyms of" heading, all sections. */
  private static final String FULL_REPORT =
      """
      National Organization for Rare Disorders, Inc.

      Skip to the navigation

      Myasthenia Gravis

      Synonyms of Myasthenia Gravis

        - MG
        - Erb-Goldflam disease
        - mg
        * Acquired myasthenia
          Goldflam disease

      Disorder Subdivisions

        • Ocular myasthenia gravis
        • Generalized myasthenia gravis

      General Discussion

      Myasthenia gravis is an autoimmune disorder of the junction between nerves and muscles.
      This second line continues the same paragraph.

      The information provided in this report is not intended for diagnostic purposes.

      Signs & Symptoms

      Drooping eyelids (ptosis) and double vision are often the first signs.

      Causes

      Antibodies block acetylcholine receptors.

      Affected Populations

      Women are affected earlier than men.

      Related Disorders

      Lambert-Eaton myasthenic syndrome has similar weakness.

      Diagnosis

      Antibody tests and electromyography confirm it.

      Standard Therapies

      Pyridostigmine relieves symptoms.

      Investigational Therapies

      Complement inhibitors are being studied.

      Genetic Counseling

      The acquired form is not inherited.

      Supporting Organizations

      Myasthenia Gravis Foundation of America

      355 Lexington Avenue, 15th Floor
      New York, NY 10017
      Tel: (800)541-5454 or (212)297-2156
      Fax: (212)370-9047
      Email: mgfa@example.org
      Internet: www.example.org

      Quiet Organization

      References

      Doe J. A review of myasthenia. Example Journal. 2020;1:1-10.

      For a Complete Report

      This is an abstract. NORD recommends that affected individuals seek the advice of physicians.

      Last Updated: 03/14/2024
      Copyright 2024 National Organization for Rare Disorders, Inc.
      """;

  @Test
  void fullReport_titleLineAndSynonymsHeading() throws Exception {
    DiseaseReport report = parser.parse("mg", FULL_REPORT).report();
    assertEquals("Myasthenia Gravis", report.title());
    assertEquals(List.of("MG", "Erb-Goldflam disease", "Acquired myasthenia", "Goldflam disease"), report.synonyms());
    assertEquals(List.of("Ocular myasthenia gravis", "Generalized myasthenia gravis"), report.subdivisions());
  }

  @Test
  void fullReport_everySectionKeyedByKind_unknownHeadingsUnderTheirOwnName() throws Exception {
    DiseaseReport report = parser.parse("mg", FULL_REPORT).report();
    assertEquals(
        List.of(
            "General Discussion",
            "Signs & Symptoms",
            "Causes",
            "Affected Populations",
            "Related Disorders",
            "Diagnosis",
            "Standard Therapies",
            "Investigational Therapies",
            "Genetic Counseling",
            "References"),
        report.sections().keySet().stream().map(SectionKey::name).toList());
    assertEquals(
        new SectionKey(SectionKind.OTHER, "Genetic Counseling"),
        report.sections().keySet().stream().filter(k -> k.kind() == SectionKind.OTHER).findFirst().orElseThrow());
    assertEquals("Pyridostigmine relieves symptoms.", report.section(SectionKind.STANDARD_THERAPIES));
    assertTrue(report.section(SectionKind.REFERENCES).startsWith("Doe J."));
  }

  @Test
  void paragraphs_joinWrappedLines_andDropBoilerplate() throws Exception {
    String discussion = parser.parse("mg", FULL_REPORT).report().section(SectionKind.GENERAL_DISCUSSION);
    assertEquals(
        "Myasthenia gravis is an autoimmune disorder of the junction between nerves and muscles."
            + " This second line continues the same paragraph.",
        discussion);
  }

  @Test
  void organizations_contactLines_severalPhonesOnOneLine_andNoDetails() throws Exception {
    List<Organization> organizations = parser.parse("mg", FULL_REPORT).report().organizations();
    assertEquals(2, organizations.size());
    Organization mgfa = organizations.get(0);
    assertEquals("Myasthenia Gravis Foundation of America", mgfa.name());
    assertEquals(List.of("355 Lexington Avenue, 15th Floor", "New York, NY 10017"), mgfa.addressLines());
    assertEquals(List.of("(800)541-5454", "(212)297-2156"), mgfa.phones());
    assertEquals(List.of("(212)370-9047"), mgfa.faxes());
    assertEquals("mgfa@example.org", mgfa.email().orElseThrow());
    assertEquals("www.example.org", mgfa.website().orElseThrow());
    assertEquals(Organization.named("Quiet Organization"), organizations.get(1));
  }

  @Test
  void lastUpdated_realDate_andCopyright() throws Exception {
    ParsedReport parsed = parser.parse("mg", FULL_REPORT);
    assertEquals(LocalDate.of(2024, 3, 14), parsed.report().lastUpdated().orElseThrow());
    assertEquals("Copyright 2024 National Organization for Rare Disorders, Inc.", parsed.report().copyright().orElseThrow());
    assertEquals(List.of(), parsed.warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {"12/26/1969", "12/31/1969", "01/01/1970", "1969-12-31", "not a date", "13/45/2020"})
  void lastUpdated_placeholderOrUnreadable_isUnknownWithAWarning(String date) throws Exception {
    ParsedReport parsed = parser.parse("mg", FULL_REPORT.replace("03/14/2024", date));
    assertTrue(parsed.report().lastUpdated().isEmpty());
    assertEquals(1, parsed.warnings().size());
    assertTrue(parsed.warnings().get(0).message().contains("unknown"), parsed.warnings().toString());
    int dateLine = FULL_REPORT.substring(0, FULL_REPORT.indexOf("Last Updated")).split("\n", -1).length;
    assertEquals(dateLine, parsed.warnings().get(0).line(), "warning names the line of the date");
  }

  @Test
  void titleOnlyInSynonymsHeading() throws Exception {
    String text = "Synonyms of Behçet Disease\n\n  • BD\n\nGeneral Discussion\n\nAn inflammatory disorder.\n";
    DiseaseReport report = parser.parse("bd", text).report();
    assertEquals("Behçet Disease", report.title());
    assertEquals(List.of("BD"), report.synonyms());
  }

  @Test
  void synonymsHeadingOfALongTitle_opensTheSynonyms() throws Exception {
    String title = "Developmental delay-facial dysmorphism-Blaschko lines hypopigmentation-obesity-intellectual disability syndrome";
    String text = "It is possible that the main title of the report " + title + " is not the name you expected.\n\n"
        + "Synonyms of " + title + "\n\n  • TFE3-related neurodevelopmental disorder\n\n"
        + "General Discussion\n\nA rare malformation syndrome.\n";
    DiseaseReport report = parser.parse("long", text).report();
    assertEquals(title, report.title());
    assertEquals(List.of("TFE3-related neurodevelopmental disorder"), report.synonyms());
    assertEquals("A rare malformation syndrome.", report.section(SectionKind.GENERAL_DISCUSSION));
  }

  @Test
  void lineEndings_crlfAndByteOrderMark_readTheSameAsLf() throws Exception {
    DiseaseReport lf = parser.parse("mg", FULL_REPORT).report();
    byte[] crlf = FULL_REPORT.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream withBom = new ByteArrayOutputStream();
    withBom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    withBom.write(crlf);
    assertEquals(lf, parser.parse("mg", "mg.txt", crlf).report());
    assertEquals(lf, parser.parse("mg", "mg.txt", withBom.toByteArray()).report());
    assertEquals(lf, parser.parse("mg", "mg.txt", FULL_REPORT.replace("\n", "\r").getBytes(StandardCharsets.UTF_8)).report());
  }

  @Test
  void windows1252_strayCopyrightByte_isDecodedNotGarbage() throws Exception {
    String text = FULL_REPORT.replace("Copyright 2024", "Copyright © 2024").replace("Behçet", "Behçet");
    byte[] cp1252 = text.getBytes(Charset.forName("windows-1252"));
    ParsedReport parsed = parser.parse("mg", "mg.txt", cp1252);
    assertEquals("Copyright © 2024 National Organization for Rare Disorders, Inc.", parsed.report().copyright().orElseThrow());
    assertEquals(parser.parse("mg", FULL_REPORT).report().synonyms(), parsed.report().synonyms());
    assertFalse(parsed.report().toString().contains("\uFFFD"));
  }

  @Test
  void noBreakSpaces_becomePlainSpaces() throws Exception {
    String text = FULL_REPORT.replace("Last Updated: 03/14/2024", "Last Updated:\u00A0 03/14/2024");
    assertEquals(LocalDate.of(2024, 3, 14), parser.parse("mg", text).report().lastUpdated().orElseThrow());
  }

  @Test
  void emptyFile_isRejectedNamingTheFile(@TempDir Path dir) throws Exception {
    Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse(empty));
    assertTrue(e.getMessage().contains("empty.txt"), e.getMessage());
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }

  @Test
  void whitespaceOnlyFile_isRejectedAsEmpty() {
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse("blank", "\n  \n\t\n"));
    assertTrue(e.reason().contains("empty"), e.getMessage());
  }

  @Test
  void binaryFile_isRejected(@TempDir Path dir) throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    Path file = Files.write(dir.resolve("picture.txt"), png);
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.reason().contains("binary"), e.getMessage());
  }

  @Test
  void noTitle_headingFirst_isRejectedWithTheLine() {
    ReportParseException e =
        assertThrows(
            ReportParseException.class,
            () -> parser.parse("x", "Skip to the navigation\n\nGeneral Discussion\n\nSome text.\n"));
    assertEquals(3, e.line());
    assertTrue(e.reason().contains("no recognisable title"), e.getMessage());
    assertTrue(e.getMessage().startsWith("x:3: "), e.getMessage());
  }

  @Test
  void noTitle_proseFirst_isRejected() {
    String prose =
        "This is a long sentence of ordinary prose that goes on and on without ever naming a disease at all.\n";
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse("x", prose));
    assertEquals(1, e.line());
  }

  @Test
  void noTitle_bulletsFirst_isRejected() {
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse("x", "  • ADM\n  • IIM\n"));
    assertEquals(1, e.line());
  }

  @Test
  void oversizedFile_isRejectedWithoutReadingIt(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.txt");
    Files.write(big, new byte[(int) NordReportParser.MAX_FILE_BYTES + 1]);
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse(big));
    assertTrue(e.reason().contains("over the limit"), e.getMessage());
  }

  @Test
  void missingFile_isAParseErrorNamingIt(@TempDir Path dir) {
    ReportParseException e = assertThrows(ReportParseException.class, () -> parser.parse(dir.resolve("gone.txt")));
    assertTrue(e.getMessage().contains("gone.txt") && e.reason().contains("no such file"), e.getMessage());
  }

  @Test
  void idOf_dropsOnlyTheLastExtension() {
    assertEquals("ORPHA_558", NordReportParser.idOf(Path.of("corpus", "ORPHA_558.txt")));
    assertEquals("a.b", NordReportParser.idOf(Path.of("a.b.txt")));
  }

  @Test
  void lineOverTheLimit_isSkippedWithAWarning_andTheLinesAfterItKeepTheirNumbers() throws Exception {
    String text = "Long Line Disease\n\nGeneral Discussion\n\n" + "word ".repeat(20_000) + "\n\nA short paragraph.\n\nLast Updated: 12/26/1969\n";
    ParsedReport parsed = parser.parse("long", text);
    assertEquals("A short paragraph.", parsed.report().sections().values().iterator().next());
    assertEquals(List.of(
        new ParseWarning(5, "the line is 100,000 characters long, over the limit of 65,536 characters; it was skipped"),
        new ParseWarning(9, parsed.warnings().get(1).message())), parsed.warnings());
  }
}
