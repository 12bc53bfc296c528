package org.raresearch.vocabulary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A small ontology of ten live terms and one obsolete term, in both HPO formats, and helpers to
 * write it in the forms {@link HpoOntology#load} accepts.
 *
 * <pre>
 * HP:0000001 All
 * └ HP:0000118 Phenotypic abnormality
 *   └ HP:0000707 Abnormality of the nervous system
 *     └ HP:0012638 Abnormal nervous system physiology
 *       ├ HP:0001250 Seizure                       (lay "Fits")
 *       └ HP:0100022 Abnormality of movement
 *         ├ HP:0001251 Ataxia
 *         │ └ HP:0002066 Gait ataxia               (also is_a Gait disturbance)
 *         └ HP:0001288 Gait disturbance
 *           └ HP:0002136 Broad-based gait          (lay "Wide based walk", alt id HP:0002137)
 * HP:0000057 obsolete Staggering gait
 * </pre>
 */
final class HpoFixtures {
  private HpoFixtures() {}

  static final String JSON_RELEASE = "http://purl.obolibrary.org/obo/hp/releases/2024-01-01/hp.json";
  static final String OBO_RELEASE = "hp/releases/2024-01-01";

  static final String JSON =
      """
      {
        "graphs" : [ {
          "id" : "http://purl.obolibrary.org/obo/hp.json",
          "meta" : { "version" : "http://purl.obolibrary.org/obo/hp/releases/2024-01-01/hp.json" },
          "edges" : [
            { "sub" : "http://purl.obolibrary.org/obo/HP_0000118", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0000001" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0000707", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0000118" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0000707", "pred" : "http://purl.obolibrary.org/obo/BFO_0000050", "obj" : "http://purl.obolibrary.org/obo/UBERON_0001016" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0012638", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0000707" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0001250", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0012638" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0100022", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0012638" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0001251", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0100022" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0001288", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0100022" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0002066", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0001251" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0002066", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0001288" },
            { "sub" : "http://purl.obolibrary.org/obo/HP_0002136", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/HP_0001288" },
            { "sub" : "http://purl.obolibrary.org/obo/UBERON_0001016", "pred" : "is_a", "obj" : "http://purl.obolibrary.org/obo/UBERON_0000061" }
          ],
          "nodes" : [
            { "id" : "http://purl.obolibrary.org/obo/HP_0000001", "lbl" : "All", "type" : "CLASS" },
            { "id" : "http://purl.obolibrary.org/obo/HP_0000057", "lbl" : "obsolete Staggering gait", "type" : "CLASS",
              "meta" : { "deprecated" : true,
                         "synonyms" : [ { "pred" : "hasExactSynonym", "val" : "Staggering" } ] } },
            { "id" : "http://purl.obolibrary.org/obo/HP_0000118", "lbl" : "Phenotypic abnormality", "type" : "CLASS" },
            { "id" : "http://purl.obolibrary.org/obo/HP_0000707", "lbl" : "Abnormality of the nervous system", "type" : "CLASS",
              "meta" : { "definition" : { "val" : "An abnormality of the nervous system." } } },
            { "id" : "http://purl.obolibrary.org/obo/HP_0001250", "lbl" : "Seizure", "type" : "CLASS",
              "meta" : { "synonyms" : [
                { "pred" : "hasExactSynonym", "val" : "Epileptic seizure" },
                { "pred" : "hasExactSynonym", "synonymType" : "http://purl.obolibrary.org/obo/hp#layperson", "val" : "Fits" } ] } },
            { "id" : "http://purl.obolibrary.org/obo/HP_0001251", "lbl" : "Ataxia", "type" : "CLASS",
              "meta" : { "synonyms" : [ { "pred" : "hasRelatedSynonym", "val" : "Cerebellar ataxia" } ] } },
            { "id" : "http://purl.obolibrary.org/obo/HP_0001288", "lbl" : "Gait disturbance", "type" : "CLASS",
              "meta" : { "synonyms" : [
                { "pred" : "hasExactSynonym", "synonymType" : "http://purl.obolibrary.org/obo/hp#layperson", "val" : "Abnormal walk" },
                { "pred" : "hasBroadSynonym", "val" : "Unsteady gait" } ] } },
            { "id" : "http://purl.obolibrary.org/obo/HP_0002066", "lbl" : "Gait ataxia", "type" : "CLASS",
              "meta" : { "synonyms" : [
                { "pred" : "hasExactSynonym", "synonymType" : "http://purl.obolibrary.org/obo/hp#layperson", "val" : "Unsteady gait" },
                { "pred" : "hasRelatedSynonym", "synonymType" : "http://purl.obolibrary.org/obo/hp#layperson", "val" : "Walks like a \\"sailor\\"" },
                { "pred" : "hasNarrowSynonym", "val" : "Ataxic gait" } ] } },
            { "id" : "http://purl.obolibrary.org/obo/HP_0002136", "lbl" : "Broad-based gait", "type" : "CLASS",
              "meta" : {
                "definition" : { "val" : "Standing and walking with the feet wide apart." },
                "synonyms" : [
                  { "pred" : "hasExactSynonym", "synonymType" : "http://purl.obolibrary.org/obo/hp#layperson", "val" : "Wide based walk" },
                  { "pred" : "hasExactSynonym", "val" : "Wide-based gait" } ],
                "basicPropertyValues" : [
                  { "pred" : "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId", "val" : "HP:0002137" },
                  { "pred" : "http://www.geneontology.org/formats/oboInOwl#created_by", "val" : "peter" } ] } },
            { "id" : "http://purl.obolibrary.org/obo/HP_0012638", "lbl" : "Abnormal nervous system physiology", "type" : "CLASS" },
            { "id" : "http://purl.obolibrary.org/obo/HP_0034334", "lbl" : "allelic_requirement", "type" : "PROPERTY" },
            { "id" : "http://purl.obolibrary.org/obo/HP_0100022", "lbl" : "Abnormality of movement", "type" : "CLASS" },
            { "id" : "http://purl.obolibrary.org/obo/UBERON_0001016", "lbl" : "nervous system", "type" : "CLASS" },
            { "id" : "http://purl.obolibrary.org/obo/hp#layperson", "type" : "PROPERTY" }
          ]
        } ]
      }
      """;

  static final String OBO =
      """
      format-version: 1.2
      data-version: hp/releases/2024-01-01
      synonymtypedef: layperson "layperson term"
      ontology: hp

      [Term]
      id: HP:0000001
      name: All

      [Term]
      id: HP:0000057
      name: obsolete Staggering gait
      synonym: "Staggering" EXACT []
      is_obsolete: true

      [Term]
      id: HP:0000118
      name: Phenotypic abnormality
      is_a: HP:0000001 ! All

      [Term]
      id: HP:0000707
      name: Abnormality of the nervous system
      def: "An abnormality of the nervous system." [HPO:probinson]
      is_a: HP:0000118 ! Phenotypic abnormality
      relationship: part_of UBERON:0001016 ! nervous system

      [Term]
      id: HP:0001250
      name: Seizure
      synonym: "Epileptic seizure" EXACT []
      synonym: "Fits" EXACT layperson [ORCID:0000-0001-5208-3432]
      is_a: HP:0012638 ! Abnormal nervous system physiology

      [Term]
      id: HP:0001251
      name: Ataxia
      synonym: "Cerebellar ataxia" RELATED []
      is_a: HP:0100022 ! Abnormality of movement

      [Term]
      id: HP:0001288
      name: Gait disturbance
      synonym: "Abnormal walk" EXACT layperson []
      synonym: "Unsteady gait" BROAD [] {source="x"} ! an "unbalanced" quote: here
      is_a: HP:0100022 ! Abnormality of movement

      [Term]
      id: HP:0002066
      name: Gait ataxia ! a comment after the name
      synonym: "Unsteady gait" EXACT layperson []
      synonym: "Walks like a \\"sailor\\"" RELATED layperson [HPO:probinson] ! escaped quotes
      synonym: "Ataxic gait" NARROW []
      is_a: HP:0001251 ! Ataxia
      is_a: HP:0001288 {source="PMID:1"} ! Gait disturbance

      [Term]
      id: HP:0002136
      name: Broad-based gait
      alt_id: HP:0002137
      def: "Standing and walking with the feet wide apart! Not a comment." [HPO:curators]
      synonym: "Wide based walk" EXACT layperson [ORCID:0000-0001-5208-3432]
      synonym: "Wide-based gait" EXACT []
      is_a: HP:0001288 ! Gait disturbance

      [Term]
      id: HP:0012638
      name: Abnormal nervous system physiology
      is_a: HP:0000707 ! Abnormality of the nervous system

      [Term]
      id: HP:0100022
      name: Abnormality of movement
      is_a: HP:0012638 ! Abnormal nervous system physiology

      [Term]
      id: UBERON:0001016
      name: nervous system

      [Typedef]
      id: part_of
      name: part of
      is_transitive: true
      """;

  /** Writes text as UTF-8 to a file in a folder. */
  static Path write(Path folder, String name, String text) {
    return write(folder, name, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes bytes to a file in a folder. */
  static Path write(Path folder, String name, byte[] bytes) {
    try {
      return Files.write(folder.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The gzip compression of a text's UTF-8 bytes. */
  static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
