package org.raresearch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.raresearch.RareSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the diseases of an index for another search engine, one at a time.",
      "opensearch-bulk: OpenSearch's bulk format (NDJSON), for an index created with the settings and",
      "mappings of RareSearch's OpenSearch plugin (see the README).",
      "Example: raresearch export --format opensearch-bulk --output diseases.ndjson"
    })
final class ExportCommand implements Callable<Integer> {
  static final String OPENSEARCH_BULK = "opensearch-bulk";

  @Spec CommandSpec spec;

  @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "The format: " + OPENSEARCH_BULK + ".")
  String format;

  @Option(names = "--index", paramLabel = "DIR", description = "Index to export (default: the bundled corpus, built on first use).")
  Path index;

  @Option(names = "--output", paramLabel = "FILE", description = "File to write (default: standard output). Written whole or not at all.")
  Path output;

  @Option(names = "--target-index", paramLabel = "NAME", defaultValue = "raresearch", description = "The OpenSearch index the bulk lines name (default: ${DEFAULT-VALUE}).")
  String targetIndex;

  @Override
  public Integer call() throws Exception {
    if (!OPENSEARCH_BULK.equals(format)) {
      throw new ParameterException(spec.commandLine(), "unknown export format '" + format + "'; the one format is " + OPENSEARCH_BULK);
    }
    if (targetIndex.isBlank() || !targetIndex.equals(targetIndex.toLowerCase(java.util.Locale.ROOT)) || targetIndex.chars().anyMatch(c -> " \"*\\<|,>/?#:".indexOf(c) >= 0)) {
      throw new ParameterException(spec.commandLine(), "'" + targetIndex + "' is not an OpenSearch index name: lower case, without spaces or any of \"*\\<|,>/?#:");
    }
    PrintWriter err = spec.commandLine().getErr();
    try (RareSearch rare = CliContext.openForSearch(index, err)) {
      if (output == null) {
        PrintWriter out = spec.commandLine().getOut();
        long count = export(rare, out, err);
        out.flush();
        err.println("Exported " + count + " diseases.");
      } else {
        Path absolute = output.toAbsolutePath();
        Path partial = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".partial");
        try {
          long count;
          try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            count = export(rare, out, err);
          }
          Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          err.println("Exported " + count + " diseases to " + absolute + ".");
        } finally {
          Files.deleteIfExists(partial);
        }
      }
      err.flush();
    }
    return ExitCodes.OK;
  }

  /** Writes each disease as two lines: the bulk action, then the document. */
  private long export(RareSearch rare, Writer out, PrintWriter err) throws IOException {
    ObjectMapper mapper = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    ProgressLine progress = new ProgressLine(err);
    long reports = rare.count();
    long[] done = {0};
    try {
      rare.forEachDisease(disease -> {
        try {
          mapper.writeValue(out, Map.of("index", Map.of("_index", targetIndex, "_id", disease.id())));
          out.write('\n');
          mapper.writeValue(out, disease.fields());
          out.write('\n');
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        done[0]++;
        progress.show(done[0], reports, () -> "Exporting: " + done[0] + " diseases (of " + reports + " reports)");
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    progress.finish();
    return done[0];
  }
}
