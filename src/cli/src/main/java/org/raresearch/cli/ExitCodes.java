package org.raresearch.cli;

/** The exit codes of the {@code raresearch} command, for shell scripts. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** Nothing was found: no hit, no candidate, no report with that id. */
  public static final int NOT_FOUND = 1;
  /** The command line was wrong (unknown option, missing argument). */
  public static final int USAGE = 2;
  /** The query or name was refused (empty, too long, nothing to search for) or ran past the search timeout. */
  public static final int BAD_QUERY = 3;
  /** The index cannot be used: missing, in use, of another schema, damaged, not writable. */
  public static final int INDEX_UNAVAILABLE = 4;
  /** An input file or directory cannot be read or is not a report. */
  public static final int BAD_INPUT = 5;
  /** An unexpected failure inside RareSearch. */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
