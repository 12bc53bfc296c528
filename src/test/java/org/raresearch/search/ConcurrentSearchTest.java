package org.raresearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.ParsedReport;
import org.raresearch.report.ReportDirectory;
import org.raresearch.testing.SharedData;

/** Eight threads search while another re-indexes: every hit stays resolvable, nothing throws. */
class ConcurrentSearchTest {
  private static final List<String> QUERIES =
      List.of("muscle weakness", "rash, fever", "droopy eyelid", "ataxia; seizures", "enlarged spleen", "joint pain");

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void searchersSeeAConsistentIndex_whileAnotherThreadReindexes(@TempDir Path tmp) throws Exception {
    List<DiseaseReport> reports =
        ReportDirectory.load(SharedData.bundledReports()).reports().stream().map(ParsedReport::report).toList();
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.sync(SharedData.bundledReports());
      AtomicBoolean stop = new AtomicBoolean();
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger searches = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(9);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        threads.add(Thread.ofPlatform().start(() -> {
          started.countDown();
          int i = offset;
          while (!stop.get()) {
            try {
              for (SearchHit hit : rare.search(QUERIES.get(i++ % QUERIES.size()), 10).hits()) {
                DiseaseReport report = rare.get(hit.id()).orElse(null);
                // A hit may be replaced between search and get, but never vanish: updates are atomic.
                if (report == null) {
                  throw new AssertionError("hit " + hit.id() + " cannot be fetched");
                }
                if (!report.title().equals(hit.title())) {
                  throw new AssertionError("hit " + hit.id() + " has title " + hit.title() + " but report says " + report.title());
                }
              }
              searches.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
              return;
            }
          }
        }));
      }
      Thread writer = Thread.ofPlatform().start(() -> {
        started.countDown();
        try {
          for (int round = 0; round < 6; round++) {
            for (DiseaseReport report : reports) {
              rare.update(report);
            }
            rare.commit();
          }
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      started.await();
      writer.join();
      stop.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
      assertEquals(List.of(), List.copyOf(failures));
      assertTrue(searches.get() > 0);
      assertEquals(reports.size(), rare.count());
      assertTrue(Files.isDirectory(tmp.resolve("index")));
    }
  }
}
