package org.raresearch.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Orphanet's ORPHApackets as reports, read one packet at a time from a directory of packet files or
 * from the {@code .tar.gz} archive of one (as distributed by Orphanet). Every entity becomes the
 * report {@code ORPHA_<code>} (see {@link OrphanetPackets} for its sections).
 *
 * <pre>{@code
 * rare.importReports(new OrphanetSource(Path.of("orphapacket_json.tar.gz")), ImportProgress.NONE);
 * }</pre>
 *
 * <p>A packet file holds one packet object (or an array of them); files not ending in {@code .json}
 * are ignored. A packet that is not valid JSON, is over {@value #MAX_PACKET_BYTES} bytes, or has no
 * code or label is a bad record, reported with its file (and line and column), and the import goes
 * on.
 */
public final class OrphanetSource implements ReportSource {
  /** The origin Orphanet reports are recorded under. */
  public static final String ORIGIN = "orphanet";
  /** The largest packet file read; real ones are under 100 KiB. */
  public static final long MAX_PACKET_BYTES = 16L << 20;

  private static final Pattern PACKET_FILE = Pattern.compile("ORPHApacket_([0-9]+)\\.json");
  private static final ObjectMapper MAPPER =
      new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());

  private final Path path;

  /**
   * A source over Orphanet's packets; nothing is read until an import reads them.
   *
   * @param path a directory of packet files (searched recursively), a {@code .tar.gz} (or {@code
   *     .tar}) archive of one, or a single packet file
   */
  public OrphanetSource(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  @Override
  public String origin() {
    return ORIGIN;
  }

  @Override
  public void read(Sink sink) throws IOException {
    if (Files.isDirectory(path)) {
      readDirectory(sink);
    } else if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "there is no such file or directory");
    } else if (path.getFileName().toString().endsWith(".json")) {
      try (InputStream in = Files.newInputStream(path)) {
        readPacketFile(in, path.toString(), path.getFileName().toString(), Files.size(path), sink);
      }
    } else {
      readArchive(sink);
    }
  }

  private void readDirectory(Sink sink) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(path)) {
      files = walk.filter(f -> f.getFileName().toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
    }
    int done = 0;
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        readPacketFile(in, file.toString(), file.getFileName().toString(), Files.size(file), sink);
      } catch (IOException e) {
        sink.rejected(file.toString(), "cannot read the file: " + e.getMessage(), idOf(file.getFileName().toString()));
      }
      sink.progress(++done, files.size());
    }
  }

  private void readArchive(Sink sink) throws IOException {
    try (SourceFile file = SourceFile.open(path);
        TarArchiveInputStream tar = new TarArchiveInputStream(file.in())) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        String fileName = name.substring(name.lastIndexOf('/') + 1);
        if (entry.isFile() && fileName.endsWith(".json")) {
          readPacketFile(tar, path + "!" + name, fileName, entry.getSize(), sink);
        }
        sink.progress(file.bytesRead(), file.size());
      }
    } catch (IOException e) {
      throw new IOException(path + ": the archive cannot be read to its end (" + e.getMessage() + ")", e);
    }
  }

  /** Reads the packets of one file; a bad packet is told to the sink, an unreadable stream thrown. */
  private static void readPacketFile(InputStream in, String position, String fileName, long size, Sink sink)
      throws IOException {
    String fileId = idOf(fileName);
    if (size > MAX_PACKET_BYTES) {
      sink.rejected(position, "the file is " + size + " bytes, over the limit of " + MAX_PACKET_BYTES + " for one packet", fileId);
      return;
    }
    try (JsonParser parser = MAPPER.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        sink.rejected(position, "the file is empty", fileId);
      } else if (first == JsonToken.START_ARRAY) {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
          readPacket(parser, position, null, sink);
        }
      } else {
        readPacket(parser, position, fileId, sink);
      }
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
      sink.rejected(position + at, "not valid JSON: " + e.getOriginalMessage(), fileId);
    }
  }

  private static void readPacket(JsonParser parser, String position, String fileId, Sink sink) throws IOException {
    int line = parser.currentLocation().getLineNr();
    JsonNode packet = parser.readValueAsTree();
    try {
      sink.report(OrphanetPackets.toReport(packet));
    } catch (IllegalArgumentException e) {
      sink.rejected(position + ":" + line, e.getMessage(), fileId);
    }
  }

  /** {@code ORPHA_558} for {@code ORPHApacket_558.json}; null for other names. */
  private static String idOf(String fileName) {
    Matcher m = PACKET_FILE.matcher(fileName);
    return m.matches() ? "ORPHA_" + m.group(1) : null;
  }
}
