package org.raresearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raresearch.server.RawHttp.encode;
import static org.raresearch.server.RawHttp.get;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.server.RawHttp.Response;
import org.raresearch.testing.BundledIndex;
import org.raresearch.testing.SharedData;
import org.raresearch.testing.SyncProcess;

/**
 * A served index that another process syncs into: the server sees each of its commits within
 * seconds, and every request made meanwhile is answered.
 */
class ServerLiveUpdateTest {
  private static final String QUERY = "heliotrope rash, proximal muscle weakness";
  /** The reports of the folder synced: they take the place of the index's reports of files. */
  private static final int NEW_REPORTS = 300;

  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void aSyncInAnotherProcess_isServedWithinSeconds_andNoRequestFails(@TempDir Path tmp) throws Exception {
    Path index = Files.createDirectories(tmp.resolve("index"));
    try (Stream<Path> files = Files.list(BundledIndex.path())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, index.resolve(file.getFileName()));
      }
    }
    // The bundled reports again under new names: new reports to the index.
    Path reports = Files.createDirectories(tmp.resolve("reports"));
    List<Path> bundled;
    try (Stream<Path> files = Files.list(SharedData.bundledReports())) {
      bundled = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    for (int i = 0; i < NEW_REPORTS; i++) {
      Path source = bundled.get(i % bundled.size());
      Files.copy(source, reports.resolve("copy" + i + "-" + source.getFileName()));
    }

    try (RareSearch rare = RareSearch.builder(index).readOnly().searchTimeout(Duration.ofMinutes(1)).open();
        RareSearchServer server = RareSearchServer.builder(rare).port(0).maxWait(Duration.ofMinutes(1)).start()) {
      int before = get(server.port(), "/api/health").json().get("reports").asInt();
      assertEquals(bundled.size(), before);

      AtomicBoolean stop = new AtomicBoolean();
      ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Integer> counts = new ConcurrentLinkedQueue<>();
      int[] answered = new int[1];
      ExecutorService clients = Executors.newFixedThreadPool(3);
      List<String> targets = List.of("/api/search?q=" + encode(QUERY), "/api/suggest?q=derm", "/api/health");
      for (String target : targets) {
        clients.submit(() -> {
          while (!stop.get()) {
            Response response = get(server.port(), target);
            if (response.status() != 200) {
              failures.add(target + " -> " + response.status() + " " + response.body());
            } else if (target.endsWith("health")) {
              counts.add(response.json().get("reports").asInt());
            }
            synchronized (answered) {
              answered[0]++;
            }
          }
          return null;
        });
      }

      Process sync = SyncProcess.start(index, reports);
      List<String> output = new ArrayList<>();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(sync.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (!line.startsWith("done ")) {
            output.add(line);
          }
        }
      }
      assertTrue(sync.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, sync.exitValue(), "the sync failed: " + output);

      // Its last commit is served within seconds. The sync makes the index hold the folder's reports.
      int expected = NEW_REPORTS;
      int served = 0;
      for (int i = 0; i < 100 && served != expected; i++) {
        Thread.sleep(100);
        served = rare.count();
      }
      assertEquals(expected, served, "the last commit is not served");
      stop.set(true);
      clients.shutdown();
      assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS));

      assertEquals(List.of(), List.copyOf(failures));
      assertTrue(answered[0] > targets.size(), answered[0] + " answers");
      // Every count seen is that of a commit: the index before the sync, or after it; never a view part-way.
      List<Integer> seen = List.copyOf(counts);
      assertTrue(seen.stream().allMatch(count -> count == before || count == expected), seen.toString());
      Response after = get(server.port(), "/api/search?q=" + encode(QUERY) + "&limit=5");
      assertTrue(after.json().get("hits").findValuesAsText("id").stream().anyMatch(id -> id.startsWith("copy")), after.body());
      assertEquals(expected, get(server.port(), "/api/health").json().get("reports").asInt());
    }
  }
}
