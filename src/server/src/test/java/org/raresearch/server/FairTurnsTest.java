package org.raresearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turns to use the index, shared fairly: in a round of clients, with a bounded queue. */
class FairTurnsTest {
  private static final Duration LONG = Duration.ofMinutes(1);

  private final ExecutorService clients = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    clients.shutdownNow();
  }

  /** Starts a request of {@code client} that records its name once it has its turn, then gives it back. */
  private Future<?> request(FairTurns turns, String client, List<String> served) {
    return clients.submit(() -> {
      try (FairTurns.Turn turn = turns.take(client, LONG)) {
        served.add(client);
      }
      return null;
    });
  }

  private static void awaitWaiting(FairTurns turns, int count) throws InterruptedException {
    for (int i = 0; i < 5_000 && turns.waiting() != count; i++) {
      Thread.sleep(1);
    }
    assertEquals(count, turns.waiting());
  }

  @Test
  void freedTurns_goRoundTheClients_notToTheLongestQueue() throws Exception {
    FairTurns turns = new FairTurns(1, 16);
    List<String> served = new CopyOnWriteArrayList<>();
    FairTurns.Turn held = turns.take("flood", LONG);
    for (int i = 0; i < 5; i++) {
      request(turns, "flood", served);
      awaitWaiting(turns, i + 1);
    }
    Future<?> patient = request(turns, "patient", served);
    awaitWaiting(turns, 6);
    held.close();
    patient.get();
    awaitWaiting(turns, 0);
    // The flood's first request had the next turn, the other client the one after: not the sixth.
    assertEquals("patient", served.get(1), served.toString());
    assertEquals(6, served.size());
  }

  @Test
  void aFullQueue_turnsAwayTheClientWithMostWaiting_notTheNewcomer() throws Exception {
    FairTurns turns = new FairTurns(1, 3);
    List<String> served = new CopyOnWriteArrayList<>();
    FairTurns.Turn held = turns.take("flood", LONG);
    List<Future<?>> flood = List.of(request(turns, "flood", served), request(turns, "flood", served), request(turns, "flood", served));
    awaitWaiting(turns, 3);
    // The flood's fourth finds the queue full and no one with more waiting than itself.
    HttpProblem refused = assertThrows(HttpProblem.class, () -> turns.take("flood", LONG));
    assertEquals(503, refused.status());
    assertEquals("busy", refused.kind());
    // A newcomer takes the place of the flood's latest.
    Future<?> newcomer = request(turns, "newcomer", served);
    int evicted = 0;
    for (int i = 0; i < 5_000 && evicted == 0; i++) {
      Thread.sleep(1);
      evicted = (int) flood.stream().filter(Future::isDone).count();
    }
    assertEquals(1, evicted);
    held.close();
    newcomer.get();
    int refusedFlood = 0;
    for (Future<?> request : flood) {
      try {
        request.get();
      } catch (ExecutionException e) {
        assertEquals("busy", ((HttpProblem) e.getCause()).kind());
        refusedFlood++;
      }
    }
    assertEquals(1, refusedFlood);
    assertEquals(3, served.size(), served.toString());
    assertTrue(served.contains("newcomer"));
  }

  @Test
  void aWaitPastItsLimit_isBusy_andLeavesTheQueue() throws Exception {
    FairTurns turns = new FairTurns(1, 4);
    try (FairTurns.Turn held = turns.take("a", LONG)) {
      HttpProblem late = assertThrows(HttpProblem.class, () -> turns.take("b", Duration.ofMillis(20)));
      assertEquals("busy", late.kind());
      assertEquals(0, turns.waiting());
    }
    try (FairTurns.Turn again = turns.take("b", Duration.ZERO)) {
      assertEquals(0, turns.waiting());
    }
  }
}
