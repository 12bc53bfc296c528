package org.raresearch.search.suggest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.BlendedInfixSuggester;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.raresearch.analysis.Analyzers;
import org.raresearch.api.Suggestion;
import org.raresearch.query.QueryText;

/**
 * Completes what a user has typed so far into disease names and finding terms, with Lucene's
 * {@link BlendedInfixSuggester}: every word of a name can be completed, so {@code musc dys} offers
 * "Duchenne muscular dystrophy", and names whose first word matches rank above names where a later
 * word does.
 *
 * <p>The names come from {@link Source}s: the index's disease names ({@link
 * SuggestionSources#diseaseNames()}) and, when there is a vocabulary of findings, its terms. The
 * lookup is built on first use, not when the index is opened, and built again on the first use after
 * the index changed; meanwhile other callers are answered from the previous build. Thread-safe; close
 * it to free the lookup.
 */
public final class Suggester implements Closeable {
  /** The longest text accepted, in characters: a completion is of a few words. */
  public static final int MAX_PREFIX_CHARS = 200;

  /**
   * One name a source offers.
   *
   * @param text the whole name
   * @param kind what it names
   * @param id the report or term id, or {@code null}
   * @param weight how likely it is wanted, compared with the other names; higher first
   */
  public record Entry(String text, Suggestion.Kind kind, String id, long weight) {}

  /** Where names to complete come from. Implementations must be thread-safe. */
  @FunctionalInterface
  public interface Source {
    /** Gives every name this source offers for the index behind {@code reader} to {@code sink}. */
    void entries(IndexReader reader, Consumer<Entry> sink) throws IOException;
  }

  /** A built lookup and the index view it was built from. */
  private record Built(IndexReader.CacheKey view, BlendedInfixSuggester lookup) {}

  private final List<Source> sources;
  /** Lookups hold the read lock; replacing (and closing) a lookup takes the write lock. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ReentrantLock building = new ReentrantLock();
  private volatile Built current;
  private boolean closed; // guarded by lock

  /** A suggester offering the names of {@code sources}, in no particular order (weights rank them). */
  public Suggester(List<Source> sources) {
    this.sources = List.copyOf(sources);
  }

  /**
   * The best completions of {@code prefix} among the names of the index behind {@code reader}.
   *
   * @param prefix what the user has typed; its last word may be partial
   * @param limit the most suggestions to return
   * @return suggestions, best first, each text once (ignoring case)
   * @throws org.raresearch.errors.InvalidQueryException when the prefix is blank or too long
   */
  public List<Suggestion> suggest(IndexReader reader, String prefix, int limit) throws IOException {
    String cleaned = QueryText.clean(prefix, MAX_PREFIX_CHARS, "text to complete");
    if (cleaned.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return List.of();
    }
    ensureBuilt(reader);
    lock.readLock().lock();
    try {
      if (closed) {
        throw new AlreadyClosedException("this suggester is closed");
      }
      // Several names of one text (a synonym shared by two diseases) come back once each.
      List<Lookup.LookupResult> results = current.lookup().lookup(cleaned, (Set<BytesRef>) null, limit * 3, true, false);
      List<Suggestion> suggestions = new ArrayList<>(limit);
      Set<String> seen = new HashSet<>();
      for (Lookup.LookupResult result : results) {
        String text = result.key.toString();
        if (seen.add(text.toLowerCase(Locale.ROOT))) {
          suggestions.add(decode(text, result.payload));
          if (suggestions.size() == limit) {
            break;
          }
        }
      }
      return suggestions;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Builds the lookup when there is none or it is of another view of the index. A caller that finds
   * another already building a new one goes on with the old one, when there is one.
   */
  private void ensureBuilt(IndexReader reader) throws IOException {
    IndexReader.CacheKey view = reader.getReaderCacheHelper().getKey();
    Built built = current;
    if (built != null && built.view() == view) {
      return;
    }
    if (built != null && !building.tryLock()) {
      return;
    }
    if (built == null) {
      building.lock();
    }
    try {
      built = current;
      if (built == null || built.view() != view) {
        replace(new Built(view, build(reader)));
      }
    } finally {
      building.unlock();
    }
  }

  private BlendedInfixSuggester build(IndexReader reader) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (Source source : sources) {
      source.entries(reader, entries::add);
    }
    BlendedInfixSuggester lookup = new BlendedInfixSuggester(new ByteBuffersDirectory(), Analyzers.completion());
    try {
      lookup.build(new EntryIterator(entries.iterator()));
      return lookup;
    } catch (IOException | RuntimeException e) {
      lookup.close();
      throw e;
    }
  }

  private void replace(Built next) throws IOException {
    Built previous;
    lock.writeLock().lock();
    try {
      if (closed) {
        next.lookup().close();
        throw new AlreadyClosedException("this suggester is closed");
      }
      previous = current;
      current = next;
    } finally {
      lock.writeLock().unlock();
    }
    if (previous != null) {
      previous.lookup().close(); // no lookup holds it: they hold the read lock while using one
    }
  }

  /** Frees the lookup; later calls throw {@link AlreadyClosedException}. */
  @Override
  public void close() throws IOException {
    lock.writeLock().lock();
    try {
      closed = true;
      if (current != null) {
        current.lookup().close();
        current = null;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The payload of an entry: its kind's ordinal, then its id (absent when null). */
  private static BytesRef encode(Entry entry) {
    String id = entry.id() == null ? "" : "\t" + entry.id();
    return new BytesRef((entry.kind().ordinal() + id).getBytes(StandardCharsets.UTF_8));
  }

  private static Suggestion decode(String text, BytesRef payload) {
    String value = payload.utf8ToString();
    int tab = value.indexOf('\t');
    Suggestion.Kind kind = Suggestion.Kind.values()[Integer.parseInt(tab < 0 ? value : value.substring(0, tab))];
    return new Suggestion(text, kind, tab < 0 ? null : value.substring(tab + 1));
  }

  /** The entries as Lucene's suggesters read their input. */
  private static final class EntryIterator implements InputIterator {
    private final Iterator<Entry> entries;
    private Entry entry;

    EntryIterator(Iterator<Entry> entries) {
      this.entries = entries;
    }

    @Override
    public BytesRef next() {
      if (!entries.hasNext()) {
        entry = null;
        return null;
      }
      entry = entries.next();
      return new BytesRef(entry.text());
    }

    @Override
    public long weight() {
      return entry.weight();
    }

    @Override
    public BytesRef payload() {
      return encode(entry);
    }

    @Override
    public boolean hasPayloads() {
      return true;
    }

    @Override
    public Set<BytesRef> contexts() {
      return null;
    }

    @Override
    public boolean hasContexts() {
      return false;
    }
  }
}
