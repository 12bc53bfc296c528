package org.raresearch.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.component.ContainerLifeCycle;

/**
 * Makes HTTP connections and keeps them honest: a request's head must arrive whole within the head
 * timeout (counted from the connection's opening for its first request, from its first byte for
 * the next ones), and at most {@code maxConnections} connections are served at once. A connection
 * past that number is still read, so that its request can be answered {@code 503
 * too_many_connections} and closed, and is closed within a second if its request does not come.
 * No connection holds a thread while it waits: Jetty reads it only when bytes arrive.
 */
final class ConnectionGuard extends ContainerLifeCycle implements ConnectionFactory {
  /** How long a connection past the cap may take to send its request before it is closed. */
  static final Duration OVER_CAP_HEAD_TIMEOUT = Duration.ofSeconds(1);

  private final HttpConnectionFactory http;
  private final int maxConnections;
  private final long headTimeoutNanos;
  private final Map<Connection, Watch> open = new ConcurrentHashMap<>();
  private final AtomicInteger served = new AtomicInteger();
  private ScheduledExecutorService sweeper;

  /** What is known of one connection: when it opened, whether a request is under way, what it has sent. */
  private static final class Watch {
    final long openedAt = System.nanoTime();
    final boolean overCap;
    boolean inRequest;
    long requests;
    long bytesAtRest;
    long headSince;

    Watch(boolean overCap) {
      this.overCap = overCap;
    }
  }

  ConnectionGuard(HttpConnectionFactory http, int maxConnections, Duration headTimeout) {
    this.http = http;
    this.maxConnections = maxConnections;
    this.headTimeoutNanos = headTimeout.toNanos();
    addBean(http);
  }

  @Override
  public String getProtocol() {
    return http.getProtocol();
  }

  @Override
  public List<String> getProtocols() {
    return http.getProtocols();
  }

  @Override
  public Connection newConnection(Connector connector, EndPoint endPoint) {
    boolean overCap = !takeSlot();
    Connection connection = http.newConnection(connector, endPoint);
    open.put(connection, new Watch(overCap));
    connection.addEventListener(new Connection.Listener() {
      @Override
      public void onClosed(Connection closed) {
        Watch watch = open.remove(closed);
        if (watch != null && !watch.overCap) {
          served.decrementAndGet();
        }
      }
    });
    return connection;
  }

  private boolean takeSlot() {
    while (true) {
      int now = served.get();
      if (now >= maxConnections) {
        return false;
      }
      if (served.compareAndSet(now, now + 1)) {
        return true;
      }
    }
  }

  /** Whether the connection came past the cap (its request is to be refused). */
  boolean overCap(Connection connection) {
    Watch watch = open.get(connection);
    return watch != null && watch.overCap;
  }

  /** How many connections are open, past the cap or not. */
  int openConnections() {
    return open.size();
  }

  /** How many connections have a request under way: being answered, or its head begun. */
  int connectionsUnderWay() {
    int count = 0;
    for (Map.Entry<Connection, Watch> entry : open.entrySet()) {
      Watch watch = entry.getValue();
      synchronized (watch) {
        if (watch.inRequest || entry.getKey().getBytesIn() > watch.bytesAtRest) {
          count++;
        }
      }
    }
    return count;
  }

  /** A request's head has arrived whole on the connection. */
  void requestStarted(Connection connection) {
    Watch watch = open.get(connection);
    if (watch != null) {
      synchronized (watch) {
        watch.inRequest = true;
        watch.headSince = 0;
      }
    }
  }

  /** The connection's request has been answered. */
  void requestEnded(Connection connection) {
    Watch watch = open.get(connection);
    if (watch != null) {
      synchronized (watch) {
        watch.inRequest = false;
        watch.requests++;
        watch.bytesAtRest = connection.getBytesIn();
        watch.headSince = 0;
      }
    }
  }

  /** Closes the connections whose request head is overdue. */
  private void sweep() {
    long now = System.nanoTime();
    open.forEach((connection, watch) -> {
      boolean overdue;
      synchronized (watch) {
        if (watch.inRequest) {
          return;
        }
        boolean awaitingHead = watch.requests == 0 || connection.getBytesIn() > watch.bytesAtRest;
        if (!awaitingHead) {
          watch.headSince = 0; // idle between requests: the idle timeout's business
          return;
        }
        if (watch.headSince == 0) {
          watch.headSince = watch.requests == 0 ? watch.openedAt : now;
        }
        long limit = watch.overCap ? OVER_CAP_HEAD_TIMEOUT.toNanos() : headTimeoutNanos;
        overdue = now - watch.headSince > limit;
      }
      if (overdue) {
        connection.getEndPoint().close();
      }
    });
  }

  @Override
  protected void doStart() throws Exception {
    sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "raresearch-http-heads");
      thread.setDaemon(true);
      return thread;
    });
    long period = Math.max(50, Math.min(500, TimeUnit.NANOSECONDS.toMillis(headTimeoutNanos) / 4));
    sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    super.doStart();
  }

  @Override
  protected void doStop() throws Exception {
    sweeper.shutdownNow();
    super.doStop();
  }
}
