package org.raresearch.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.Bits;
import org.raresearch.report.DiseaseReport;
import org.raresearch.vocabulary.HpoOntology;

/**
 * Keeps the disease documents of an index in step with its reports.
 *
 * <p>A disease is what a clinician means by one: an Orphanet entity joined with what other sources
 * say of it. Its reports are
 *
 * <ul>
 *   <li>its <em>anchor</em>: a report whose id names an Orphanet accession ({@code ORPHA_558},
 *       imported from Orphanet or a report file of that name); the disease has the anchor's id;
 *   <li>the reports that map exactly to the anchor's accession, such as the HPO's annotations under
 *       {@code ORPHA:558} ({@code HPO_ORPHA_558});
 *   <li>the reports whose accession the anchor maps exactly to, such as {@code OMIM_154700} when
 *       Orphanet maps ORPHA:558 exactly to OMIM:154700.
 * </ul>
 *
 * A report that belongs to no anchor is a disease of its own, with its id; one that several
 * anchors map to exactly belongs to each of them.
 *
 * <p>A group of disorders is no diagnosis, and a source may put the exact mapping of a disease on
 * the group above it: Orphanet maps the clinical group Phenylalanine hydroxylase deficiency exactly
 * to OMIM:261600, and phenylketonuria, classified under it, as narrower than OMIM:261600. A disease
 * that is not a group, mapped as narrower than an accession that a group it is classified under maps
 * to exactly, also has the reports of that accession (the OMIM entry's annotations).
 *
 * <p>Changes are collected ({@link #changed}) and applied before the writer's changes are made
 * visible or durable ({@link #apply}): then only the diseases of changed reports are rebuilt, on
 * several threads. Links are read from doc values, so finding what a change touches costs little
 * however large the index. Thread-safe.
 */
final class DiseaseLinks {
  private static final String ORPHANET = "ORPHA:";
  /** Beyond a few threads, the writer's own locking takes over. */
  private static final int MAX_THREADS = 4;

  private final IndexWriter writer;
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private volatile boolean everything;
  private volatile HpoOntology ontology;
  private DirectoryReader reader;

  DiseaseLinks(IndexWriter writer, HpoOntology ontology) {
    this.writer = writer;
    this.ontology = ontology;
  }

  /** Notes that a report was added, replaced or deleted. */
  void changed(String reportId) {
    changed.add(reportId);
  }

  /** Uses another ontology for the diseases' phenotypes from now on; every disease is rebuilt. */
  void ontology(HpoOntology ontology) {
    this.ontology = ontology;
    everything = true;
  }

  /** The ontology disease phenotypes are built with, or null. */
  HpoOntology ontology() {
    return ontology;
  }

  /** Rebuilds the diseases of the reports changed since the last call. */
  synchronized void apply() throws IOException {
    if (changed.isEmpty() && !everything) {
      return;
    }
    boolean all = everything;
    List<String> reports = new ArrayList<>(changed);
    changed.removeAll(reports);
    everything = false;
    Links links = Links.read(reader());
    Set<String> roots = new TreeSet<>();
    if (all) {
      writer.deleteDocuments(new Term(IndexSchema.KIND, IndexSchema.KIND_DISEASE));
      roots.addAll(links.reports.keySet());
    } else {
      for (String id : reports) {
        roots.add(id);
        for (String disease : links.diseasesOf.getOrDefault(id, List.of())) {
          roots.add(disease);
          roots.addAll(links.membersOf.getOrDefault(disease, List.of()));
        }
        StoredReport report = links.reports.get(id);
        if (report != null) {
          roots.addAll(links.anchorsOf(report));
          if (report.isAnchor()) {
            for (String member : links.memberIds(report)) {
              roots.add(member);
              // A disease that had this member through a group (which may be no group now).
              roots.addAll(links.diseasesOf.getOrDefault(member, List.of()));
            }
            roots.addAll(links.inheritors(report));
          }
        }
      }
    }
    rebuild(roots, links, all);
  }

