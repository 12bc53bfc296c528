package org.raresearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts another JVM on this JVM's Java and class path, as the CLI and the heap probe need. */
final class JavaProcess {
  private JavaProcess() {}

  /** The command line running {@code mainClass} with {@code args} in a new JVM. */
  static List<String> command(String mainClass, String... args) {
    return command(List.of(), mainClass, args);
  }

  /** {@link #command(String, String...)} with options for the new JVM. */
  static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Runs a command to its end, its output discarded.
   *
   * @return its exit code, 0 (an answer) or 1 (no hit)
   * @throws IOException when it fails otherwise
   */
  static int run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    int code = process.waitFor();
    if (code > 1) {
      throw new IOException("exit code " + code + " from " + String.join(" ", command));
    }
    return code;
  }

  /** Runs a command to its end and returns what it printed; fails unless it exits with 0. */
  static String output(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int code = process.waitFor();
    if (code != 0) {
      throw new IOException("exit code " + code + " from " + String.join(" ", command));
    }
    return out;
  }
}
