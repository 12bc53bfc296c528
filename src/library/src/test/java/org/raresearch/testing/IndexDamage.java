package org.raresearch.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.raresearch.index.IndexSchema;

/**
 * Damages the files of an index on disk, as a failing disk or a careless copy would, or makes it
 * look as an earlier RareSearch left it.
 */
public final class IndexDamage {
  private IndexDamage() {}

  /** The largest data file of an index: the one most of its reports live in. */
  public static Path largestSegmentFile(Path index) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return files
          .filter(f -> !f.getFileName().toString().startsWith("segments") && !f.getFileName().toString().equals("write.lock"))
          .max(Comparator.comparingLong(IndexDamage::size))
          .orElseThrow();
    }
  }

  /** The newest commit point ({@code segments_N}) of an index. */
  public static Path commitPoint(Path index) throws IOException {
    try (Stream<Path> files = Files.list(index)) {
      return files.filter(f -> f.getFileName().toString().startsWith("segments_")).max(Comparator.naturalOrder()).orElseThrow();
    }
  }

  /** Flips some bits of the byte in the middle of a file. */
  public static void flipByteInTheMiddle(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long at = raf.length() / 2;
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 0x5A);
    }
  }

  /** Cuts a file to half its length. */
  public static void truncateToHalf(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() / 2);
    }
  }

  /**
   * Commits the index again recording an older schema version, as an earlier RareSearch would have
   * left it.
   */
  public static void markAsEarlierSchema(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
      writer.setLiveCommitData(Map.of(IndexSchema.VERSION_KEY, Integer.toString(IndexSchema.VERSION - 1)).entrySet());
      writer.commit();
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