  /** Writes the diseases whose ids are {@code roots}, or deletes those that are no diseases now. */
  private void rebuild(Set<String> roots, Links links, boolean fresh) throws IOException {
    List<String> ids = List.copyOf(roots);
    int threads = Math.max(1, Math.min(MAX_THREADS, Math.min(Runtime.getRuntime().availableProcessors(), ids.size() / 64)));
    if (threads == 1) {
      rebuild(ids, links, fresh, reader.storedFields());
      return;
    }
    ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "raresearch-linking");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> parts = new ArrayList<>();
      int size = (ids.size() + threads - 1) / threads;
      for (int start = 0; start < ids.size(); start += size) {
        List<String> part = ids.subList(start, Math.min(ids.size(), start + size));
        parts.add(workers.submit(() -> {
          rebuild(part, links, fresh, reader.storedFields());
          return null;
        }));
      }
      for (Future<?> part : parts) {
        part.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("linking diseases was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    } finally {
      workers.shutdownNow();
    }
  }

  private void rebuild(List<String> roots, Links links, boolean fresh, StoredFields stored) throws IOException {
    for (String root : roots) {
      List<StoredReport> members = links.members(root);
      if (members.isEmpty()) {
        if (!fresh) {
          writer.deleteDocuments(new Term(IndexSchema.ID, root));
        }
        continue;
      }
      List<DiseaseReport> decoded = new ArrayList<>(members.size());
      for (StoredReport member : members) {
        decoded.add(ReportCodec.decode(stored.document(member.doc(), Set.of(IndexSchema.REPORT)).get(IndexSchema.REPORT)));
      }
      Document doc = DiseaseDocuments.toDocument(root, decoded, ontology);
      if (fresh) {
        writer.addDocument(doc);
      } else {
        writer.updateDocument(new Term(IndexSchema.ID, root), doc);
      }
    }
  }

  /**
   * A point-in-time view of the writer's index as it is now, reopened from the last one: reopening
   * reads only what changed since, which matters when reports are updated one at a time.
   */
  private DirectoryReader reader() throws IOException {
    if (reader == null) {
      reader = DirectoryReader.open(writer);
    } else {
      DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
      if (newer != null) {
        reader.close();
        reader = newer;
      }
    }
    return reader;
  }

