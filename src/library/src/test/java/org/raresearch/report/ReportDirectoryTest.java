package org.raresearch.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.errors.InputFileException;

class ReportDirectoryTest {

  @Test
  void load_keepsGoodFiles_andNamesEveryRejectedOne(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b-good.txt"), "Fabry Disease\n\n  • AFD\n\nGeneral Discussion\n\nA storage disorder.\n");
    Files.writeString(dir.resolve("a-good.txt"), "Gaucher Disease\n\n  • GD\n\nGeneral Discussion\n\nA storage disorder.\n");
    Files.write(dir.resolve("empty.txt"), new byte[0]);
    Files.writeString(dir.resolve("untitled.txt"), "General Discussion\n\nText.\n");
    Files.writeString(dir.resolve("notes.md"), "not a report");

    LoadSummary summary = ReportDirectory.load(dir);

    assertEquals(List.of("a-good", "b-good"), summary.reports().stream().map(r -> r.report().id()).toList());
    assertEquals(2, summary.rejected().size());
    assertTrue(summary.rejected().get(0).getMessage().contains("empty.txt"));
    assertTrue(summary.rejected().get(1).getMessage().contains("untitled.txt:1"));
    String description = summary.describe();
    assertTrue(description.startsWith("Read 2 reports from " + dir + ", rejected 2"), description);
    assertTrue(description.contains("untitled.txt:1: no recognisable title"), description);
  }

  @Test
  void load_notADirectory_isAnError(@TempDir Path dir) {
    InputFileException e = assertThrows(InputFileException.class, () -> ReportDirectory.load(dir.resolve("missing")));
    assertEquals(dir.resolve("missing").toString(), e.file());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }
}
