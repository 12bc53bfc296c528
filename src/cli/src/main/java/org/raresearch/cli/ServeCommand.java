package org.raresearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.raresearch.RareSearch;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.InputFileException;
import org.raresearch.server.RareSearchServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the search page and the JSON API over HTTP until stopped (Ctrl-C or SIGTERM).",
      "Endpoints: /api/search?q=, /api/resolve?name=, /api/reports/{id}, /api/suggest?q=, /api/health.",
      "Example: raresearch serve --port 8080, then open http://127.0.0.1:8080/"
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", description = "Index to serve (default: the bundled corpus, built on first use).")
  Path index;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = RareSearchServer.DEFAULT_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + RareSearchServer.DEFAULT_PORT,
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 takes any free port).")
  int port;

  @Option(names = "--cors", paramLabel = "ORIGIN",
      description = "Let pages of this origin (such as https://clinic.example.org, or *) call the API; no CORS headers without it.")
  String cors;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Every API request must carry the token this file holds, as Authorization: Bearer TOKEN (401 otherwise); the page asks for it once.")
  Path tokenFile;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "64",
      description = "Requests handled at once (default: ${DEFAULT-VALUE}); as many as there are processors search at a time, the others wait their turn, past them a request is answered 503 busy.")
  int threads;

  @Option(names = "--search-timeout", paramLabel = "MS", defaultValue = "" + RareSearch.DEFAULT_SEARCH_TIMEOUT_MILLIS,
      description = "Time budget of one search, in milliseconds (default: ${DEFAULT-VALUE}); past it the answer is 503.")
  long searchTimeoutMillis;

  @CommandLine.Mixin VocabularyOptions vocabulary;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be within 0..65535, not " + port);
    }
    if (threads < 1 || threads > 256) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be within 1..256, not " + threads);
    }
    if (new InetSocketAddress(host, port).isUnresolved()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--host " + host + " is not an address of this machine");
    }
    if (searchTimeoutMillis < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--search-timeout must be at least 1 ms, not " + searchTimeoutMillis);
    }
    String token = tokenFile == null ? null : readToken(tokenFile);
    RareSearch rare = vocabulary.builder(index, err)
        .searchTimeout(Duration.ofMillis(searchTimeoutMillis))
        .open();
    RareSearchServer server;
    try {
      RareSearchServer.Builder builder = RareSearchServer.builder(rare).host(host).port(port).threads(threads);
      if (cors != null) {
        builder.corsOrigin(cors);
      }
      if (token != null) {
        try {
          builder.token(token);
        } catch (IllegalArgumentException e) {
          throw new InputFileException(tokenFile.toString(), 0, e.getMessage());
        }
      }
      server = builder.start();
    } catch (IOException | RuntimeException e) {
      rare.close();
      if (e instanceof BindException) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "cannot listen on " + host + ":" + port + " (" + e.getMessage() + "); choose another --port (0 takes any free one)");
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server, rare, err, stopped), "raresearch-serve-shutdown"));
    if (token == null && !isLoopback(host)) {
      err.println("raresearch: warning: serving on " + host + " without --token-file: anyone who can reach this address can use the index;"
          + " give a token, and put a TLS reverse proxy in front (see the README)");
      err.flush();
    }
    out.println("RareSearch is serving " + rare.count() + " reports at " + server.uri() + " (Ctrl-C to stop)");
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  /** The token a file holds: its text without surrounding blanks or line ends. */
  private static String readToken(Path file) {
    String token;
    try {
      token = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (MalformedInputException e) {
      throw new InputFileException(file.toString(), 0, "an access token has only visible ASCII characters");
    } catch (IOException e) {
      throw new InputFileException(file.toString(), 0, "the token file cannot be read: " + FileProblems.describe(e), e);
    }
    return token;
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Stops accepting, lets requests under way finish, then releases the index. */
  private static void stop(RareSearchServer server, RareSearch rare, PrintWriter err, CountDownLatch stopped) {
    err.println("Stopping: answering the requests under way ...");
    err.flush();
    try {
      server.close();
      rare.close();
      err.println("Stopped.");
    } catch (RuntimeException e) {
      err.println("raresearch: stopping failed: " + e.getMessage());
    } finally {
      err.flush();
      stopped.countDown();
    }
  }
}
