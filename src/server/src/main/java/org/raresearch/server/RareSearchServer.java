package org.raresearch.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.raresearch.RareSearch;

/**
 * RareSearch over HTTP: a JSON API and a search page, served by Jetty's HTTP server from one
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
 * text}} with status 400 (refused query or parameter, malformed request), 404 (unknown id or
 * address), 405 (another method), 413 (a request body), 414 (an address over {@value
 * RequestHandler#MAX_URI_CHARS} characters), 431 (over {@value RequestHandler#MAX_HEADERS} header
 * lines or 80 KiB of head), 401 (no access token or another one, when a token is set), 503 (index unavailable, the search ran past its time budget, too many
 * requests waiting: {@code busy}, or too many connections: {@code too_many_connections}; each with
 * {@code Retry-After}) or 500.
 *
 * <p>The server holds under slow clients and floods. A connection costs no thread until its
 * request's head has arrived whole, and the head must arrive within the head timeout (10 s) or the
 * connection is closed; an idle connection is closed after 30 s. At most {@code maxConnections}
 * (1,024) connections are served; past them, a few hundred more are answered {@code 503
 * too_many_connections} and closed, and the rest wait to be accepted. Requests that use the index
 * take turns, as many at once as the machine has processors; the others wait, at most {@code
 * threads} less the turns of them, each at most {@code maxWait} (10 s), and each freed turn goes to
 * the next client (remote address) in a round, so one client sending many requests cannot starve
 * another (see {@link FairTurns}). A request that cannot wait is answered {@code 503 busy}.
 *
 * <p>The index is looked at every second, away from the requests: a commit of another process (a
 * sync, an import) is served within about a second, without failing a search under way.
 *
 * <p>With a {@linkplain Builder#token token}, every API request must carry it ({@code
 * Authorization: Bearer <token>}) or is answered 401; TLS is left to a reverse proxy in front.
 *
 * <p>{@link #close()} stops accepting connections, lets requests under way finish within the grace
 * period, and stops the threads; it does not close the {@link RareSearch}, which the caller owns.
 */
public final class RareSearchServer implements AutoCloseable {
  /** The address bound unless another is given: loopback only. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** The port bound unless another is given. */
  public static final int DEFAULT_PORT = 8080;
  /** The most connections served at once unless another number is given. */
  public static final int DEFAULT_MAX_CONNECTIONS = 1024;
  /** How many connections past the cap are accepted to be answered 503, before accepting pauses. */
  static final int REFUSED_CONNECTIONS = 256;
  /** How often the index is looked at for a newer commit. */
  static final Duration REFRESH_INTERVAL = Duration.ofSeconds(1);
  /** How long an idle connection is kept open. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final Server server;
  private final ServerConnector connector;
  private final ConnectionGuard guard;
  private final Duration grace;
  private final IndexRefresher refresher;
  private final URI uri;

  private RareSearchServer(Builder builder) throws IOException {
    int turns = Math.max(2, Runtime.getRuntime().availableProcessors());
    QueuedThreadPool pool = new QueuedThreadPool(builder.threads + 8, Math.min(8, builder.threads + 8), 60_000);
    pool.setName("raresearch-http");
    pool.setDaemon(true);
    this.server = new Server(pool);
    this.grace = builder.grace;
    server.setStopTimeout(builder.grace.toMillis());

    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(RequestHandler.MAX_URI_CHARS + 16 * 1024);
    config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    // The path is checked by the request handler itself, segment by segment, and refused with a 404.
    config.setUriCompliance(UriCompliance.UNSAFE);
    this.guard = new ConnectionGuard(new HttpConnectionFactory(config), builder.maxConnections, builder.headTimeout);
    this.connector = new ServerConnector(server, 1, 1, guard);
    connector.setHost(builder.host);
    connector.setPort(builder.port);
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(builder.maxConnections + REFUSED_CONNECTIONS, connector));

    FairTurns fair = new FairTurns(turns, Math.max(0, builder.threads - turns));
    RequestHandler handler = new RequestHandler(new ApiEndpoints(builder.rare), fair, builder.maxWait, new PageResources(),
        builder.corsOrigin, builder.token, builder.log);
    JettyBridge bridge = new JettyBridge(handler, guard);
    server.setHandler(new GracefulHandler(bridge));
    server.setErrorHandler(bridge.errors());
    try {
      server.start();
    } catch (Exception e) {
      stopQuietly();
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof BindException bind) {
          throw bind;
        }
      }
      throw e instanceof IOException io ? io : new IOException("the server could not start: " + e.getMessage(), e);
    }
    this.refresher = new IndexRefresher(builder.rare, REFRESH_INTERVAL, builder.log);
    InetSocketAddress bound = (InetSocketAddress) ((ServerSocketChannel) connector.getTransport()).getLocalAddress();
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
    private AccessToken token;
    private int threads = 64;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private Duration headTimeout = Duration.ofSeconds(10);
    private Duration grace = Duration.ofSeconds(3);
    private Duration maxWait = Duration.ofSeconds(10);
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
     * Makes every API request need {@code Authorization: Bearer <token>}; one without it, or with
     * another token, is answered 401 ({@code unauthorized}). The page's own files (HTML, script,
     * style) hold no data and are served to anyone, so that the page can ask for the token. The
     * token is compared in constant time.
     *
     * @param token {@value AccessToken#MIN_CHARS} to {@value AccessToken#MAX_CHARS} visible ASCII
     *     characters, such as the output of {@code openssl rand -hex 32}
     * @throws IllegalArgumentException when it is not such a token (the message says why)
     */
    public Builder token(String token) {
      this.token = AccessToken.of(Objects.requireNonNull(token, "token"));
      return this;
    }

