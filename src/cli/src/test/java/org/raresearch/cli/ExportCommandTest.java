package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.testing.BundledIndex;
import picocli.CommandLine;

/** {@code raresearch export --format opensearch-bulk}, run on the bundled index. */
class ExportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = RareSearchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void writesEveryDiseaseAsABulkActionAndItsDocument(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("diseases.ndjson");
    Run run = run("export", "--format", "opensearch-bulk", "--index", BundledIndex.path().toString(), "--output", file.toString(), "--target-index", "raresearch-reports");
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    List<String> lines = Files.readAllLines(file);
    long diseases;
    Set<String> titles = new HashSet<>();
    try (RareSearch rare = BundledIndex.open()) {
      diseases = rare.forEachDisease(disease -> titles.add(disease.fields().get("title").getFirst()));
    }
    assertEquals(2 * diseases, lines.size());
    assertTrue(run.err().contains("Exported " + diseases + " diseases to " + file.toAbsolutePath()), run.err());
    Set<String> ids = new HashSet<>();
    Set<String> exportedTitles = new HashSet<>();
    for (int i = 0; i < lines.size(); i += 2) {
      JsonNode action = JSON.readTree(lines.get(i)).get("index");
      JsonNode document = JSON.readTree(lines.get(i + 1));
      assertEquals("raresearch-reports", action.get("_index").asText());
      String id = action.get("_id").asText();
      assertTrue(ids.add(id), "one line pair per disease: " + id);
      assertEquals(id, document.get("id").get(0).asText());
      assertEquals("disease", document.get("kind").get(0).asText());
      assertTrue(document.get("signs_symptoms").size() > 0 || document.get("general_discussion").size() > 0, lines.get(i + 1));
      exportedTitles.add(document.get("title").get(0).asText());
    }
    assertEquals(titles, exportedTitles);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no partial file left beside the output");
    }
  }

  @Test
  void writesToStandardOutputWithoutAFile() {
    Run run = run("export", "--format", "opensearch-bulk", "--index", BundledIndex.path().toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(run.out().lines().findFirst().orElseThrow().contains("\"_index\":\"raresearch\""), run.out().lines().findFirst().orElse(""));
  }

  @Test
  void refusesAnUnknownFormatOrIndexNameAndWritesNothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("out.ndjson");
    Run format = run("export", "--format", "csv", "--index", BundledIndex.path().toString(), "--output", file.toString());
    assertEquals(ExitCodes.USAGE, format.exitCode());
    assertTrue(format.err().contains("unknown export format 'csv'; the one format is opensearch-bulk"), format.err());
    Run name = run("export", "--format", "opensearch-bulk", "--index", BundledIndex.path().toString(), "--output", file.toString(), "--target-index", "Rare Search");
    assertEquals(ExitCodes.USAGE, name.exitCode());
    assertTrue(name.err().contains("'Rare Search' is not an OpenSearch index name"), name.err());
    assertFalse(Files.exists(file));
  }
}
