package org.raresearch.errors;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.zip.ZipException;

/** Says in a user's words why a file could not be read, without naming Java's exception types. */
public final class FileProblems {
  private FileProblems() {}

  /**
   * Why reading failed: {@code there is no such file}, {@code permission denied}, {@code the file is
   * not UTF-8 text}, or the system's reason; never longer than a short line.
   *
   * @param e the failure
   * @return the reason, in lower case, without the file's name
   */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "there is no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "the file is not UTF-8 text";
    }
    if (e instanceof ZipException || e instanceof EOFException) {
      return "the compressed data is truncated or damaged";
    }
    String reason = e instanceof FileSystemException system ? system.getReason() : e.getMessage();
    if (reason == null || reason.isBlank()) {
      return "the file cannot be read";
    }
    return Excerpt.of(reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1));
  }
}