    /**
     * How many requests are handled at once (read, answered, written), 64 unless set. Of these, as
     * many as the machine has processors use the index at the same time; the others wait their
     * turn (see {@link #maxWait(Duration)}), fairly shared among clients. Past that number,
     * requests are answered {@code 503 busy}.
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
     * The most connections served at once, {@value #DEFAULT_MAX_CONNECTIONS} unless set. Past it,
     * requests are answered 503 ({@code too_many_connections}) and their connection closed.
     *
     * @throws IllegalArgumentException when it is not within 1..100000
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1 || maxConnections > 100_000) {
        throw new IllegalArgumentException("the most connections must be within 1..100000, not " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * How long a client has to send a request's head (its line and headers) once it has started,
     * or once it has connected for its first request, 10 s unless set; past it the connection is
     * closed.
     *
     * @throws IllegalArgumentException when it is not positive
     */
    public Builder headTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the head timeout must be positive: " + timeout);
      }
      this.headTimeout = timeout;
      return this;
    }

    /**
     * How long a request waits for its turn to use the index before it is answered 503 ({@code
     * busy}), 10 s unless set.
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

    /** How long {@link #close()} lets requests under way finish, 3 s unless set. */
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
    return uri.getPort();
  }

  /** How many connections are open now (served, or past the cap and being refused). */
  int openConnections() {
    return guard.openConnections();
  }

  /**
   * Stops accepting connections, waits for the requests under way to be answered (at most the
   * grace period), closes the remaining connections and stops the threads.
   */
  @Override
  public void close() {
    try {
      connector.close(); // closes the listening socket: new connections are refused from now on
    } catch (RuntimeException e) {
      // stopping goes on
    }
    // A request whose head has begun to arrive is under way too: it is read and answered.
    long deadline = System.nanoTime() + grace.toNanos();
    while (guard.connectionsUnderWay() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    stopQuietly();
    refresher.close();
  }

  private void stopQuietly() {
    try {
      server.stop();
    } catch (Exception e) {
      // stopping is best effort: the connections and threads are released either way
    }
  }
}
