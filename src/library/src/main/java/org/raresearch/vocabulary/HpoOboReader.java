package org.raresearch.vocabulary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.raresearch.errors.Excerpt;
import org.raresearch.io.BoundedLineReader;
import org.raresearch.io.InputLimitException;
import org.raresearch.io.Limits;

/**
 * Reads OBO 1.4 text ({@code hp.obo}): the {@code data-version} header and the {@code [Term]}
 * stanzas' {@code id}, {@code name}, {@code synonym}, {@code is_a}, {@code alt_id} and {@code
 * is_obsolete} tags. Other stanzas ({@code [Typedef]}) and tags are skipped; {@code !} starts a
 * comment unless escaped or inside quotes; LF and CRLF line ends are both fine. A line over {@value
 * BoundedLineReader#MAX_LINE_CHARS} characters is skipped and listed in the ontology's warnings; a
 * file over {@link HpoOntology#MAX_FILE_BYTES} is refused.
 */
final class HpoOboReader {
  private final String source;
  private final Map<String, TermDraft> terms = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private String release = "";
  private boolean inHeader = true;
  /** The [Term] stanza being read, or null outside one. */
  private TermDraft current;
  /** Whether the current stanza's id belongs to another ontology, so the stanza is dropped. */
  private boolean foreign;
  private long lineNumber;

  private HpoOboReader(String source) {
    this.source = source;
  }

