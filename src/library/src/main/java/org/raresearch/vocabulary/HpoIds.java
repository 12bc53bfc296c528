package org.raresearch.vocabulary;

import java.util.regex.Pattern;

/** Reads HPO ids written as CURIEs ({@code HP:0001250}), OBO URIs or {@code HP_0001250}. */
final class HpoIds {
  static final String ROOT = "HP:0000001";

  private static final String OBO_PURL = "http://purl.obolibrary.org/obo/";
  private static final String OBO_PURL_TLS = "https://purl.obolibrary.org/obo/";
  private static final Pattern CANONICAL = Pattern.compile("HP:[0-9]+");

  private HpoIds() {}

  /** Whether an id is already in the {@code HP:0001250} form. */
  static boolean isCanonical(String id) {
    return CANONICAL.matcher(id).matches();
  }

  /**
   * The {@code HP:0001250} form of an id, or null when it is not an HP id (another ontology's id,
   * a blank, a malformed number).
   */
  static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String id = raw.strip();
    if (id.startsWith(OBO_PURL)) {
      id = id.substring(OBO_PURL.length());
    } else if (id.startsWith(OBO_PURL_TLS)) {
      id = id.substring(OBO_PURL_TLS.length());
    }
    if (id.length() < 4 || !id.regionMatches(true, 0, "HP", 0, 2)) {
      return null;
    }
    char separator = id.charAt(2);
    if (separator != ':' && separator != '_') {
      return null;
    }
    String canonical = "HP:" + id.substring(3);
    return isCanonical(canonical) ? canonical : null;
  }

  /** Whether a raw id claims to be an HP id ({@code HP:} or {@code HP_} prefix), valid or not. */
  static boolean looksLikeHp(String raw) {
    String id = raw.strip();
    if (id.startsWith(OBO_PURL)) {
      id = id.substring(OBO_PURL.length());
    } else if (id.startsWith(OBO_PURL_TLS)) {
      id = id.substring(OBO_PURL_TLS.length());
    }
    return id.length() >= 3
        && id.regionMatches(true, 0, "HP", 0, 2)
        && (id.charAt(2) == ':' || id.charAt(2) == '_');
  }
}
