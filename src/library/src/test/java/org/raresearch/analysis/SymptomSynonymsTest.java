package org.raresearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.errors.InputFileException;

class SymptomSynonymsTest {

  @Test
  void userFile_extendsTheDefaults(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("mine.txt"), "# our clinic's words\nwobbly walk, ataxia\n");
    Analyzer query = Analyzers.textQuery(SymptomSynonyms.load(true, List.of(file), w -> {}));
    assertTrue(Analyzers.tokens(query, "f", "wobbly walk").contains("ataxia"));
    assertTrue(Analyzers.tokens(query, "f", "butterfly rash").contains("malar"));
  }

  @Test
  void userFile_canReplaceTheDefaults(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("mine.txt"), "wobbly walk, ataxia\n");
    Analyzer query = Analyzers.textQuery(SymptomSynonyms.load(false, List.of(file), w -> {}));
    assertTrue(Analyzers.tokens(query, "f", "wobbly walk").contains("ataxia"));
    assertFalse(Analyzers.tokens(query, "f", "butterfly rash").contains("malar"));
  }

  @Test
  void missingFile_isAClearError(@TempDir Path dir) {
    var e = assertThrows(InputFileException.class, () -> SymptomSynonyms.load(true, List.of(dir.resolve("nope.txt")), w -> {}));
    assertEquals(dir.resolve("nope.txt").toString(), e.file());
    assertTrue(e.getMessage().contains("nope.txt"), e.getMessage());
  }

  @Test
  void lineOverTheLimit_isSkippedAndReported_andLaterRulesKeepTheirLineNumbers(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("mine.txt"), "x".repeat(70_000) + "\nwobbly walk, ataxia\n=> , the\n");
    List<String> warnings = new java.util.ArrayList<>();
    InputFileException e = assertThrows(InputFileException.class, () -> SymptomSynonyms.load(false, List.of(file), warnings::add));
    assertEquals(3, e.line(), e.getMessage());
    assertEquals(List.of(file + ":1: the line is 70,000 characters long, over the limit of 65,536 characters; it was skipped"), warnings);
    Files.writeString(file, "x".repeat(70_000) + "\nwobbly walk, ataxia\n");
    Analyzer query = Analyzers.textQuery(SymptomSynonyms.load(false, List.of(file), w -> {}));
    assertTrue(Analyzers.tokens(query, "f", "wobbly walk").contains("ataxia"));
  }
}
