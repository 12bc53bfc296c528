package org.raresearch.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.raresearch.vocabulary.HpoTerm.Scope;
import org.raresearch.vocabulary.HpoTerm.Synonym;

class HpoOntologyTest {
  @TempDir Path folder;

  /** The forms of the fixture ontology that {@link HpoOntology#load} must read alike. */
  enum Form {
    JSON("hp.json", HpoFixtures.JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
    JSON_GZIP("hp.json.gz", HpoFixtures.gzip(HpoFixtures.JSON)),
    OBO("hp.obo", HpoFixtures.OBO.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
    OBO_CRLF("hp.obo", HpoFixtures.OBO.replace("\n", "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
    OBO_GZIP("hp.obo.gz", HpoFixtures.gzip(HpoFixtures.OBO)),
    /** Content decides the format: JSON named like OBO, gzip named like plain text. */
    JSON_MISNAMED("hp.obo", HpoFixtures.JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
    OBO_GZIP_MISNAMED("hp.json", HpoFixtures.gzip(HpoFixtures.OBO));

    final String fileName;
    final byte[] bytes;

    Form(String fileName, byte[] bytes) {
      this.fileName = fileName;
      this.bytes = bytes;
    }

    HpoOntology load(Path folder) {
      return HpoOntology.load(HpoFixtures.write(folder, fileName, bytes));
    }
  }

  private static List<String> ids(List<HpoTerm> terms) {
    return terms.stream().map(HpoTerm::id).toList();
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void load_anyForm_keepsTheLiveHpTermsOnly(Form form) {
    HpoOntology hpo = form.load(folder);

    assertEquals(10, hpo.size());
    assertEquals(
        List.of("HP:0000001", "HP:0000118", "HP:0000707", "HP:0001250", "HP:0001251",
            "HP:0001288", "HP:0002066", "HP:0002136", "HP:0012638", "HP:0100022"),
        ids(List.copyOf(hpo.terms())));
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void term_givesLabelSynonymsParentsAndAltIds(Form form) {
    HpoTerm gait = form.load(folder).term("HP:0002136").orElseThrow();

    assertEquals(
        new HpoTerm(
            "HP:0002136",
            "Broad-based gait",
            List.of(new Synonym("Wide based walk", Scope.EXACT, true), new Synonym("Wide-based gait", Scope.EXACT, false)),
            List.of("HP:0001288"),
            List.of("HP:0002137"),
            false),
        gait);
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void term_readsEveryScopeAndTheEscapedQuote(Form form) {
    HpoTerm gaitAtaxia = form.load(folder).term("HP:0002066").orElseThrow();

    assertEquals("Gait ataxia", gaitAtaxia.label());
    assertEquals(
        List.of(
            new Synonym("Unsteady gait", Scope.EXACT, true),
            new Synonym("Walks like a \"sailor\"", Scope.RELATED, true),
            new Synonym("Ataxic gait", Scope.NARROW, false)),
        gaitAtaxia.synonyms());
    assertEquals(List.of("HP:0001251", "HP:0001288"), gaitAtaxia.parents());
  }

  @Test
  void load_jsonAndOboOfTheSameRelease_giveEqualTerms() {
    HpoOntology json = Form.JSON.load(folder);
    HpoOntology obo = Form.OBO.load(folder);

    assertEquals(List.copyOf(json.terms()), List.copyOf(obo.terms()));
    assertEquals(json.term("HP:0000057"), obo.term("HP:0000057"));
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void term_altId_resolvesToTheLiveTerm(Form form) {
    HpoOntology hpo = form.load(folder);

    assertEquals("HP:0002136", hpo.term("HP:0002137").orElseThrow().id());
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void term_obsoleteId_givesTheObsoleteTermButTermsLeavesItOut(Form form) {
    HpoOntology hpo = form.load(folder);

    HpoTerm obsolete = hpo.term("HP:0000057").orElseThrow();
    assertTrue(obsolete.obsolete());
    assertEquals("obsolete Staggering gait", obsolete.label());
    assertFalse(hpo.terms().contains(obsolete));
  }

  @Test
  void term_acceptsUriAndUnderscoreFormsAndRejectsOtherIds() {
    HpoOntology hpo = Form.JSON.load(folder);

    assertEquals("Seizure", hpo.term("http://purl.obolibrary.org/obo/HP_0001250").orElseThrow().label());
    assertEquals("Seizure", hpo.term("HP_0001250").orElseThrow().label());
    assertTrue(hpo.term("HP:9999999").isEmpty());
    assertTrue(hpo.term("UBERON:0001016").isEmpty(), "other ontologies' nodes are ignored");
    assertTrue(hpo.term("HP:0034334").isEmpty(), "a PROPERTY node is not a term");
    assertTrue(hpo.term("Seizure").isEmpty());
    assertTrue(hpo.term(null).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void ancestors_nearestFirst_idOrderWithinADistance_withoutTheTooGeneralTerms(Form form) {
    HpoOntology hpo = form.load(folder);

    // Above HP:0012638 come the organ system HP:0000707, Phenotypic abnormality and All: left out.
    assertEquals(
        List.of("HP:0001251", "HP:0001288", "HP:0100022", "HP:0012638"),
        ids(hpo.ancestors("HP:0002066", Integer.MAX_VALUE)));
  }

  @Test
  void ancestors_stopAtTheMaximumDistance() {
    HpoOntology hpo = Form.OBO.load(folder);

    assertEquals(List.of(), hpo.ancestors("HP:0002066", 0));
    assertEquals(List.of("HP:0001251", "HP:0001288"), ids(hpo.ancestors("HP:0002066", 1)));
    assertEquals(List.of("HP:0001251", "HP:0001288", "HP:0100022"), ids(hpo.ancestors("HP:0002066", 2)));
  }

  @Test
  void ancestors_ofAnAltId_areThoseOfItsLiveTerm() {
    HpoOntology hpo = Form.JSON.load(folder);

    assertEquals(List.of("HP:0001288", "HP:0100022"), ids(hpo.ancestors("HP:0002137", 2)));
  }

  @Test
  void ancestors_ofTheTopTermsAndUnknownIds_areEmpty() {
    HpoOntology hpo = Form.JSON.load(folder);

    assertEquals(List.of(), hpo.ancestors("HP:0000001", 10));
    assertEquals(List.of(), hpo.ancestors("HP:0000707", 10));
    assertEquals(List.of(), hpo.ancestors("HP:9999999", 10));
  }

  @Test
  void ancestors_negativeDistance_isRefused() {
    HpoOntology hpo = Form.JSON.load(folder);

    assertThrows(IllegalArgumentException.class, () -> hpo.ancestors("HP:0002066", -1));
  }

  @Test
  void release_isTheJsonVersionOrTheOboDataVersion() {
    assertEquals(HpoFixtures.JSON_RELEASE, Form.JSON.load(folder).release());
    assertEquals(HpoFixtures.OBO_RELEASE, Form.OBO_GZIP.load(folder).release());
  }

  @Test
  void release_isEmptyWhenTheFileNamesNone() {
    Path file = HpoFixtures.write(folder, "hp.obo", "[Term]\nid: HP:0000001\nname: All\n");

    assertEquals("", HpoOntology.load(file).release());
  }

  @Test
  void load_oboWithByteOrderMarkAndBlankLeadingLines_isRead() {
    Path file = HpoFixtures.write(folder, "hp.obo", "\uFEFF\n\n" + HpoFixtures.OBO);

    assertEquals(10, HpoOntology.load(file).size());
  }

  @Test
  void terms_isUnmodifiable() {
    HpoOntology hpo = Form.JSON.load(folder);

    assertThrows(UnsupportedOperationException.class, () -> hpo.terms().clear());
  }

  @Test
  void hpoTerm_refusesAnIdNotInTheHpForm() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new HpoTerm("HP_0001250", "Seizure", List.of(), List.of(), List.of(), false));
  }
}
