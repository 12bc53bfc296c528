package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raresearch.testing.SharedData;

/** The real NORD abstract in the shared seeds, parsed as a user would see it. */
class NordReportParserSeedTest {
  private static ParsedReport parsed;

  @BeforeAll
  static void parseSeed() throws Exception {
    Path seed = SharedData.require("seeds/000_c722dce2076b418b.txt");
    parsed = new NordReportParser().parse(seed);
  }

  @Test
  void title_isTakenFromTheMainTitleSentence() {
    assertEquals("Dermatomyositis", parsed.report().title());
  }

  @Test
  void id_isTheFileNameWithoutExtension() {
    assertEquals("000_c722dce2076b418b", parsed.report().id());
  }

  @Test
  void synonyms_areTheBulletsInFileOrder() {
    assertEquals(
        List.of("ADM", "Childhood dermatomyositis", "Idiopathic inflammatory myopathy", "IIM", "Polymyositis"),
        parsed.report().synonyms());
  }

  @Test
  void subdivisions_noneMeansEmpty() {
    assertEquals(List.of(), parsed.report().subdivisions());
  }

  @Test
  void generalDiscussion_startsWithTheDisease_andHoldsNoBoilerplate() {
    String text = parsed.report().section(SectionKind.GENERAL_DISCUSSION);
    assertTrue(text.startsWith("Dermatomyositis is a progressive connective tissue disorder"), text);
    assertTrue(text.contains("it is thought to be an autoimmune disorder"), text);
    for (String boilerplate :
        List.of("Skip to the navigation", "not the name you expected", "Complete Report", "NORD", "diagnostic purposes")) {
      assertFalse(text.contains(boilerplate), () -> "boilerplate \"" + boilerplate + "\" in: " + text);
    }
  }

  @Test
  void sections_onlyTheOnesTheAbstractHas() {
    assertEquals(List.of(SectionKey.of(SectionKind.GENERAL_DISCUSSION)), List.copyOf(parsed.report().sections().keySet()));
  }

  @Test
  void organizations_allThirteenWithTheirDetails() {
    List<Organization> organizations = parsed.report().organizations();
    assertEquals(13, organizations.size());
    Organization myositis =
        organizations.stream().filter(o -> o.name().equals("Myositis Association")).findFirst().orElseThrow();
    assertTrue(myositis.phones().contains("(703)299-4850"), myositis.toString());
    assertEquals(List.of("(703)299-4850", "(800)821-7356"), myositis.phones());
    assertEquals(List.of("(703)535-6752"), myositis.faxes());
    assertEquals(List.of("1737 King Street", "Suite 600", "Alexandria, VA 22314"), myositis.addressLines());
  }

  @Test
  void organizations_withoutDetails_andWithAnAddressAfterABlankLine() {
    List<Organization> organizations = parsed.report().organizations();
    Organization community = organizations.get(2);
    assertEquals("AutoImmunity Community", community.name());
    assertTrue(community.addressLines().isEmpty() && community.phones().isEmpty());
    Organization nih = organizations.get(12);
    assertTrue(nih.name().startsWith("NIH/National Institute of Arthritis"), nih.name());
    assertEquals("Information Clearinghouse", nih.addressLines().get(0));
  }

  @Test
  void lastUpdated_placeholderDate_isUnknownWithAWarning() {
    assertTrue(parsed.report().lastUpdated().isEmpty());
    assertEquals(1, parsed.warnings().size());
    assertTrue(parsed.warnings().get(0).message().contains("placeholder"), parsed.warnings().toString());
  }

  @Test
  void copyright_isKeptWithPlainSpaces() {
    assertEquals("Copyright 2007 National Organization for Rare Disorders, Inc.", parsed.report().copyright().orElseThrow());
  }
}
