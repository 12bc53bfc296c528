package org.raresearch.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.raresearch.RareSearch;

/**
 * RareSearch over HTTP: a JSON API and a search page, served by the JDK's own HTTP server from one
 * {@link RareSearch}.
 *
 * <pre>{@code
 * try (RareSearch rare = RareSearch.builder(index).readOnly().open();
 *      RareSearchServer server = RareSearchServer.builder(rare).port(8080).start()) {
 *   System.out.println("Listening on " + server.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>Endpoints (GET or HEAD): {@code /api/search?q=&limit=}, {@code /api/resolve?name=&limit=},
 * {@code /api/reports/{id}}, {@code /api/suggest?q=&limit=}, {@code /api/health}, and the page at
 * {@code /}. Answers are the JSON of {@link JsonViews}; errors are {@code {"error": kind, "message":
 * text}} with status 400 (refused query or parameter), 404 (unknown id or address), 405 (another
 * method), 413 (a request body), 414 (an address over {@value RequestHandler#MAX_URI_CHARS}
 * characters), 503 (index unavailable, the search ran past its time budget, or too many requests
 * waiting) or 500.
 *
 * <p>Requests are bounded: a fixed pool of threads handles them, at most {@value #MAX_QUEUED} more
 * wait for a thread, as many as the machine has processors use the index at once (the facade is
 * thread-safe; each search's time budget runs only once it has its turn), and the JDK server closes
 * connections past its limits. Those
 * limits are system properties the JDK reads once, when its first server starts; unless already
 * set, this class sets them then: 64 headers of 80 KiB in all, 20 s to send a request (counting any
 * wait for a thread), 60 s to take its answer, 512 connections.
 *
 * <p>{@link #close()} stops accepting connections, lets requests under way finish within the grace
 * period, and stops the threads; it does not close the {@link RareSearch}, which the caller owns.
 */
public final class RareSearchServer implements AutoCloseable {
  /** The address bound unless another is given: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The port bound unless another is given. */
  public static final int DEFAULT_PORT = 8080;
  /** The most requests that wait for a thread; past that, new connections are closed unanswered. */
  public static final int MAX_QUEUED = 256;

  static {
    limit("sun.net.httpserver.maxReqHeaders", "64");
    limit("sun.net.httpserver.maxReqHeaderSize", Integer.toString(80 * 1024));
    limit("sun.net.httpserver.maxReqTime", "20");
    limit("sun.net.httpserver.maxRspTime", "60");
    limit("jdk.httpserver.maxConnections", "512");
  }

  private final HttpServer server;
  private final ThreadPoolExecutor threads;
  private final Duration grace;
  private final URI uri;

  private RareSearchServer(Builder builder) throws IOException {
    this.grace = builder.grace;
    this.server = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 64);
    this.threads = new ThreadPoolExecutor(
        builder.threads, builder.threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED), namedThreads());
    server.setExecutor(threads);
    int turns = Math.max(2, Runtime.getRuntime().availableProcessors());
    server.createContext("/", new RequestHandler(new ApiEndpoints(builder.rare), turns, builder.maxWait, new PageResources(), builder.corsOrigin, builder.log));
    server.start();
    RareSearch rare = builder.rare;
    // The suggestions' lookup takes seconds to build over a large index: built now, the first
    // keystrokes on the page need not wait for it.
    threads.execute(() -> {
      try {
        rare.suggest("a", 1);
      } catch (RuntimeException e) {
        builder.log.println("raresearch serve: suggestions are not ready: " + e.getMessage());
      }
    });
    InetSocketAddress bound = server.getAddress();
    String host = bound.getAddress().getHostAddress();
    this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + bound.getPort() + "/");
  }

  /** Starts configuring a server of {@code rare}. */
  public static Builder builder(RareSearch rare) {
    return new Builder(rare);
  }

  /** Options of a {@link RareSearchServer}. Not thread-safe. */
  public static final class Builder {
    private final RareSearch rare;
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private String corsOrigin;
    private int threads = 64;
    private Duration grace = Duration.ofSeconds(3);
    private Duration maxWait = Duration.ofSeconds(20);
    private PrintStream log = System.err;

    private Builder(RareSearch rare) {
      this.rare = Objects.requireNonNull(rare, "rare");
    }

    /** The address to listen on, {@value #DEFAULT_HOST} unless set; {@code 0.0.0.0} is every interface. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port to listen on, {@value #DEFAULT_PORT} unless set; 0 takes any free port ({@link
     * #uri()} says which).
     *
     * @throws IllegalArgumentException when it is not within 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("the port must be within 0..65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Lets pages of another origin call the API: answers carry {@code Access-Control-Allow-Origin:
     * origin}, and {@code OPTIONS} preflights are answered. Without it, no CORS header is sent.
     *
     * @param origin such as {@code https://clinic.example.org}, or {@code *} for any
     * @throws IllegalArgumentException when it is blank or has control characters or spaces
     */
    public Builder corsOrigin(String origin) {
      Objects.requireNonNull(origin, "origin");
      if (origin.isEmpty() || origin.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
        throw new IllegalArgumentException("a CORS origin is one word such as https://clinic.example.org, not \"" + origin + "\"");
      }
      this.corsOrigin = origin;
      return this;
    }

    /**
     * How many requests are handled at once (read, answered, written), 64 unless set. Of these, as
     * many as the machine has processors use the index at the same time; the others wait their
     * turn (see {@link #maxWait(Duration)}).
     *
     * @throws IllegalArgumentException when it is not within 1..256
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("the number of threads must be within 1..256, not " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * How long a request waits for its turn to use the index before it is answered 503 ({@code
     * busy}), 20 s unless set. Keep it well under the 60 s the JDK server gives a response.
     *
     * @throws IllegalArgumentException when it is negative
     */
    public Builder maxWait(Duration wait) {
      if (wait.isNegative()) {
        throw new IllegalArgumentException("the wait must not be negative: " + wait);
      }
      this.maxWait = wait;
      return this;
    }

    /** How long {@link #close()} lets requests under way finish, 3 s unless set (whole seconds). */
    public Builder shutdownGrace(Duration grace) {
      this.grace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    /** Where failures that clients are not told about in detail are written; standard error unless set. */
    public Builder log(PrintStream log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * Binds the address and starts answering.
     *
     * @throws IOException when the address cannot be bound (in use, not this machine's)
     */
    public RareSearchServer start() throws IOException {
      return new RareSearchServer(this);
    }
  }

  /** The address the server answers at, such as {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    return uri;
  }

  /** The port the server listens on (the one chosen when 0 was asked for). */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Stops accepting connections, waits for the requests under way to be answered (at most the
   * grace period), closes the remaining connections and stops the threads.
   */
  @Override
  public void close() {
    server.stop((int) Math.max(0, Math.min(Integer.MAX_VALUE, grace.toSeconds())));
    threads.shutdown();
    try {
      if (!threads.awaitTermination(grace.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "raresearch-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static void limit(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }
}
