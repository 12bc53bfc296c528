package org.raresearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.IndexAccessException.Reason;

/**
 * What a folder given as an index holds, found out without writing to it: nothing, a RareSearch
 * index (told by the schema version its last commit records, never by file names), or something
 * else. RareSearch writes only into an absent or empty folder or over its own index; a folder
 * holding anything else is refused with a message that names it and says why, and nothing in it is
 * touched.
 */
public final class IndexFolder {
  /** What a folder holds. */
  enum Kind {
    /** There is no folder (nor file) at the path. */
    ABSENT,
    /** The folder is empty, or holds only Lucene's lock file. */
    EMPTY,
    /** The folder holds a RareSearch index; {@link Contents#version()} says of which schema. */
    RARESEARCH
  }

  /**
   * @param kind what the folder holds
   * @param version the schema version the last commit records, for {@link Kind#RARESEARCH}; else null
   */
  record Contents(Kind kind, String version) {
    /** Whether the index was written with this RareSearch's schema. */
    boolean current() {
      return Integer.toString(IndexSchema.VERSION).equals(version);
    }
  }

  private IndexFolder() {}

  /**
   * Checks that a folder holds a RareSearch index of this schema, for reading, without writing to
   * it.
   *
   * @throws IndexAccessException when there is no index ({@link Reason#MISSING}), it was written
   *     with another schema, its last commit cannot be read, or the folder holds something else
   */
  public static void verifyReadable(Path path, Directory directory) {
    Contents contents = inspect(path, directory);
    switch (contents.kind()) {
      case ABSENT, EMPTY -> throw new IndexAccessException(
          Reason.MISSING, "there is no index at " + path + "; build one with `raresearch index`", null);
      case RARESEARCH -> {
        if (!contents.current()) {
          throw outdated(path, contents.version());
        }
      }
    }
  }

  /**
   * Finds out what {@code path} holds.
   *
   * @param directory the Lucene directory over {@code path}, or null when the path is absent
   * @throws IndexAccessException when the path is a file, cannot be listed, or holds anything but a
   *     RareSearch index
   */
  static Contents inspect(Path path, Directory directory) {
    if (!Files.exists(path)) {
      return new Contents(Kind.ABSENT, null);
    }
    if (!Files.isDirectory(path)) {
      throw new IndexAccessException(Reason.IO, "index " + path + " is not a directory", null);
    }
    List<String> entries;
    try (Stream<Path> list = Files.list(path)) {
      entries = list.map(p -> p.getFileName().toString()).filter(name -> !name.equals(IndexWriter.WRITE_LOCK_NAME)).sorted().toList();
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
    if (entries.isEmpty()) {
      return new Contents(Kind.EMPTY, null);
    }
    Map<String, String> userData;
    try {
      if (directory == null || !DirectoryReader.indexExists(directory)) {
        throw new IndexAccessException(Reason.FOREIGN,
            "folder " + path + " holds files that are not a RareSearch index (such as " + Excerpt.quoted(entries.getFirst())
                + "); RareSearch writes an index only into an empty folder or over its own, so it leaves it alone: "
                + "choose another folder",
            null);
      }
      userData = DirectoryReader.listCommits(directory).getLast().getUserData();
    } catch (IOException e) {
      throw new IndexAccessException(Reason.FOREIGN,
          "folder " + path + " holds no readable RareSearch index: its last commit (" + Excerpt.quoted(lastCommitName(directory))
              + ") cannot be read, so RareSearch cannot tell whether it wrote the folder and leaves it alone; if it held only a "
              + "RareSearch index, delete it and build the index again with `raresearch index`",
          e);
    }
    String version = userData.get(IndexSchema.VERSION_KEY);
    if (version == null) {
      throw new IndexAccessException(Reason.FOREIGN,
          "folder " + path + " holds a Lucene index that RareSearch did not write (its commits record no RareSearch schema); "
              + "RareSearch leaves it alone: choose another folder",
          null);
    }
    return new Contents(Kind.RARESEARCH, version);
  }

  /**
   * The report folder an index was last brought in step with, as recorded in its last commit.
   *
   * @return the directory, or empty when the index records none
   * @throws IndexAccessException when there is no readable index at {@code path}
   */
  public static Optional<Path> recordedSource(Path path) {
    if (!Files.isDirectory(path)) {
      throw new IndexAccessException(Reason.MISSING, "there is no index at " + path, null);
    }
    try (Directory directory = FSDirectory.open(path)) {
      IndexFolder.verifyReadable(path, directory);
      String value = DirectoryReader.listCommits(directory).getLast().getUserData().get(IndexSchema.SOURCE_KEY);
      return Optional.ofNullable(value).map(Path::of);
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }


  private static String lastCommitName(Directory directory) {
    try {
      return SegmentInfos.getLastCommitSegmentsFileName(directory.listAll());
    } catch (IOException e) {
      return "segments";
    }
  }

  /** The error for a RareSearch index of another schema version: it is RareSearch's, so it may be rebuilt. */
  static IndexAccessException outdated(Path path, String version) {
    return new IndexAccessException(
        Reason.SCHEMA_MISMATCH,
        "index " + path + " was written with schema version " + Excerpt.of(version) + ", this RareSearch uses version "
            + IndexSchema.VERSION + "; rebuild it with `raresearch index --rebuild`",
        null);
  }
}
