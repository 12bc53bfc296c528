package org.raresearch.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.raresearch.RareSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true, description = "Prints what an index holds.")
final class StatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", description = "Index to describe (default: the bundled corpus, built on first use).")
  Path index;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Option(names = "--check", description = "Also read every index file and verify its checksum; a damaged index fails with exit code 4.")
  boolean check;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    int reports;
    Path path;
    try (RareSearch rare = CliContext.openForSearch(index, spec.commandLine().getErr())) {
      reports = check ? rare.verify() : rare.count();
      path = rare.path();
    }
    long bytes = size(path);
    if (json) {
      ObjectNode node = Json.object();
      node.put("index", path.toString());
      node.put("reports", reports);
      node.put("bytes", bytes);
      node.put("schemaVersion", RareSearch.SCHEMA_VERSION);
      if (check) {
        node.put("checksumsVerified", true);
      }
      Json.print(out, node);
    } else {
      out.println("Index:          " + path);
      out.println("Reports:        " + reports);
      out.printf("Size on disk:   %.1f MB%n", bytes / 1e6);
      out.println("Schema version: " + RareSearch.SCHEMA_VERSION);
      if (check) {
        out.println("Checksums:      verified, every file intact");
      }
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      long total = 0;
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f)) {
          total += Files.size(f);
        }
      }
      return total;
    }
  }
}
