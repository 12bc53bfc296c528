package org.raresearch.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.SectionKind;
import org.raresearch.vocabulary.HpoOntology;

class HpoAnnotationSourceTest {
  @TempDir static Path tmp;
  static HpoOntology ontology;

  @BeforeAll
  static void loadOntology() throws IOException {
    Path obo = tmp.resolve("hp.obo");
    Files.writeString(obo, OpenDataFixtures.OBO);
    ontology = HpoOntology.load(obo);
  }

  private static OpenDataFixtures.CollectingSink read(Path annotations) throws IOException {
    OpenDataFixtures.CollectingSink sink = new OpenDataFixtures.CollectingSink();
    new HpoAnnotationSource(annotations, ontology).read(sink);
    return sink;
  }

  private static Path write(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void everyDiseaseBecomesAReport_withOntologyLabelsFrequenciesAndOnsets() throws Exception {
    OpenDataFixtures.CollectingSink sink = read(write("phenotype.hpoa", OpenDataFixtures.HPOA));
    assertEquals(List.of("OMIM_100100", "HPO_ORPHA_900002", "DECIPHER_7"), sink.reports.stream().map(DiseaseReport::id).toList());

    DiseaseReport alpha = sink.report("OMIM_100100");
    assertEquals("Alpha syndrome, infantile", alpha.title());
    // 3/7 is 43%: frequent; an alternative id is named by its live term; a blank frequency is unknown;
    // a term annotated twice is one finding, as first given.
    assertEquals(
        List.of(
            new Finding("seizure", Frequency.VERY_FREQUENT),
            new Finding("ataxia", Frequency.FREQUENT),
            new Finding("broad-based gait", Frequency.UNKNOWN)),
        Finding.listedIn(alpha.section(SectionKind.SIGNS_AND_SYMPTOMS)));
    assertEquals("Inheritance: Autosomal recessive inheritance.", alpha.section(SectionKind.CAUSES));
    assertEquals(
        "Onset and clinical course: Infantile onset.\nOnset of findings: Infantile onset: seizure.",
        alpha.section(SectionKind.AFFECTED_POPULATIONS));
    assertEquals(Optional.of(LocalDate.of(2024, 1, 15)), alpha.lastUpdated());
    assertTrue(alpha.copyright().orElseThrow().contains("HPO Consortium"));
    assertTrue(alpha.crossReferences().isEmpty());

    DiseaseReport beta = sink.report("HPO_ORPHA_900002");
    assertEquals(List.of(new CrossReference("ORPHA:900002", CrossReference.Match.EXACT)), beta.crossReferences());
    assertEquals(
        List.of(new Finding("broad-based gait", Frequency.OBLIGATE), new Finding("seizure", Frequency.EXCLUDED)),
        Finding.listedIn(beta.section(SectionKind.SIGNS_AND_SYMPTOMS)));
    assertEquals("Onset and clinical course: Progressive.", beta.section(SectionKind.AFFECTED_POPULATIONS));
    assertEquals(List.of("HP:0003593"), alpha.facts().onsets(), "the course terms, by id");
    assertEquals(List.of("HP:0031375"), beta.facts().onsets());
  }

  @Test
  void badRows_areReportedWithTheirLine_andTheRestOfTheDiseaseIsKept() throws Exception {
    Path file = write("phenotype.hpoa", OpenDataFixtures.HPOA);
    OpenDataFixtures.CollectingSink sink = read(file);
    assertEquals(
        List.of(
            file + ":15: the HPO term HP:9999999 is not in the ontology hp/releases/2024-01-01",
            file + ":16: \"often\" is not a frequency (an HPO frequency term, n/m or n%)"),
        sink.rejected);
    assertEquals(List.of(new Finding("ataxia", Frequency.OCCASIONAL)),
        Finding.listedIn(sink.report("DECIPHER_7").section(SectionKind.SIGNS_AND_SYMPTOMS)));
  }

  @Test
  void rowsOfADiseaseAfterItsRowsEnded_areReportedNotMerged() throws Exception {
    String text = OpenDataFixtures.HPOA
        + OpenDataFixtures.row("OMIM:100100", "Alpha syndrome, infantile", "", "HP:0001251", "", "", "P") + "\n"
        + "not a row\n";
    Path file = write("scattered.hpoa", text);
    OpenDataFixtures.CollectingSink sink = read(file);
    assertEquals(3, sink.reports.size());
    assertTrue(sink.rejected.contains(file + ":17: the rows of OMIM:100100 are not together; this row is left out"), sink.rejected.toString());
    assertTrue(sink.rejected.contains(file + ":18: \"not a row\" is not an OMIM, ORPHA or DECIPHER id"), sink.rejected.toString());
  }

  @Test
  void gzipFileAndTheNewerHeader_readAlike() throws Exception {
    String newer = OpenDataFixtures.HPOA.replace(
        "#DatabaseID\tDiseaseName\tQualifier\tHPO_ID\tReference\tEvidence\tOnset\tFrequency\tSex\tModifier\tAspect\tBiocuration",
        "database_id\tdisease_name\tqualifier\thpo_id\treference\tevidence\tonset\tfrequency\tsex\tmodifier\taspect\tbiocuration");
    Path gz = tmp.resolve("phenotype.hpoa.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(newer.getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(read(write("plain.hpoa", OpenDataFixtures.HPOA)).reports, read(gz).reports);
  }

  @Test
  void frequencies_fromTermsFractionsAndPercentages() {
    assertEquals(Optional.of(Frequency.OBLIGATE), HpoDisease.frequency("5/5"));
    assertEquals(Optional.of(Frequency.VERY_FREQUENT), HpoDisease.frequency("4/5"));
    assertEquals(Optional.of(Frequency.OCCASIONAL), HpoDisease.frequency("5%"));
    assertEquals(Optional.of(Frequency.VERY_RARE), HpoDisease.frequency("HP:0040284"));
    assertEquals(Optional.of(Frequency.EXCLUDED), HpoDisease.frequency("0/12"));
    assertEquals(Optional.of(Frequency.UNKNOWN), HpoDisease.frequency(""));
    assertEquals(Optional.empty(), HpoDisease.frequency("3/2"));
    assertEquals(Optional.empty(), HpoDisease.frequency("1/0"));
    assertEquals(Optional.empty(), HpoDisease.frequency("120%"));
  }
}
