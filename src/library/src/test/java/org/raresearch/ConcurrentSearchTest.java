package org.raresearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
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
import org.raresearch.api.SearchHit;
import org.raresearch.api.SearchResults;
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
  private static final int ROUNDS = 2;
  private static final int SEARCHERS = 4;
  /** These tests are about what searches see, not how fast: a busy machine may take its time. */
  private static final Duration NO_BUDGET = Duration.ofMinutes(5);
  private static final Pattern ROUND = Pattern.compile(" round (\\d+)$");

  private static final List<String> QUERIES =
      List.of("muscle weakness", "rash, fever", "droopy eyelid", "ataxia; seizures", "enlarged spleen", "joint pain");

  /**
   * A writer rewrites every bundled report {@value #ROUNDS} times, each time with a title that
   * names the round, while searchers fetch every hit they get: a hit is always fetchable, as the same
   * report at the round the hit showed or a later one, never an earlier one. At the end the commit
   * holds every report at the last round, as a reader opened afresh sees it.
   */
  @Test
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void searchersSeeAConsistentIndex_whileAnotherThreadReindexes(@TempDir Path tmp) throws Exception {
    List<DiseaseReport> reports =
        ReportDirectory.load(SharedData.bundledReports()).reports().stream().map(ParsedReport::report).toList();
    Path index = tmp.resolve("index");
    try (RareSearch rare = RareSearch.builder(index).searchTimeout(NO_BUDGET).open()) {
      rare.sync(SharedData.bundledReports());
      AtomicBoolean stop = new AtomicBoolean();
      Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger searches = new AtomicInteger();
      AtomicInteger rewrittenHits = new AtomicInteger();
      CountDownLatch started = new CountDownLatch(SEARCHERS + 1);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < SEARCHERS; t++) {
        int offset = t;
        threads.add(Thread.ofPlatform().start(() -> {
          started.countDown();
          int i = offset;
          while (!stop.get()) {
            try {
              for (SearchHit hit : rare.search(QUERIES.get(i++ % QUERIES.size()), 10).hits()) {
                DiseaseReport report = rare.get(hit.id()).orElseThrow(
                    () -> new AssertionError("hit " + hit.id() + " cannot be fetched"));
                int shown = roundIn(hit.title());
                int fetched = roundIn(report.title());
                if (!withoutRound(report.title()).equals(withoutRound(hit.title())) || fetched < shown) {
                  throw new AssertionError("hit " + hit.id() + " titled \"" + hit.title() + "\" fetched as \"" + report.title() + "\"");
                }
                if (shown > 0) {
                  rewrittenHits.incrementAndGet();
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
          for (int round = 1; round <= ROUNDS; round++) {
            for (DiseaseReport report : reports) {
              rare.update(titled(report, report.title() + " round " + round));
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
      assertTrue(searches.get() > 0 && rewrittenHits.get() > 0, searches + " searches, " + rewrittenHits + " rewritten hits");
      assertEquals(reports.size(), rare.count());
    }
    try (RareSearch reader = RareSearch.builder(index).readOnly().open()) {
      for (DiseaseReport report : reports) {
        assertEquals(report.title() + " round " + ROUNDS, reader.get(report.id()).orElseThrow().title());
      }
      assertEquals(reports.size(), reader.count());
    }
  }

  /** The round a title names, 0 for the title of a report not rewritten yet. */
  private static int roundIn(String title) {
    Matcher m = ROUND.matcher(title);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String withoutRound(String title) {
    return ROUND.matcher(title).replaceFirst("");
  }

  private static DiseaseReport titled(DiseaseReport r, String title) {
    return new DiseaseReport(r.id(), title, r.synonyms(), r.subdivisions(), r.sections(), r.organizations(),
        r.lastUpdated(), r.copyright(), r.crossReferences());
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
    try (RareSearch rare = RareSearch.builder(tmp.resolve("index")).searchTimeout(NO_BUDGET).open()) {
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
