package org.raresearch.sources;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.raresearch.errors.InputFileException;
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ParsedReport;
import org.raresearch.report.ReportDirectory;

/**
 * A folder of report files in the NORD text layout as a source: each {@code .txt} file is the
 * report named by the file ({@code ORPHA_558.txt} is {@code ORPHA_558}). Its reports are of the
 * origin {@value #ORIGIN}, that of report files, and the index records the folder it was last
 * brought in step with ({@code RareSearch.reportsDirectory()}).
 *
 * <p>Each file is handed on as an {@link ReportSource.Entry}: read, and parsed only when its bytes
 * changed since the index took it.
 */
public final class ReportFolder implements ReportSource {
  /** The origin of report files: none, as the index records them. */
  public static final String ORIGIN = "";

  private final Path folder;
  private final NordReportParser parser = new NordReportParser();

  /**
   * A source over a folder; nothing is read until it is read.
   *
   * @param folder a folder of {@code .txt} report files
   */
  public ReportFolder(Path folder) {
    this.folder = Objects.requireNonNull(folder, "folder");
  }

  /**
   * The folder.
   *
   * @return the folder this source reads
   */
  public Path folder() {
    return folder;
  }

  @Override
  public String origin() {
    return ORIGIN;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Hands on one {@link ReportSource.Entry} per report file, in file-name order, and counts
   * progress in files: told the number of files first, each entry is one file done once it is.
   *
   * @throws InputFileException when the folder cannot be listed
   */
  @Override
  public void read(Sink sink) {
    List<Path> files = ReportDirectory.reportFiles(folder);
    sink.progress(0, files.size());
    for (Path file : files) {
      sink.report(new File(file));
    }
  }

  /** One report file. */
  private final class File implements Entry {
    private final Path file;
    private final String id;

    File(Path file) {
      this.file = file;
      this.id = NordReportParser.idOf(file);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String position() {
      return file.toString();
    }

    @Override
    public byte[] read() {
      return NordReportParser.read(file);
    }

    @Override
    public ParsedReport parse(byte[] bytes) {
      return parser.parse(id, file.toString(), bytes);
    }
  }
}