  /** Releases the view kept for the next {@link #apply}. */
  synchronized void close() throws IOException {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

  /** A report as linking sees it: where it is, its accession and exact links. */
  private record StoredReport(String id, int doc, String accession, List<String> links, List<String> narrower, List<String> parents, boolean group) {
    boolean isAnchor() {
      return accession != null && accession.startsWith(ORPHANET);
    }
  }

  /** The links of every report and disease of one view of the index, read from doc values. */
  private static final class Links {
    final Map<String, StoredReport> reports = new HashMap<>();
    final Map<String, List<String>> byAccession = new HashMap<>();
    final Map<String, List<String>> byLink = new HashMap<>();
    final Map<String, List<String>> byNarrowerLink = new HashMap<>();
    final Map<String, List<String>> diseasesOf = new HashMap<>();
    final Map<String, List<String>> membersOf = new HashMap<>();

    static Links read(DirectoryReader reader) throws IOException {
      Links links = new Links();
      for (LeafReaderContext context : reader.leaves()) {
        LeafReader leaf = context.reader();
        Bits live = leaf.getLiveDocs();
        SortedDocValues reportIds = leaf.getSortedDocValues(IndexSchema.REPORT_ID);
        SortedDocValues accessions = leaf.getSortedDocValues(IndexSchema.ACCESSION);
        SortedSetDocValues exact = leaf.getSortedSetDocValues(IndexSchema.LINKS);
        SortedSetDocValues narrower = leaf.getSortedSetDocValues(IndexSchema.NARROWER_LINKS);
        SortedSetDocValues parents = leaf.getSortedSetDocValues(IndexSchema.PARENTS);
        NumericDocValues groups = leaf.getNumericDocValues(IndexSchema.GROUP);
        SortedDocValues diseaseIds = leaf.getSortedDocValues(IndexSchema.ID);
        SortedSetDocValues members = leaf.getSortedSetDocValues(IndexSchema.MEMBER);
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          if (reportIds != null && reportIds.advanceExact(doc)) {
            String id = reportIds.lookupOrd(reportIds.ordValue()).utf8ToString();
            String accession = accessions != null && accessions.advanceExact(doc)
                ? accessions.lookupOrd(accessions.ordValue()).utf8ToString()
                : null;
            List<String> own = values(exact, doc);
            List<String> broader = values(narrower, doc);
            boolean group = groups != null && groups.advanceExact(doc) && groups.longValue() != 0;
            links.reports.put(id, new StoredReport(id, context.docBase + doc, accession, own, broader, values(parents, doc), group));
            for (String link : broader) {
              links.byNarrowerLink.computeIfAbsent(link, k -> new ArrayList<>(1)).add(id);
            }
            if (accession != null) {
              links.byAccession.computeIfAbsent(accession, k -> new ArrayList<>(1)).add(id);
            }
            for (String link : own) {
              links.byLink.computeIfAbsent(link, k -> new ArrayList<>(1)).add(id);
            }
          } else if (diseaseIds != null && diseaseIds.advanceExact(doc)) {
            String disease = diseaseIds.lookupOrd(diseaseIds.ordValue()).utf8ToString();
            List<String> reports = values(members, doc);
            links.membersOf.put(disease, reports);
            for (String report : reports) {
              links.diseasesOf.computeIfAbsent(report, k -> new ArrayList<>(1)).add(disease);
            }
          }
        }
      }
      return links;
    }

    private static List<String> values(SortedSetDocValues values, int doc) throws IOException {
      if (values == null || !values.advanceExact(doc)) {
        return List.of();
      }
      List<String> result = new ArrayList<>(values.docValueCount());
      for (int i = 0; i < values.docValueCount(); i++) {
        result.add(values.lookupOrd(values.nextOrd()).utf8ToString());
      }
      return result;
    }

    /** The reports besides the anchor that belong to its disease, by id. */
    Set<String> memberIds(StoredReport anchor) {
      Set<String> ids = new TreeSet<>(byLink.getOrDefault(anchor.accession(), List.of()));
      for (String link : anchor.links()) {
        ids.addAll(byAccession.getOrDefault(link, List.of()));
      }
      for (String link : inherited(anchor)) {
        ids.addAll(byAccession.getOrDefault(link, List.of()));
      }
      ids.remove(anchor.id());
      return ids;
    }

    /**
     * The accessions a disease has the reports of through a group it is classified under: those it
     * is mapped as narrower than that the group maps to exactly. None for a group.
     */
    List<String> inherited(StoredReport anchor) {
      if (anchor.group() || !anchor.isAnchor() || anchor.narrower().isEmpty()) {
        return List.of();
      }
      List<String> inherited = new ArrayList<>();
      for (String link : anchor.narrower()) {
        for (String id : byLink.getOrDefault(link, List.of())) {
          StoredReport holder = reports.get(id);
          if (holder != null && holder.group() && holder.isAnchor() && anchor.parents().contains(holder.accession())) {
            inherited.add(link);
            break;
          }
        }
      }
      return inherited;
    }

    /** The diseases that have reports through this group's exact links ({@link #inherited}). */
    Set<String> inheritors(StoredReport group) {
      Set<String> inheritors = new TreeSet<>();
      for (String link : group.links()) {
        for (String id : byNarrowerLink.getOrDefault(link, List.of())) {
          StoredReport disease = reports.get(id);
          if (disease != null && inherited(disease).contains(link)) {
            inheritors.add(id);
          }
        }
      }
      return inheritors;
    }

    /** The anchors whose disease a report belongs to: itself when it is one. */
    Set<String> anchorsOf(StoredReport report) {
      Set<String> anchors = new TreeSet<>();
      if (report.isAnchor()) {
        anchors.add(report.id());
        return anchors;
      }
      for (String link : report.links()) {
        if (link.startsWith(ORPHANET)) {
          anchors.addAll(byAccession.getOrDefault(link, List.of()));
        }
      }
      if (report.accession() != null) {
        for (String id : byLink.getOrDefault(report.accession(), List.of())) {
          StoredReport linking = reports.get(id);
          if (linking != null && linking.isAnchor()) {
            anchors.add(id);
          }
        }
        for (String id : byNarrowerLink.getOrDefault(report.accession(), List.of())) {
          StoredReport narrower = reports.get(id);
          if (narrower != null && inherited(narrower).contains(report.accession())) {
            anchors.add(id);
          }
        }
      }
      return anchors;
    }

    /**
     * The reports of the disease with this id, its anchor (or only report) first; empty when there
     * is no such disease now.
     */
    List<StoredReport> members(String root) {
      StoredReport report = reports.get(root);
      if (report == null) {
        return List.of();
      }
      if (report.isAnchor()) {
        List<StoredReport> members = new ArrayList<>();
        members.add(report);
        for (String id : memberIds(report)) {
          StoredReport member = reports.get(id);
          if (member != null && !member.isAnchor()) {
            members.add(member);
          }
        }
        return members;
      }
      return anchorsOf(report).isEmpty() ? List.of(report) : List.of();
    }
  }
}