  static HpoOntology read(InputStream in, String source) throws IOException {
    HpoOboReader reader = new HpoOboReader(source);
    BoundedLineReader lines = BoundedLineReader.utf8(in, HpoOntology.MAX_FILE_BYTES, (number, length) ->
        reader.warnings.add(source + ":" + number + ": " + BoundedLineReader.skippedReason(length, BoundedLineReader.MAX_LINE_CHARS)));
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        reader.readLine(line, lines.lineNumber());
      }
    } catch (CharacterCodingException e) {
      throw reader.fail(lines.lineNumber() + 1, "the file is neither JSON nor UTF-8 text", e);
    } catch (InputLimitException e) {
      throw reader.fail(0, "the file is over the limit of " + Limits.bytes(HpoOntology.MAX_FILE_BYTES) + " for an ontology", e);
    }
    return reader.finish();
  }

  private void readLine(String line, long number) {
    lineNumber = number;
    if (line.indexOf('\0') >= 0) {
      throw fail(lineNumber, "the file holds binary data; it is neither JSON nor OBO text");
    }
    String text = line.strip();
    if (lineNumber == 1 && text.startsWith("\uFEFF")) {
      text = text.substring(1).strip();
    }
    if (text.isEmpty() || text.startsWith("!")) {
      return;
    }
    if (text.startsWith("[")) {
      endStanza();
      inHeader = false;
      current = text.equals("[Term]") ? new TermDraft(lineNumber) : null;
      foreign = false;
      return;
    }
    int colon = text.indexOf(':');
    if (colon <= 0) {
      if (current != null) {
        throw fail(lineNumber, "expected \"tag: value\" but found \"" + abbreviate(text) + "\"");
      }
      return;
    }
    String tag = text.substring(0, colon).strip();
    String value = text.substring(colon + 1).strip();
    if (inHeader) {
      if (tag.equals("data-version")) {
        release = unescape(withoutComment(value));
      }
    } else if (current != null) {
      readTermTag(tag, value);
    }
  }

  private void readTermTag(String tag, String value) {
    switch (tag) {
      case "id" -> {
        if (current.id != null || foreign) {
          throw fail(lineNumber, "the [Term] stanza has a second id");
        }
        current.id = hpId(tag, value);
        foreign = current.id == null;
      }
      case "name" -> current.label = unescape(withoutComment(value));
      case "synonym" -> {
        HpoTerm.Synonym synonym = synonym(value);
        if (!synonym.text().isBlank()) {
          current.synonyms.add(synonym);
        }
      }
      case "is_a" -> {
        String parent = hpId(tag, value);
        if (parent != null) {
          current.addParent(parent);
        }
      }
      case "alt_id" -> {
        String altId = hpId(tag, value);
        if (altId != null) {
          current.altIds.add(altId);
        }
      }
      case "replaced_by", "consider" -> {
        String other = hpId(tag, value);
        if (other != null) {
          (tag.equals("consider") ? current.consider : current.replacedBy).add(other);
        }
      }
      case "is_obsolete" -> current.obsolete = firstWord(value).equalsIgnoreCase("true");
      default -> {}
    }
  }

  private void endStanza() {
    if (current == null || foreign) {
      return;
    }
    if (current.id == null) {
      throw fail(current.line, "the [Term] stanza has no id");
    }
    TermDraft earlier = terms.putIfAbsent(current.id, current);
    if (earlier != null) {
      throw fail(current.line, "term " + current.id + " is defined twice (first at line " + earlier.line + ")");
    }
    current = null;
  }

  private HpoOntology finish() {
    endStanza();
    if (terms.isEmpty()) {
      throw fail(0, "no [Term] stanza with an HP id; is it an HPO (hp.obo) file?");
    }
    return new HpoOntology(release, terms.values().stream().map(TermDraft::toTerm).toList(), warnings);
  }

  /** The HP id a tag's value names; null for another ontology's id; an error for a broken HP id. */
  private String hpId(String tag, String value) {
    String raw = firstWord(value);
    if (raw.isEmpty()) {
      throw fail(lineNumber, tag + ": has no value");
    }
    String id = HpoIds.normalize(raw);
    if (id == null && HpoIds.looksLikeHp(raw)) {
      throw fail(lineNumber, tag + ": \"" + abbreviate(raw) + "\" is not a valid HP id");
    }
    return id;
  }

  /** Reads {@code "text" SCOPE [TYPE] [xrefs] {modifiers} ! comment}. */
  private HpoTerm.Synonym synonym(String value) {
    if (!value.startsWith("\"")) {
      throw fail(lineNumber, "synonym: the text must be in double quotes");
    }
    StringBuilder text = new StringBuilder();
    int i = 1;
    boolean closed = false;
    while (i < value.length()) {
      char c = value.charAt(i++);
      if (c == '\\' && i < value.length()) {
        text.append(escaped(value.charAt(i++)));
      } else if (c == '"') {
        closed = true;
        break;
      } else {
        text.append(c);
      }
    }
    if (!closed) {
      throw fail(lineNumber, "synonym: the quoted text has no closing quote");
    }
    HpoTerm.Scope scope = HpoTerm.Scope.RELATED;
    boolean layperson = false;
    String[] words = withoutComment(value.substring(i)).strip().split("\\s+");
    for (int w = 0; w < words.length && w < 2; w++) {
      String word = words[w];
      if (word.isEmpty() || word.startsWith("[") || word.startsWith("{")) {
        break;
      }
      if (w == 0) {
        scope = scope(word);
      } else {
        layperson = word.toLowerCase(Locale.ROOT).endsWith("layperson");
      }
    }
    return new HpoTerm.Synonym(text.toString().strip(), scope, layperson);
  }

  private HpoTerm.Scope scope(String word) {
    return switch (word) {
      case "EXACT" -> HpoTerm.Scope.EXACT;
      case "RELATED" -> HpoTerm.Scope.RELATED;
      case "BROAD" -> HpoTerm.Scope.BROAD;
      case "NARROW" -> HpoTerm.Scope.NARROW;
      default ->
          throw fail(
              lineNumber,
              "synonym: unknown scope \"" + abbreviate(word) + "\"; expected EXACT, RELATED, BROAD or NARROW");
    };
  }

  /** A value up to its comment: the first {@code !} that is neither escaped nor inside quotes. */
  private static String withoutComment(String value) {
    boolean quoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '!' && !quoted) {
        return value.substring(0, i).strip();
      }
    }
    return value;
  }

  private static String firstWord(String value) {
    String plain = withoutComment(value).strip();
    int end = 0;
    while (end < plain.length() && !Character.isWhitespace(plain.charAt(end))) {
      end++;
    }
    return plain.substring(0, end);
  }

  private static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value.strip();
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      out.append(c == '\\' && i + 1 < value.length() ? escaped(value.charAt(++i)) : c);
    }
    return out.toString().strip();
  }

  /** The character an OBO escape stands for; line breaks and tabs become spaces in a name. */
  private static char escaped(char c) {
    return c == 'n' || c == 't' || c == 'W' ? ' ' : c;
  }

  private static String abbreviate(String text) {
    return Excerpt.of(text);
  }

  private HpoFormatException fail(long line, String reason) {
    return fail(line, reason, null);
  }

  private HpoFormatException fail(long line, String reason, Throwable cause) {
    return new HpoFormatException(source, line, reason, cause);
  }
}
