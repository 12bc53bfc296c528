package org.raresearch.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.SearchTimeoutException;
import org.raresearch.vocabulary.HpoOntology;

/**
 * An index opened for searching, and for writing unless it was opened read-only: the point-in-time
 * searchers over it, kept fresh, and each search given its time budget. Opened for writing, it
 * holds the index's write lock and its searchers see its own changes once {@link #refresh()}ed;
 * read-only, it takes no lock and sees what other writers commit within a second. Thread-safe.
 */
public final class OpenIndex implements Closeable {
  private static final long REFRESH_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final Path path;
  private final ReportIndexer indexer; // null when read-only
  private final Directory readOnlyDirectory; // null when writable
  private final SearcherManager searchers;
  private volatile long lastRefresh = System.nanoTime();

  private OpenIndex(Path path, ReportIndexer indexer, Directory readOnlyDirectory, SearcherManager searchers) {
    this.path = path;
    this.indexer = indexer;
    this.readOnlyDirectory = readOnlyDirectory;
    this.searchers = searchers;
  }

  /**
   * Opens the index at {@code path} for writing (see {@link ReportIndexer#open} and {@link
   * ReportIndexer#rebuild}) or for reading only.
   *
   * @param readOnly whether to open it for reading only
   * @param rebuild whether to start the index anew; not with {@code readOnly}
   * @throws IndexAccessException when the index cannot be used
   */
  public static OpenIndex open(Path path, boolean readOnly, boolean rebuild) {
    if (readOnly) {
      Directory directory = openReadOnly(path);
      try {
        return new OpenIndex(path, null, directory, new SearcherManager(directory, new SearcherFactory()));
      } catch (IOException e) {
        closeQuietly(directory);
        throw IndexErrors.translate(path, e);
      }
    }
    ReportIndexer indexer = rebuild ? ReportIndexer.rebuild(path) : ReportIndexer.open(path);
    try {
      return new OpenIndex(path, indexer, null, indexer.newSearcherManager());
    } catch (RuntimeException e) {
      closeQuietly(indexer);
      throw e;
    }
  }

  /** The index directory. */
  public Path path() {
    return path;
  }

  /** The ontology the index keeps with it, if any. */
  public Optional<HpoOntology> vocabulary() {
    if (indexer != null) {
      return indexer.vocabulary();
    }
    IndexSearcher searcher = acquire();
    try {
      return IndexVocabulary.load(searcher.getIndexReader());
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    } finally {
      release(searcher);
    }
  }

  /**
   * The writer.
   *
   * @throws RareSearchException when the index was opened read-only
   */
  public ReportIndexer writer() {
    if (indexer == null) {
      throw new RareSearchException("index " + path + " was opened read-only; open it with RareSearch.open to write");
    }
    return indexer;
  }

  /** Brings the diseases up to date with the changes written so far, and the searchers with them. */
  public void refresh() {
    if (indexer == null) {
      return;
    }
    try {
      indexer.linkDiseases();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw IndexErrors.failure(path, "refreshing the searcher of index", e);
    }
  }

  /**
   * Opens the index as it is now for the reads that start from now on, when it changed: for a
   * writable index, its own changes so far; for a read-only one, the latest commit of any writer.
   * Reads under way finish on their view. Waits for a refresh another thread has begun.
   *
   * @return whether reads now see a newer view than before the call
   */
  public boolean reopen() {
    try {
      IndexSearcher before = searchers.acquire();
      try {
        if (indexer != null) {
          indexer.linkDiseases();
        }
        searchers.maybeRefreshBlocking();
        lastRefresh = System.nanoTime();
        IndexSearcher after = searchers.acquire();
        try {
          return after.getIndexReader() != before.getIndexReader();
        } finally {
          searchers.release(after);
        }
      } finally {
        searchers.release(before);
      }
    } catch (IOException e) {
      throw IndexErrors.failure(path, "opening the latest commit of index", e);
    }
  }

