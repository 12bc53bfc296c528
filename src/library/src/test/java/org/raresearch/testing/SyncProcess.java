package org.raresearch.testing;

import java.nio.file.Path;
import org.raresearch.index.Ingest;
import org.raresearch.index.ReportIndexer;
import org.raresearch.sources.ReportFolder;

/**
 * A process that syncs a report directory into an index and prints {@code done N} after each file,
 * for tests that kill it part-way. Arguments: the index directory, the report directory.
 */
public final class SyncProcess {
  private SyncProcess() {}

  public static void main(String[] args) throws Exception {
    try (ReportIndexer indexer = ReportIndexer.open(Path.of(args[0]))) {
      Ingest.run(indexer, new ReportFolder(Path.of(args[1])), (reports, done, total) -> {
        System.out.println("done " + done);
        System.out.flush();
      });
    }
    System.out.println("finished");
  }

  /** Starts this class in a new JVM with the test class path. */
  public static Process start(Path index, Path reports) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), SyncProcess.class.getName(),
            index.toString(), reports.toString())
        .redirectErrorStream(true)
        .start();
  }
}
