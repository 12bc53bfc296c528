package org.raresearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;
import org.raresearch.sources.ReportSource;
import org.raresearch.vocabulary.HpoOntology;

/**
 * A small ontology with a hierarchy and a few diseases annotated with its terms, for tests of
 * phenotype ranking and its explanations.
 *
 * <pre>
 * HP:0000001 All
 * ├ HP:0000118 Phenotypic abnormality
 * │ ├ HP:0000707 Abnormality of the nervous system
 * │ │ ├ HP:0001250 Seizure                      (exact "Seizures", "Epileptic seizure"; lay "Fits")
 * │ │ │ ├ HP:0007359 Focal-onset seizure
 * │ │ │ └ HP:0002069 Bilateral tonic-clonic seizure   (lay "Grand mal seizures")
 * │ │ ├ HP:0001251 Ataxia
 * │ │ └ HP:0001288 Gait disturbance
 * │ │   └ HP:0002136 Broad-based gait          (lay "Wide based walk")
 * │ ├ HP:0000478 Abnormality of the eye
 * │ │ ├ HP:0000508 Ptosis                      (lay "Drooping upper eyelid")
 * │ │ └ HP:0000639 Nystagmus
 * │ └ HP:0001939 Abnormality of metabolism/homeostasis
 * │   └ HP:0001945 Fever
 * └ HP:0000005 Mode of inheritance
 *   └ HP:0000007 Autosomal recessive inheritance
 * </pre>
 *
 * Diseases: ORPHA_910001 Tonic syndrome (bilateral tonic-clonic seizure very frequent, ataxia
 * frequent, nystagmus occasional; maps exactly to OMIM:610001, whose report adds broad-based gait of
 * unknown frequency), ORPHA_910002 Focal epilepsy syndrome (focal-onset seizure obligate, ptosis
 * occasional), ORPHA_910003 Gait syndrome (broad-based gait and ataxia very frequent), ORPHA_910004
 * Fever syndrome (fever obligate, seizure occasional), ORPHA_910005 Eye syndrome (ptosis and
 * nystagmus very frequent, seizure excluded).
 */
public final class PhenotypeFixtures {
  private PhenotypeFixtures() {}

  public static final String OBO =
      """
      format-version: 1.2
      data-version: hp/releases/2024-02-02

      [Term]
      id: HP:0000001
      name: All

      [Term]
      id: HP:0000118
      name: Phenotypic abnormality
      is_a: HP:0000001

      [Term]
      id: HP:0000707
      name: Abnormality of the nervous system
      is_a: HP:0000118

      [Term]
      id: HP:0001250
      name: Seizure
      synonym: "Seizures" EXACT []
      synonym: "Epileptic seizure" EXACT []
      synonym: "Fits" EXACT layperson []
      is_a: HP:0000707

      [Term]
      id: HP:0007359
      name: Focal-onset seizure
      is_a: HP:0001250

      [Term]
      id: HP:0002069
      name: Bilateral tonic-clonic seizure
      synonym: "Grand mal seizures" EXACT layperson []
      is_a: HP:0001250

      [Term]
      id: HP:0001251
      name: Ataxia
      is_a: HP:0000707

      [Term]
      id: HP:0001288
      name: Gait disturbance
      is_a: HP:0000707

      [Term]
      id: HP:0002136
      name: Broad-based gait
      synonym: "Wide based walk" EXACT layperson []
      is_a: HP:0001288

      [Term]
      id: HP:0000478
      name: Abnormality of the eye
      is_a: HP:0000118

      [Term]
      id: HP:0000508
      name: Ptosis
      synonym: "Drooping upper eyelid" EXACT layperson []
      is_a: HP:0000478

      [Term]
      id: HP:0000639
      name: Nystagmus
      is_a: HP:0000478

      [Term]
      id: HP:0001939
      name: Abnormality of metabolism/homeostasis
      is_a: HP:0000118

      [Term]
      id: HP:0001945
      name: Fever
      is_a: HP:0001939

      [Term]
      id: HP:0000005
      name: Mode of inheritance
      is_a: HP:0000001

      [Term]
      id: HP:0000007
      name: Autosomal recessive inheritance
      is_a: HP:0000005
      """;

  /** The ontology, loaded from {@link #OBO} written into {@code folder}. */
  public static HpoOntology ontology(Path folder) {
    try {
      return HpoOntology.load(Files.writeString(folder.resolve("fixture-hp.obo"), OBO));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The diseases' reports, as an open-data source would give them. */
  public static List<DiseaseReport> reports() {
    return List.of(
        report("ORPHA_910001", "Tonic syndrome", List.of(new CrossReference("OMIM:610001", CrossReference.Match.EXACT)),
            annotation("HP:0002069", "Bilateral tonic-clonic seizure", Frequency.VERY_FREQUENT),
            annotation("HP:0001251", "Ataxia", Frequency.FREQUENT),
            annotation("HP:0000639", "Nystagmus", Frequency.OCCASIONAL)),
        report("OMIM_610001", "Tonic syndrome 1", List.of(),
            annotation("HP:0002136", "Broad-based gait", Frequency.UNKNOWN)),
        report("ORPHA_910002", "Focal epilepsy syndrome", List.of(),
            annotation("HP:0007359", "Focal-onset seizure", Frequency.OBLIGATE),
            annotation("HP:0000508", "Ptosis", Frequency.OCCASIONAL)),
        report("ORPHA_910003", "Gait syndrome", List.of(),
            annotation("HP:0002136", "Broad-based gait", Frequency.VERY_FREQUENT),
            annotation("HP:0001251", "Ataxia", Frequency.VERY_FREQUENT)),
        report("ORPHA_910004", "Fever syndrome", List.of(),
            annotation("HP:0001945", "Fever", Frequency.OBLIGATE),
            annotation("HP:0001250", "Seizure", Frequency.OCCASIONAL)),
        report("ORPHA_910005", "Eye syndrome", List.of(),
            annotation("HP:0000508", "Ptosis", Frequency.VERY_FREQUENT),
            annotation("HP:0000639", "Nystagmus", Frequency.VERY_FREQUENT),
            annotation("HP:0001250", "Seizure", Frequency.EXCLUDED)));
  }

  /** A source of {@link #reports()}, which keeps the ontology with the index it is imported into. */
  public static ReportSource source(HpoOntology ontology) {
    return new ReportSource() {
      @Override
      public String origin() {
        return "fixture";
      }

      @Override
      public Optional<HpoOntology> vocabulary() {
        return Optional.of(ontology);
      }

      @Override
      public void read(Sink sink) {
        reports().forEach(sink::report);
      }
    };
  }

  private static PhenotypeAnnotation annotation(String id, String label, Frequency frequency) {
    return new PhenotypeAnnotation(id, label, frequency);
  }

  private static DiseaseReport report(String id, String title, List<CrossReference> references, PhenotypeAnnotation... annotations) {
    List<Finding> findings = new ArrayList<>();
    for (PhenotypeAnnotation annotation : annotations) {
      findings.add(new Finding(annotation.label().toLowerCase(java.util.Locale.ROOT), annotation.frequency()));
    }
    Map<SectionKey, String> sections = new LinkedHashMap<>();
    sections.put(SectionKey.of(SectionKind.GENERAL_DISCUSSION), title + " is a made-up disease for tests.");
    sections.put(SectionKey.of(SectionKind.SIGNS_AND_SYMPTOMS), Finding.listing(findings));
    return new DiseaseReport(id, title, List.of(), List.of(), sections, List.of(), Optional.empty(), Optional.empty(),
        references, List.of(annotations));
  }
}