  /** A read of the index through a searcher. */
  @FunctionalInterface
  public interface Read<T> {
    /**
     * Reads.
     *
     * @param searcher a searcher over the current point-in-time view
     * @return what was read
     * @throws IOException when the index cannot be read
     */
    T run(IndexSearcher searcher) throws IOException;
  }

  /**
   * Runs {@code read} on the current point-in-time view.
   *
   * @param doing what the read does, for the message of an I/O failure; the path follows it
   */
  public <T> T read(String doing, Read<T> read) {
    IndexSearcher searcher = acquire();
    try {
      return read.run(searcher);
    } catch (IOException e) {
      throw IndexErrors.failure(path, doing, e);
    } finally {
      release(searcher);
    }
  }

  /**
   * Runs {@code search} on the current point-in-time view within a time budget.
   *
   * @param text the user's query or name, quoted when the budget runs out
   * @param doing what the search does, for the message of an I/O failure; the path follows it
   * @param budget how long the search may take
   * @throws SearchTimeoutException when it runs past its budget
   */
  public <T> T search(String text, String doing, Duration budget, Read<T> search) {
    return read(doing, searcher -> {
      IndexSearcher timed = timed(searcher, budget);
      T result = search.run(timed);
      if (timed.timedOut()) {
        throw new SearchTimeoutException(
            "the search for " + Excerpt.quoted(text) + " was stopped after " + budget.toMillis()
                + " ms, its time budget; shorten the query or raise the budget (RareSearch.Builder.searchTimeout)",
            budget);
      }
      return result;
    });
  }

  /**
   * A searcher over the same point-in-time view with a time budget. A new one per call: the "timed
   * out" flag belongs to the searcher, and the shared one serves many threads.
   */
  private static IndexSearcher timed(IndexSearcher shared, Duration budget) {
    IndexSearcher timed = new IndexSearcher(shared.getIndexReader());
    timed.setSimilarity(shared.getSimilarity());
    long deadline = System.nanoTime() + budget.toNanos();
    timed.setTimeout(() -> System.nanoTime() - deadline > 0);
    return timed;
  }

  /**
   * Reads every file of the index as searches now see it and verifies its checksum.
   *
   * @return the number of documents in the index
   * @throws IndexAccessException with {@link IndexAccessException.Reason#CORRUPT} when a file is damaged
   */
  public int verify() {
    IndexSearcher searcher = acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        leaf.reader().checkIntegrity();
      }
      return searcher.getIndexReader().numDocs();
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    } finally {
      release(searcher);
    }
  }

  private IndexSearcher acquire() {
    try {
      if (indexer == null && System.nanoTime() - lastRefresh > REFRESH_INTERVAL_NANOS) {
        lastRefresh = System.nanoTime();
        searchers.maybeRefresh();
      }
      return searchers.acquire();
    } catch (IOException e) {
      throw IndexErrors.failure(path, "opening a searcher on index", e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  /** Commits pending changes (when writable) and releases the index. */
  @Override
  public void close() throws IOException {
    try (Closeable c = this::closeWithoutCommit) {
      if (indexer != null) {
        indexer.commit();
      }
    }
  }

  /** Releases the index without committing: what was written since the last commit is dropped. */
  public void closeWithoutCommit() throws IOException {
    try (Closeable c1 = indexer; Closeable c2 = readOnlyDirectory; Closeable c3 = searchers) {
      // closed in reverse order
    }
  }

  private static Directory openReadOnly(Path path) {
    try {
      if (!Files.isDirectory(path)) {
        throw new IndexAccessException(IndexAccessException.Reason.MISSING, "there is no index at " + path + "; build one with `raresearch index`", null);
      }
      Directory directory = FSDirectory.open(path);
      try {
        IndexFolder.verifyReadable(path, directory);
      } catch (RuntimeException e) {
        closeQuietly(directory);
        throw e;
      }
      return directory;
    } catch (IOException e) {
      throw IndexErrors.translate(path, e);
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // already failing
    }
  }
}
