package org.raresearch.sources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.InputFileException;
import org.raresearch.io.JsonLimits;
import org.raresearch.io.Limits;

/**
 * Orphanet's ORPHApackets as reports, read one packet at a time from a directory of packet files or
 * from the {@code .tar.gz} archive of one (as distributed by Orphanet). Every entity becomes the
 * report {@code ORPHA_<code>} (see {@link OrphanetPackets} for its sections).
 *
 * <pre>{@code
 * rare.ingest(new OrphanetSource(Path.of("orphapacket_json.tar.gz")), IngestProgress.NONE);
 * }</pre>
 *
 * <p>A packet file holds one packet object (or an array of them); files not ending in {@code .json}
 * are ignored. Every {@code .json} file is either imported or reported: a file that is not valid
 * JSON, is over {@value #MAX_PACKET_BYTES} bytes or {@value #MAX_PACKET_TOKENS} JSON tokens, goes past
 * one of the JSON limits (nesting 64 deep, strings of 262,144 characters), holds no packet ({@code [1, 2, 3]}, {@code
 * []}, a string), or a packet without code or label is a bad record, reported with its file (and
 * line and column), and the import goes on. One file at a time is held in memory.
 */
public final class OrphanetSource implements ReportSource {
  /** The origin Orphanet reports are recorded under. */
  public static final String ORIGIN = "orphanet";
  /** The largest packet file read; the largest real one (of 9,960 in 2025) is 0.8 MB. */
  public static final long MAX_PACKET_BYTES = 8L << 20;
  /**
   * The most JSON tokens one packet file may hold, which bounds the memory its tree takes however
   * the file is made; the largest real packet holds about 60,000.
   */
  public static final long MAX_PACKET_TOKENS = 1_000_000;

  private static final Pattern PACKET_FILE = Pattern.compile("ORPHApacket_([0-9]+)\\.json");
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonLimits.factory(MAX_PACKET_BYTES, MAX_PACKET_TOKENS));

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

  /**
   * {@inheritDoc}
   *
   * @throws InputFileException when the directory, archive or file cannot be read to its end
   */
  @Override
  public void read(Sink sink) {
    try {
      if (Files.isDirectory(path)) {
        readDirectory(sink);
      } else if (!Files.exists(path)) {
        throw new InputFileException(path.toString(), 0, "there is no such file or directory");
      } else if (path.getFileName().toString().endsWith(".json")) {
        try (InputStream in = Files.newInputStream(path)) {
          readPacketFile(in, path.toString(), path.getFileName().toString(), Files.size(path), sink);
        }
      } else {
        readArchive(sink);
      }
    } catch (IOException e) {
      throw new InputFileException(path.toString(), 0, FileProblems.describe(e), e);
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
        sink.rejected(file.toString(), "cannot read the file: " + FileProblems.describe(e), idOf(file.getFileName().toString()));
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
      throw new InputFileException(path.toString(), 0, "the archive cannot be read to its end: " + FileProblems.describe(e), e);
    }
  }

  /**
   * Reads the packets of one file: one packet object, or an array of them. A bad packet, a value
   * that is not a packet, a file over a limit and a file that is not JSON are told to the sink; an
   * unreadable stream is thrown.
   */
  private static void readPacketFile(InputStream in, String position, String fileName, long size, Sink sink)
      throws IOException {
    String fileId = idOf(fileName);
    if (size > MAX_PACKET_BYTES) {
      sink.rejected(position, "the file is " + String.format(java.util.Locale.ROOT, "%,d", size) + " bytes, over the limit of " + Limits.bytes(MAX_PACKET_BYTES) + " for one packet", fileId);
      return;
    }
    JsonParser parser = MAPPER.createParser(in);
    try (parser) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        sink.rejected(position, "the file is empty", fileId);
      } else if (first == JsonToken.START_ARRAY) {
        int element = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
          element++;
          if (token == JsonToken.START_OBJECT) {
            readPacket(parser, position, null, sink);
          } else {
            String at = at(parser.currentTokenLocation());
            parser.skipChildren();
            sink.rejected(position + at, "element " + element + " of the array is " + kind(token) + ", not a packet (a JSON object)", null);
          }
        }
        if (element == 0) {
          sink.rejected(position, "the file holds no packet: its JSON array is empty", fileId);
        }
      } else if (first == JsonToken.START_OBJECT) {
        readPacket(parser, position, fileId, sink);
      } else {
        sink.rejected(position, "the file holds no packet: it is " + kind(first) + ", not a JSON object", fileId);
        return;
      }
      if (parser.nextToken() != null) {
        sink.rejected(position + at(parser.currentTokenLocation()), "more JSON follows the end of the packet; it is left out", null);
      }
    } catch (StreamConstraintsException e) {
      sink.rejected(position + at(parser.currentTokenLocation()), JsonLimits.describe(e), fileId);
    } catch (JsonProcessingException e) {
      sink.rejected(position + at(e.getLocation()), "not valid JSON: " + JsonLimits.syntaxError(e), fileId);
    }
  }

  /** {@code :3:17} for line 3, column 17; "" when unknown. */
  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? "" : ":" + location.getLineNr() + ":" + location.getColumnNr();
  }

  /** A JSON value's kind, as a user reads it: "a number", "an array". */
  private static String kind(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> "not a value";
    };
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
