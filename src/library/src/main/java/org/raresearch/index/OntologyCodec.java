package org.raresearch.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.HpoTerm;

/**
 * The compact form in which an index keeps its ontology: every term's id, label, synonyms, parents,
 * alternative ids, obsolescence and replacements, deflated (about a tenth of the JSON release). Reading it back
 * is much faster than parsing a release file. Thread-safe.
 */
final class OntologyCodec {
  /** Bumped whenever the layout changes; a blob of another version is refused. */
  private static final int VERSION = 2;
  /** The layout before obsolete terms kept their replacements; still read. */
  private static final int VERSION_WITHOUT_REPLACEMENTS = 1;

  private OntologyCodec() {}

  /** The ontology in compact form. */
  static byte[] encode(HpoOntology ontology) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
      out.writeInt(VERSION);
      out.writeUTF(ontology.release());
      List<HpoTerm> terms = ontology.allTerms();
      out.writeInt(terms.size());
      for (HpoTerm term : terms) {
        out.writeUTF(term.id());
        out.writeUTF(term.label());
        out.writeBoolean(term.obsolete());
        out.writeShort(term.synonyms().size());
        for (HpoTerm.Synonym synonym : term.synonyms()) {
          out.writeUTF(synonym.text());
          out.writeByte(synonym.scope().ordinal());
          out.writeBoolean(synonym.layperson());
        }
        strings(out, term.parents());
        strings(out, term.altIds());
        strings(out, term.replacedBy());
        strings(out, term.consider());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads an ontology written by {@link #encode}.
   *
   * @throws IOException when the bytes are not such an ontology (damaged, or of another version)
   */
  static HpoOntology decode(byte[] encoded) throws IOException {
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(encoded)))) {
      int version = in.readInt();
      if (version != VERSION && version != VERSION_WITHOUT_REPLACEMENTS) {
        throw new IOException("the stored ontology has layout version " + version + ", not " + VERSION);
      }
      String release = in.readUTF();
      int count = in.readInt();
      List<HpoTerm> terms = new ArrayList<>(count);
      HpoTerm.Scope[] scopes = HpoTerm.Scope.values();
      for (int i = 0; i < count; i++) {
        String id = in.readUTF();
        String label = in.readUTF();
        boolean obsolete = in.readBoolean();
        int synonymCount = in.readShort();
        List<HpoTerm.Synonym> synonyms = new ArrayList<>(synonymCount);
        for (int j = 0; j < synonymCount; j++) {
          synonyms.add(new HpoTerm.Synonym(in.readUTF(), scopes[in.readByte()], in.readBoolean()));
        }
        List<String> parents = strings(in);
        List<String> altIds = strings(in);
        boolean replacements = version != VERSION_WITHOUT_REPLACEMENTS;
        terms.add(new HpoTerm(id, label, synonyms, parents, altIds, obsolete,
            replacements ? strings(in) : List.of(), replacements ? strings(in) : List.of()));
      }
      return HpoOntology.of(release, terms);
    } catch (RuntimeException e) {
      throw new IOException("the stored ontology is damaged: " + e.getMessage(), e);
    }
  }

  private static void strings(DataOutputStream out, List<String> values) throws IOException {
    out.writeShort(values.size());
    for (String value : values) {
      out.writeUTF(value);
    }
  }

  private static List<String> strings(DataInputStream in) throws IOException {
    int count = in.readShort();
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(in.readUTF());
    }
    return values;
  }
}
