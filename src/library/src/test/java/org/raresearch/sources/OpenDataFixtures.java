package org.raresearch.sources;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Small files of our own in the formats the publishers distribute: ORPHApackets (one written with
 * lists, one with objects where lists are expected, one with only a code and a label), an HPO
 * ontology in OBO, and HPO annotations.
 */
public final class OpenDataFixtures {
  private OpenDataFixtures() {}

  /** A packet in the usual shape: every repeated field a list of wrapped items. */
  public static final String LISTS_PACKET =
      """
      {"Orphapacket": {
        "ORPHAcode": "900001", "Label": "Alpha syndrome", "creationDate": "2025-12-09 10:41:42",
        "copyright": "Orphanet (c) 2025",
        "DisorderType": {"value": "Disease"},
        "Synonyms": [{"Synonym": "ALS-X"}, {"Synonym": "Alpha disease"}],
        "ExternalReferences": [
          {"ExternalReference": {"Source": "OMIM", "Reference": "100100", "DisorderMappingRelation": "E (Exact mapping: the two concepts are equivalent)"}},
          {"ExternalReference": {"Source": "OMIM", "Reference": "100200", "DisorderMappingRelation": "BTNT (ORPHAcode is broader than the targeted code used to represent it)"}}
        ],
        "TextSection": {"TextSectionType": "Definition", "Contents": "Alpha syndrome is a rare disorder of the nervous system."},
        "Parents": [{"Parent": [{"ORPHAcode": "900000", "Label": "Rare neurological disease"}]}],
        "Children": [{"Child": {"Label": "Alpha syndrome type 1", "ORPHAcode": "900011",
                      "Genes": [{"Gene": {"Label": "alpha gene", "Symbol": "ALP1"}}]}}],
        "Genes": [{"Gene": {"Symbol": "ALP1", "Name": "alpha protein 1"}}],
        "TypeOfInheritances": [{"TypeOfInheritance": {"value": "Autosomal recessive"}}],
        "AverageAgeOfOnsets": [{"AverageAgeOfOnset": {"value": "Infancy"}}, {"AverageAgeOfOnset": {"value": "Childhood"}}],
        "Prevalences": [{"Prevalence": {"PrevalenceClass": "1-9 / 1 000 000", "PrevalenceGeographic": "Europe", "ValMoy": "0.0"}}],
        "Phenotypes": [
          {"Phenotype": {"HPOId": "HP:0001250", "HPOTerm": "Seizure", "HPOFrequency": "Very frequent (99-80%)"}},
          {"Phenotype": {"HPOId": "HP:0001251", "HPOTerm": "Ataxia", "HPOFrequency": "Occasional (29-5%)"}},
          {"Phenotype": {"HPOId": "HP:0000218", "HPOTerm": "High, narrow palate", "HPOFrequency": "Frequent (79-30%)"}}
        ]
      }}
      """;

  /**
   * The same kind of packet with the quirks of real ones: fields that are one object instead of a
   * list, a list inside an object, references without their wrapper.
   */
  public static final String OBJECTS_PACKET =
      """
      {"Orphapacket": {
        "ORPHAcode": "900002", "Label": "Beta syndrome",
        "Synonyms": {"Synonym": "BTS"},
        "ExternalReferences": [{"Source": "OMIM", "Reference": "100300", "DisorderMappingRelation": "NTBT (ORPHAcode is narrower)"}],
        "Parents": {"Parent": [{"ORPHAcode": "900000", "Label": "Rare neurological disease"}, {"ORPHAcode": "900003", "Label": "Rare eye disease"}]},
        "Children": {"Child": {"Label": "Beta syndrome, adult form", "ORPHAcode": "900021", "Genes": ""}},
        "TypeOfInheritances": {"TypeOfInheritance": [{"value": "Autosomal dominant"}, {"value": "Not applicable"}]},
        "AverageAgeOfOnsets": {"AverageAgeOfOnset": {"value": "Adult"}},
        "Prevalences": {"Prevalence": {"PrevalenceQualification": "Case(s)", "ValMoy": "3.0", "PrevalenceGeographic": "Worldwide"}},
        "Phenotypes": {"Phenotype": {"HPOId": "HP:0002136", "HPOTerm": "Broad-based gait", "HPOFrequency": "Obligate (100%)"}}
      }}
      """;

  /** A packet with nothing but its code and label. */
  public static final String BARE_PACKET = """
      {"Orphapacket": {"ORPHAcode": "900003", "Label": "Rare eye disease"}}
      """;

