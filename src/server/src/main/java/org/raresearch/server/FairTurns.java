package org.raresearch.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns to use the index, shared fairly among clients. A few requests use the index at once (as
 * many as there are turns); the others wait in a queue of bounded length, and each freed turn goes
 * to the next client in a round, not to the next request: a client with fifty requests waiting and
 * a client with one each get every other turn. When the queue is full, a newcomer takes the place
 * of the latest request of the client with the most waiting (that one is answered {@code busy}), or
 * is answered {@code busy} itself when no client has more waiting than it would. Thread-safe.
 */
final class FairTurns {
  /** Seconds a client is told to wait before asking again when the server is busy. */
  static final int RETRY_AFTER_SECONDS = 2;

  private final ReentrantLock lock = new ReentrantLock();
  private final int maxWaiting;
  private final Map<String, ArrayDeque<Waiter>> waiting = new HashMap<>();
  private final ArrayDeque<String> round = new ArrayDeque<>(); // clients with requests waiting, next first
  private int free;
  private int waitingCount;

  /**
   * @param turns how many requests may use the index at once
   * @param maxWaiting how many more may wait for a turn
   */
  FairTurns(int turns, int maxWaiting) {
    if (turns < 1 || maxWaiting < 0) {
      throw new IllegalArgumentException("turns " + turns + ", waiting " + maxWaiting);
    }
    this.free = turns;
    this.maxWaiting = maxWaiting;
  }

  /** A turn taken: closing it gives it to the next waiting client. */
  interface Turn extends AutoCloseable {
    @Override
    void close();
  }

  private static final class Waiter {
    final String client;
    final Condition ready;
    boolean granted;
    boolean evicted;

    Waiter(String client, Condition ready) {
      this.client = client;
      this.ready = ready;
    }
  }

  /**
   * Takes a turn for {@code client}, waiting at most {@code maxWait}.
   *
   * @throws HttpProblem 503 {@code busy} when the queue has no room or the wait ran out
   */
  Turn take(String client, Duration maxWait) {
    Waiter waiter;
    lock.lock();
    try {
      if (free > 0 && waitingCount == 0) {
        free--;
        return this::release;
      }
      if (waitingCount >= maxWaiting && !evictForNewcomer(client)) {
        throw busy();
      }
      waiter = new Waiter(client, lock.newCondition());
      ArrayDeque<Waiter> queue = waiting.computeIfAbsent(client, c -> new ArrayDeque<>());
      if (queue.isEmpty()) {
        round.addLast(client);
      }
      queue.addLast(waiter);
      waitingCount++;
      long nanos = maxWait.toNanos();
      while (!waiter.granted && !waiter.evicted && nanos > 0) {
        nanos = waiter.ready.awaitNanos(nanos);
      }
      if (waiter.granted) {
        return this::release;
      }
      if (!waiter.evicted) {
        remove(waiter);
      }
      throw busy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    } finally {
      lock.unlock();
    }
  }

  /** How many requests wait for a turn now. */
  int waiting() {
    lock.lock();
    try {
      return waitingCount;
    } finally {
      lock.unlock();
    }
  }

  private void release() {
    lock.lock();
    try {
      String next = round.pollFirst();
      if (next == null) {
        free++;
        return;
      }
      ArrayDeque<Waiter> queue = waiting.get(next);
      Waiter waiter = queue.pollFirst();
      waitingCount--;
      if (queue.isEmpty()) {
        waiting.remove(next);
      } else {
        round.addLast(next);
      }
      waiter.granted = true;
      waiter.ready.signal();
    } finally {
      lock.unlock();
    }
  }

  /** Makes room for {@code client} by turning away the latest request of the client with most waiting, if it has more. */
  private boolean evictForNewcomer(String client) {
    String heaviest = null;
    int most = 0;
    for (Map.Entry<String, ArrayDeque<Waiter>> entry : waiting.entrySet()) {
      if (entry.getValue().size() > most) {
        most = entry.getValue().size();
        heaviest = entry.getKey();
      }
    }
    ArrayDeque<Waiter> own = waiting.get(client);
    if (heaviest == null || most <= (own == null ? 0 : own.size()) + 1) {
      return false;
    }
    Waiter evicted = waiting.get(heaviest).peekLast();
    remove(evicted);
    evicted.evicted = true;
    evicted.ready.signal();
    return true;
  }

  private void remove(Waiter waiter) {
    ArrayDeque<Waiter> queue = waiting.get(waiter.client);
    for (Iterator<Waiter> it = queue.descendingIterator(); it.hasNext(); ) {
      if (it.next() == waiter) {
        it.remove();
        break;
      }
    }
    waitingCount--;
    if (queue.isEmpty()) {
      waiting.remove(waiter.client);
      round.remove(waiter.client);
    }
  }

  static HttpProblem busy() {
    return new HttpProblem(503, "busy", "the server is busy; try again in a moment");
  }
}
