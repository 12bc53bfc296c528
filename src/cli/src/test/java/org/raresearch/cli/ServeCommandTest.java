package org.raresearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.raresearch.testing.BundledIndex;
import picocli.CommandLine;

/**
 * {@code raresearch serve} as a real process: it prints where it listens, answers, and on SIGTERM
 * stops accepting, answers the request under way, releases the port and exits cleanly.
 */
class ServeCommandTest {
  private static final Pattern LISTENING = Pattern.compile("serving (\\d+) reports at (http://127\\.0\\.0\\.1:(\\d+)/)");
  private static final String SEARCH =
      "GET /api/search?q=heliotrope+rash%2C+proximal+muscle+weakness&limit=3 HTTP/1.1\r\nHost: localhost\r\n";
  private static final String REPORT = "GET /api/reports/dermatomyositis HTTP/1.1\r\nHost: localhost\r\n";

  /** The command line in a new JVM, as the launcher starts it. */
  private static Process serve(String... args) throws IOException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        javaBin, "-Xmx512m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        RareSearchCli.class.getName(), "serve"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  /** Lines of a stream, as they come. */
  private static BlockingQueue<String> lines(InputStream in) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended
      }
    });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String await(BlockingQueue<String> lines, String containing, StringBuilder seen) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null) {
        seen.append(line).append('\n');
        if (line.contains(containing)) {
          return line;
        }
      }
    }
    throw new AssertionError("no line with \"" + containing + "\"; saw:\n" + seen);
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    return all.toString(StandardCharsets.UTF_8);
  }

  @Test
  void sigterm_stopsAccepting_answersTheRequestUnderWay_releasesThePort_andExitsCleanly() throws Exception {
    Process process = serve("--index", BundledIndex.path().toString(), "--port", "0", "--search-timeout", "60000");
    try {
      BlockingQueue<String> out = lines(process.getInputStream());
      BlockingQueue<String> err = lines(process.getErrorStream());
      Matcher listening = LISTENING.matcher(await(out, "serving", new StringBuilder()));
      assertTrue(listening.find());
      assertEquals("48", listening.group(1));
      int port = Integer.parseInt(listening.group(3));

      try (Socket underWay = new Socket(InetAddress.getLoopbackAddress(), port)) {
        underWay.setSoTimeout(60_000);
        OutputStream request = underWay.getOutputStream();
        // The request has begun (its first line is in) when the signal comes ...
        request.write(REPORT.getBytes(StandardCharsets.US_ASCII));
        request.flush();
        try (Socket other = new Socket(InetAddress.getLoopbackAddress(), port)) {
          other.getOutputStream().write((SEARCH + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          assertTrue(readAll(other.getInputStream()).startsWith("HTTP/1.1 200 "));
        }
        // SIGTERM, through the process handle: Process.destroy() would also close our end of its output.
        assertTrue(process.toHandle().destroy());
        await(err, "Stopping", new StringBuilder());
        // ... and ends after it: the server is no longer accepting, but answers it.
        assertTrue(refusesConnections(port), "still accepting connections after SIGTERM");
        request.write("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        request.flush();
        String response = readAll(underWay.getInputStream());
        assertTrue(response.startsWith("HTTP/1.1 200 "), response);
        assertTrue(response.contains("\"title\":\"Dermatomyositis\""), response);
        assertTrue(response.endsWith("}"), "a whole answer: " + response);
      }

      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running after SIGTERM");
      int exit = process.exitValue();
      assertTrue(exit == 0 || exit == 143, "exit code " + exit);
      StringBuilder rest = new StringBuilder();
      await(err, "Stopped.", rest);
      assertFalse(rest.toString().contains("Exception"), rest.toString());
      try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, again.getLocalPort());
      }
    } finally {
      process.destroyForcibly();
    }
  }

  /** Whether connections to the port are refused, within a few seconds (the signal is handled apace). */
  private static boolean refusesConnections(int port) throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        Thread.sleep(50);
      } catch (ConnectException refused) {
        return true;
      } catch (IOException other) {
        // reset while closing: try again
      }
    }
    return false;
  }

  private record Run(int exitCode, String err) {}

  private static Run runInProcess(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = RareSearchCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), err.toString());
  }

  @Test
  void aPortInUse_orOutOfRange_isAWrongCommandLine_thatSaysWhy() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run inUse = runInProcess("serve", "--index", BundledIndex.path().toString(), "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(ExitCodes.USAGE, inUse.exitCode());
      assertTrue(inUse.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), inUse.err());
      assertTrue(inUse.err().contains("choose another --port"), inUse.err());
    }
    Run outOfRange = runInProcess("serve", "--index", BundledIndex.path().toString(), "--port", "70000");
    assertEquals(ExitCodes.USAGE, outOfRange.exitCode());
    assertTrue(outOfRange.err().contains("--port must be within 0..65535"), outOfRange.err());
  }

  @Test
  void aTokenFileThatCannotServe_isABadInputFile_namedInTheMessage(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path missing = tmp.resolve("no-such-token");
    Run absent = runInProcess("serve", "--index", BundledIndex.path().toString(), "--port", "0", "--token-file", missing.toString());
    assertEquals(ExitCodes.BAD_INPUT, absent.exitCode(), absent.err());
    assertTrue(absent.err().contains(missing.toString()) && absent.err().contains("no such file"), absent.err());
    Path tooShort = java.nio.file.Files.writeString(tmp.resolve("token"), "abc\n");
    Run shortOne = runInProcess("serve", "--index", BundledIndex.path().toString(), "--port", "0", "--token-file", tooShort.toString());
    assertEquals(ExitCodes.BAD_INPUT, shortOne.exitCode(), shortOne.err());
    assertTrue(shortOne.err().contains(tooShort.toString()) && shortOne.err().contains("16 to 4096 characters"), shortOne.err());
    assertFalse(shortOne.err().contains("Exception"), shortOne.err());
  }

  @Test
  void everyInterfaceWithoutAToken_isWarnedAbout() throws Exception {
    Process process = serve("--index", BundledIndex.path().toString(), "--host", "0.0.0.0", "--port", "0");
    try {
      BlockingQueue<String> out = lines(process.getInputStream());
      BlockingQueue<String> err = lines(process.getErrorStream());
      await(out, "serving", new StringBuilder());
      String warning = await(err, "warning", new StringBuilder());
      assertTrue(warning.startsWith("raresearch: warning: serving on 0.0.0.0 without --token-file"), warning);
    } finally {
      process.destroyForcibly();
    }
  }
}
