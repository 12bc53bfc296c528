package org.raresearch.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.InputFileException;

/**
 * Loads every report file ({@code *.txt}) of a directory, keeping the good ones and saying why each
 * bad one was rejected.
 *
 * <pre>{@code
 * LoadSummary summary = ReportDirectory.load(Path.of("index-data/reports"));
 * summary.reports().forEach(r -> index(r.report()));
 * summary.rejected().forEach(e -> System.err.println(e.getMessage()));
 * }</pre>
 */
public final class ReportDirectory {
  private static final NordReportParser PARSER = new NordReportParser();

  private ReportDirectory() {}

  /**
   * The report files of a directory (not its sub-directories), sorted by name.
   *
   * @param directory a directory
   * @return its {@code .txt} files
   * @throws InputFileException when the directory is missing or cannot be listed
   */
  public static List<Path> reportFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new InputFileException(directory.toString(), 0,
          Files.exists(directory) ? "not a directory of reports" : "there is no such directory");
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(ReportDirectory::isReportFile)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new InputFileException(directory.toString(), 0, "the directory cannot be listed: " + FileProblems.describe(e), e);
    } catch (UncheckedIOException e) {
      throw new InputFileException(directory.toString(), 0, "the directory cannot be listed: " + FileProblems.describe(e.getCause()), e);
    }
  }

  /**
   * Parses every report file of a directory.
   *
   * @param directory a directory of {@code .txt} report files
   * @return the reports read and the files rejected, in file-name order
   * @throws InputFileException when the directory itself cannot be listed
   */
  public static LoadSummary load(Path directory) {
    return load(directory, report -> {});
  }

  /**
   * Parses every report file of a directory, telling {@code progress} about each file as it is done.
   *
   * @param directory a directory of {@code .txt} report files
   * @param progress called once per good report, in file-name order
   * @return the reports read and the files rejected
   * @throws InputFileException when the directory itself cannot be listed
   */
  public static LoadSummary load(Path directory, Consumer<ParsedReport> progress) {
    List<ParsedReport> reports = new ArrayList<>();
    List<ReportParseException> rejected = new ArrayList<>();
    for (Path file : reportFiles(directory)) {
      try {
        ParsedReport parsed = PARSER.parse(file);
        reports.add(parsed);
        progress.accept(parsed);
      } catch (ReportParseException e) {
        rejected.add(e);
      }
    }
    return new LoadSummary(directory, reports, rejected);
  }

  static boolean isReportFile(Path file) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".txt") && !name.startsWith(".") && Files.isRegularFile(file);
  }
}
