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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.SearchHit;
import org.raresearch.SearchResults;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.NordReportParser;
import org.raresearch.report.ParsedReport;
import org.raresearch.report.ReportDirectory;
import org.raresearch.report.SectionKind;
import org.raresearch.testing.SharedData;

/**
 * Many threads search while another re-indexes: every hit stays resolvable, nothing throws, and no
 * search sees half of an update. The soak test runs for {@code -Draresearch.soak.seconds=N} (3 by
 * default; 60 for a soak run) with {@code -Draresearch.soak.threads=N} searchers (16 by default).
 */
class ConcurrentSearchTest {
  private static final int SOAK_SECONDS = Integer.getInteger("raresearch.soak.seconds", 3);
  private static final int SOAK_THREADS = Integer.getInteger("raresearch.soak.threads", 16);
  private static final int SOAK_REPORTS = 40;
  private static final Pattern REVISION = Pattern.compile("revision (\\d+)");

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

  /**
   * A writer rewrites {@value #SOAK_REPORTS} reports over and over, each version marked "revision N"
   * in its title and two sections, and commits every ten updates, while searchers check each answer:
   * every rewritten report ranked exactly once, title and snippets of a hit from the same revision,
   * every hit fetchable at that revision or a later one.
   */
  @Test
  @Timeout(value = 600, unit = TimeUnit.SECONDS)
  void soak_searchersNeverSeeAHalfAppliedUpdate_whileAWriterKeepsRewritingReports(@TempDir Path tmp) throws Exception {
    NordReportParser parser = new NordReportParser();
    try (RareSearch rare = RareSearch.open(tmp.resolve("index"))) {
      rare.sync(SharedData.bundledReports());
      for (int i = 0; i < SOAK_REPORTS; i++) {
        rare.update(parser.parse("soak-" + i, soakReport(i, 0)).report());
      }
      rare.commit();
      AtomicBoolean stop = new AtomicBoolean();
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicLong searches = new AtomicLong();
      AtomicLong hitsChecked = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < SOAK_THREADS; t++) {
        threads.add(Thread.ofPlatform().start(() -> {
          while (!stop.get()) {
            try {
              hitsChecked.addAndGet(checkSoakSearch(rare));
              searches.incrementAndGet();
            } catch (Throwable e) {
              failures.add(e);
              stop.set(true);
            }
          }
        }));
      }
      AtomicLong updates = new AtomicLong();
      AtomicLong commits = new AtomicLong();
      Thread writer = Thread.ofPlatform().start(() -> {
        try {
          for (int revision = 1; !stop.get(); revision++) {
            for (int i = 0; i < SOAK_REPORTS && !stop.get(); i++) {
              rare.update(parser.parse("soak-" + i, soakReport(i, revision)).report());
              if (updates.incrementAndGet() % 10 == 0) {
                rare.commit();
                commits.incrementAndGet();
              }
            }
          }
        } catch (Throwable e) {
          failures.add(e);
          stop.set(true);
        }
      });
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SOAK_SECONDS);
      while (!stop.get() && System.nanoTime() < end) {
        Thread.sleep(50);
      }
      stop.set(true);
      writer.join();
      for (Thread thread : threads) {
        thread.join();
      }
      assertEquals(List.of(), List.copyOf(failures));
      assertTrue(searches.get() > 0 && updates.get() > 0);
      assertEquals(48 + SOAK_REPORTS, rare.count());
      System.out.printf("soak: %d s, %d search threads, %d searches (%d hits checked), %d updates, %d commits, no failure%n",
          SOAK_SECONDS, SOAK_THREADS, searches.get(), hitsChecked.get(), updates.get(), commits.get());
    }
  }

  /** One search as a soak searcher checks it; returns the number of hits checked. */
  private static int checkSoakSearch(RareSearch rare) {
    // Ranking finds every match, cheaply; the highlighted search, dearer, checks a few hits.
    long ranked = rare.rank("quivering kneecaps", 200).stream().filter(s -> s.id().startsWith("soak-")).count();
    SearchResults results = rare.search("quivering kneecaps", 3);
    if (ranked != SOAK_REPORTS) {
      throw new AssertionError("a search found " + ranked + " of the " + SOAK_REPORTS + " rewritten reports");
    }
    int found = 0;
    for (SearchHit hit : results.hits()) {
      if (!hit.id().startsWith("soak-")) {
        continue;
      }
      found++;
      long revision = revisionIn(hit.id(), hit.title());
      for (var snippet : hit.snippets()) {
        Matcher m = REVISION.matcher(snippet.text());
        while (m.find()) {
          if (Long.parseLong(m.group(1)) != revision) {
            throw new AssertionError("hit " + hit.id() + " mixes revisions: title " + hit.title() + ", snippet " + snippet.text());
          }
        }
      }
      DiseaseReport report = rare.get(hit.id()).orElseThrow(() -> new AssertionError("hit " + hit.id() + " cannot be fetched"));
      long fetched = revisionIn(hit.id(), report.title());
      if (fetched < revision
          || revisionIn(hit.id(), report.section(SectionKind.SIGNS_AND_SYMPTOMS)) != fetched
          || revisionIn(hit.id(), report.section(SectionKind.GENERAL_DISCUSSION)) != fetched) {
        throw new AssertionError("report " + hit.id() + " fetched after a hit of revision " + revision + " is " + report);
      }
    }
    return found;
  }

  private static long revisionIn(String id, String text) {
    Matcher m = REVISION.matcher(text);
    if (!m.find()) {
      throw new AssertionError("no revision in " + id + ": " + text);
    }
    return Long.parseLong(m.group(1));
  }

  private static String soakReport(int i, int revision) {
    String title = "Soak disorder " + i + " revision " + revision;
    return title + "\n\nSynonyms of " + title + "\n\n  • SD" + i + "\n\nGeneral Discussion\n\n"
        + "Soak disorder " + i + " at revision " + revision + " causes quivering kneecaps.\n\nSigns & Symptoms\n\n"
        + "Quivering kneecaps are the sign of revision " + revision + ".\n";
  }
}
