package org.raresearch.sources;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;

/**
 * An open-data file opened for streaming: gzip compression undone when the file starts with gzip's
 * magic bytes (whatever its name), and how many of the file's bytes have been read, for progress.
 */
final class SourceFile implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  private final FileChannel channel;
  private final long size;
  private final InputStream in;

  private SourceFile(Path file) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = channel.size();
    InputStream raw = new BufferedInputStream(Channels.newInputStream(channel), BUFFER);
    this.in = gzipped(raw) ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
  }

  static SourceFile open(Path file) throws IOException {
    return new SourceFile(file);
  }

  /** The file's content, decompressed. */
  InputStream in() {
    return in;
  }

  /** Bytes of the file read so far (of the compressed file, when it is compressed). */
  long bytesRead() {
    try {
      return channel.position();
    } catch (IOException e) {
      return 0; // only progress is lost
    }
  }

  /** The file's size in bytes. */
  long size() {
    return size;
  }

  private static boolean gzipped(InputStream in) throws IOException {
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    return first == 0x1f && second == 0x8b;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