  /** A small HPO release in OBO: the terms the annotations below use, bar one. */
  public static final String OBO =
      """
      format-version: 1.2
      data-version: hp/releases/2024-01-01

      [Term]
      id: HP:0000001
      name: All

      [Term]
      id: HP:0000118
      name: Phenotypic abnormality
      is_a: HP:0000001

      [Term]
      id: HP:0001250
      name: Seizure
      synonym: "Fits" EXACT layperson []
      is_a: HP:0000118

      [Term]
      id: HP:0001251
      name: Ataxia
      is_a: HP:0000118

      [Term]
      id: HP:0002136
      name: Broad-based gait
      alt_id: HP:0002137
      is_a: HP:0000118

      [Term]
      id: HP:0000007
      name: Autosomal recessive inheritance
      is_a: HP:0000001

      [Term]
      id: HP:0003593
      name: Infantile onset
      is_a: HP:0000001

      [Term]
      id: HP:0003577
      name: Congenital onset
      is_a: HP:0000001

      [Term]
      id: HP:0031375
      name: Progressive
      is_a: HP:0000001
      """;

  /**
   * HPO annotations in the 2023 layout: OMIM:100100 (linked to Alpha syndrome by its exact
   * mapping), ORPHA:900002 (Beta syndrome) and DECIPHER:7; line 15 names a term the ontology lacks,
   * line 16 gives a frequency that is none.
   */
  public static final String HPOA =
      String.join("\n",
          "#description: HPO annotations for rare diseases",
          "#date: 2024-01-15",
          "#tracker: https://github.com/obophenotype/human-phenotype-ontology",
          "#DatabaseID\tDiseaseName\tQualifier\tHPO_ID\tReference\tEvidence\tOnset\tFrequency\tSex\tModifier\tAspect\tBiocuration",
          row("OMIM:100100", "Alpha syndrome, infantile", "", "HP:0001250", "HP:0003593", "HP:0040281", "P"),
          row("OMIM:100100", "Alpha syndrome, infantile", "", "HP:0001251", "", "3/7", "P"),
          row("OMIM:100100", "Alpha syndrome, infantile", "", "HP:0002137", "", "", "P"),
          row("OMIM:100100", "Alpha syndrome, infantile", "NOT", "HP:0001250", "", "", "P"),
          row("OMIM:100100", "Alpha syndrome, infantile", "", "HP:0000007", "", "", "I"),
          row("OMIM:100100", "Alpha syndrome, infantile", "", "HP:0003593", "", "", "C"),
          row("ORPHA:900002", "Beta syndrome", "", "HP:0002136", "", "100%", "P"),
          row("ORPHA:900002", "Beta syndrome", "", "HP:0031375", "", "", "C"),
          row("ORPHA:900002", "Beta syndrome", "NOT", "HP:0001250", "", "", "P"),
          row("DECIPHER:7", "Gamma deletion syndrome", "", "HP:0001251", "", "1/20", "P"),
          row("DECIPHER:7", "Gamma deletion syndrome", "", "HP:9999999", "", "", "P"),
          row("DECIPHER:7", "Gamma deletion syndrome", "", "HP:0001250", "", "often", "P"),
          "");

  static String row(String disease, String name, String qualifier, String term, String onset, String frequency, String aspect) {
    return String.join("\t", disease, name, qualifier, term, disease, "TAS", onset, frequency, "", "", aspect, "HPO:curator[2024-01-01]");
  }

  /** Writes packets as {@code ORPHApacket_<n>.json} files (names as given) in a new directory. */
  public static Path packetDirectory(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(dir.resolve(file.getKey()), file.getValue());
    }
    return dir;
  }

  /** Writes files into a gzip-compressed tar archive under {@code json/}, as Orphanet ships them. */
  public static Path tarGz(Path archive, List<Map.Entry<String, String>> files) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(archive));
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry dir = new TarArchiveEntry("json/");
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      for (Map.Entry<String, String> file : files) {
        byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry("json/" + file.getKey());
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
    }
    return archive;
  }

  /** Everything a source tells its sink, for tests to look at. */
  static final class CollectingSink implements ReportSource.Sink {
    final List<org.raresearch.report.DiseaseReport> reports = new java.util.ArrayList<>();
    final List<String> rejected = new java.util.ArrayList<>();
    final List<String> rejectedIds = new java.util.ArrayList<>();

    @Override
    public void report(org.raresearch.report.DiseaseReport report) {
      reports.add(report);
    }

    @Override
    public void rejected(String position, String reason, String reportId) {
      rejected.add(position + ": " + reason);
      rejectedIds.add(reportId);
    }

    @Override
    public void progress(long done, long total) {}

    org.raresearch.report.DiseaseReport report(String id) {
      return reports.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no report " + id + " in " + reports));
    }
  }
}
