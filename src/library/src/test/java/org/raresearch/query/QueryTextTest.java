package org.raresearch.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a symptom query is split into findings ({@link QueryText#findings}). */
class QueryTextTest {

  private static List<String> findings(String query) {
    return QueryText.findings(QueryText.clean(query, QueryText.MAX_QUERY_CHARS, "query")).stream()
        .map(f -> f.quoted() ? '"' + f.text() + '"' : f.text())
        .toList();
  }

  @Test
  void commasSemicolonsLineBreaksAndBullets_separateFindings() {
    assertEquals(List.of("heliotrope rash", "proximal muscle weakness", "trouble climbing stairs"),
        findings("heliotrope rash, proximal muscle weakness, trouble climbing stairs"));
    assertEquals(List.of("Involuntary, rapid, rhythmic eye movements", "Ataxia"),
        findings("Involuntary, rapid, rhythmic eye movements; Ataxia"));
    assertEquals(List.of("ataxia", "nystagmus", "spasticity"), findings("• ataxia\n• nystagmus | spasticity"));
  }

  @Test
  void sentences_endFindings() {
    assertEquals(List.of("Motor delay since infancy", "On examination ataxia", "Seizures", "No fever"),
        findings("Motor delay since infancy. On examination ataxia. Seizures? No fever!"));
    assertEquals(List.of("Ptosis", "ophthalmoplegia"), findings("Ptosis. ophthalmoplegia."));
  }

  @Test
  void fullStopsInNumbersInitialsAndAbbreviations_endNothing() {
    assertEquals(List.of("creatine kinase 2.5 times the upper limit"), findings("creatine kinase 2.5 times the upper limit"));
    assertEquals(List.of("rash e.g. on the eyelids"), findings("rash e.g. on the eyelids"));
    assertEquals(List.of("seen by Dr. Smith for weakness"), findings("seen by Dr. Smith for weakness"));
    assertEquals(List.of("fatigue vs. weakness"), findings("fatigue vs. weakness"));
    assertEquals(List.of("version 1.2.3"), findings("version 1.2.3"));
  }

  @Test
  void proseList_hasItsLastTwoFindingsApart() {
    assertEquals(List.of("ataxia", "nystagmus", "spasticity"), findings("ataxia, nystagmus and spasticity"));
    assertEquals(List.of("ataxia", "nystagmus", "spasticity"), findings("ataxia, nystagmus, and spasticity"));
    assertEquals(List.of("ataxia", "nystagmus", "spasticity"), findings("ataxia, nystagmus, or spasticity"));
    // "or" splits nothing: it belongs to names ("with or without"), where a split would negate a finding.
    assertEquals(List.of("Short stature", "facial dysmorphism", "skeletal anomalies with or without cardiac anomalies"),
        findings("Short stature, facial dysmorphism, and skeletal anomalies with or without cardiac anomalies"));
    assertEquals(List.of("The patient presented with motor delay", "ataxia", "oromotor apraxia", "bilateral tonic-clonic seizure",
        "Examination showed nystagmus and spasticity"),
        findings("The patient presented with motor delay, ataxia, oromotor apraxia and bilateral tonic-clonic seizure. "
            + "Examination showed nystagmus and spasticity."));
  }

  @Test
  void oneAnd_canBelongToAFinding_severalMakeAList() {
    assertEquals(List.of("Enlarged liver and spleen"), findings("Enlarged liver and spleen"));
    assertEquals(List.of("Delayed speech and language development", "Seizures"),
        findings("Delayed speech and language development; Seizures"));
    assertEquals(List.of("motor delay", "ataxia", "seizures"), findings("motor delay and ataxia and seizures"));
    assertEquals(List.of("craniosynostosis with radiohumeral fusions", "other skeletal", "craniofacial anomalies"),
        findings("craniosynostosis with radiohumeral fusions and other skeletal and craniofacial anomalies"));
    // In prose, one "and" between two findings of several words each joins two findings.
    assertEquals(List.of("She presented with heliotrope rash", "proximal muscle weakness"),
        findings("She presented with heliotrope rash and proximal muscle weakness."));
    assertEquals(List.of("heliotrope rash and proximal muscle weakness", "fever"),
        findings("heliotrope rash and proximal muscle weakness; fever"));
  }

  @Test
  void quotedText_isOneFinding_andEndsAList() {
    assertEquals(List.of("ataxia", "\"muscle weakness, proximal\"", "fever"), findings("ataxia \"muscle weakness, proximal\" fever"));
    assertEquals(List.of("rash", "\"Dr. Smith's sign\""), findings("rash, \"Dr. Smith's sign\""));
  }
}
