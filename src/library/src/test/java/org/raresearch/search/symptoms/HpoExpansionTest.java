package org.raresearch.search.symptoms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.SearchHit;
import org.raresearch.testing.BundledIndex;
import org.raresearch.vocabulary.HpoOntology;

/** Findings recognised as HPO terms, with a small ontology of our own. */
class HpoExpansionTest {
  private static final String ONTOLOGY =
      """
      format-version: 1.2
      data-version: test

      [Term]
      id: HP:0000001
      name: All

      [Term]
      id: HP:0000118
      name: Phenotypic abnormality
      is_a: HP:0000001

      [Term]
      id: HP:0000478
      name: Abnormality of the eye
      is_a: HP:0000118

      [Term]
      id: HP:0000492
      name: Abnormal eyelid morphology
      is_a: HP:0000478

      [Term]
      id: HP:0000508
      name: Ptosis
      synonym: "Hooded peepers" EXACT layperson []
      synonym: "Blepharoptosis" EXACT []
      is_a: HP:0000492

      [Term]
      id: HP:0000651
      name: Diplopia
      synonym: "Twin sight" EXACT layperson []
      is_a: HP:0000478
      """;

  private static Path ontology(Path dir) throws Exception {
    return Files.writeString(dir.resolve("hp.obo"), ONTOLOGY);
  }

  @Test
  void layperson_isSearchedAsTheTermsLabel(@TempDir Path dir) throws Exception {
    Path hpo = ontology(dir);
    String query = "hooded peepers; twin sight";
    try (RareSearch plain = BundledIndex.open();
        RareSearch withHpo = RareSearch.builder(BundledIndex.path()).readOnly().hpo(hpo).open()) {
      List<String> ids = withHpo.search(query, 3).hits().stream().map(SearchHit::id).toList();
      assertTrue(ids.contains("myasthenia-gravis"), ids.toString());
      assertFalse(plain.search(query, 3).hits().stream().map(SearchHit::id).toList().contains("myasthenia-gravis"));
    }
  }

  @Test
  void expansion_offersLabelFirst_thenSynonyms_thenAncestorsWithLowerWeight(@TempDir Path dir) throws Exception {
    HpoFindingExpansion expansion = new HpoFindingExpansion(HpoOntology.load(ontology(dir)), 0.3f, 0.2f, 0.1f);
    List<FindingExpansion.Alternative> alternatives = expansion.expand("Hooded peepers");
    assertEquals(new FindingExpansion.Alternative("ptosis", 1f), alternatives.get(0));
    assertTrue(alternatives.contains(new FindingExpansion.Alternative("blepharoptosis", 0.3f)), alternatives.toString());
    assertTrue(alternatives.contains(new FindingExpansion.Alternative("abnormal eyelid morphology", 0.2f)), alternatives.toString());
    // The organ-system term and the roots are too general to help.
    assertTrue(alternatives.stream().noneMatch(a -> a.text().equals("abnormality of the eye")), alternatives.toString());
    assertEquals(List.of(), expansion.expand("purple toes"));
  }

  @Test
  void badOntology_isOurOwnErrorNamingTheFile(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("broken.json"), "{ not json");
    var e = org.junit.jupiter.api.Assertions.assertThrows(
        org.raresearch.errors.RareSearchException.class, () -> RareSearch.builder(BundledIndex.path()).readOnly().hpo(bad).open());
    assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
  }
}
