package org.raresearch.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.IndexAccessException.Reason;

/**
 * The one translation of an I/O failure on an index into the error a user can act on: a damaged
 * index says how to rebuild it, a denied one says so, any other failure says what it was.
 */
public final class IndexErrors {
  private IndexErrors() {}

  /**
   * The error a user can act on for an I/O failure on the index at {@code path}.
   *
   * @param path the index directory
   * @param e the failure
   * @return the error to throw
   */
  public static IndexAccessException translate(Path path, IOException e) {
    String damage = switch (e) {
      case CorruptIndexException corrupt -> Excerpt.of(corrupt.getOriginalMessage());
      case IndexFormatTooOldException old -> "it was written by an older Lucene";
      case IndexFormatTooNewException newer -> "it was written by a newer Lucene";
      case EOFException eof -> "a file of it ends too early";
      default -> null;
    };
    if (damage != null) {
      return new IndexAccessException(
          Reason.CORRUPT, "index " + path + " is damaged (" + damage + "); rebuild it with `raresearch index --rebuild`", e);
    }
    if (e instanceof AccessDeniedException) {
      return new IndexAccessException(Reason.IO, "index " + path + " cannot be accessed: permission denied", e);
    }
    return new IndexAccessException(Reason.IO, "index " + path + " cannot be used: " + FileProblems.describe(e), e);
  }

  /**
   * {@link #translate}, saying what was being done when the failure is not damage.
   *
   * @param path the index directory
   * @param doing what was being done, such as {@code "counting reports in index"}; the path follows it
   * @param e the failure
   * @return the error to throw
   */
  public static IndexAccessException failure(Path path, String doing, IOException e) {
    IndexAccessException translated = translate(path, e);
    if (translated.reason() == Reason.CORRUPT) {
      return translated;
    }
    return new IndexAccessException(translated.reason(), doing + " " + path + " failed: " + FileProblems.describe(e), e);
  }
}
