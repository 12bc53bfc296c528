package org.raresearch.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of a request's query string, decoded strictly: {@code +} and {@code %20} are
 * spaces, every {@code %XX} must be a hex pair, and the bytes must be UTF-8. A malformed escape, bad
 * UTF-8, a parameter given twice or one the endpoint does not know is a {@link HttpProblem} (400)
 * that says which.
 */
final class QueryParameters {
  private final Map<String, String> values;

  private QueryParameters(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Parses {@code rawQuery} (as sent, still percent-encoded; null when there is none).
   *
   * @param allowed the parameter names the endpoint takes
   * @param endpoint the endpoint's path, for messages
   */
  static QueryParameters parse(String rawQuery, Set<String> allowed, String endpoint) {
    Map<String, String> values = new LinkedHashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&", -1)) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!allowed.contains(name)) {
          throw HttpProblem.badRequest(
              "unknown parameter \"" + shorten(name) + "\"; " + endpoint + " takes " + String.join(", ", allowed.stream().sorted().toList()));
        }
        if (values.putIfAbsent(name, value) != null) {
          throw HttpProblem.badRequest("the parameter \"" + name + "\" is given more than once");
        }
      }
    }
    return new QueryParameters(values);
  }

  /** The value of a parameter, or null when absent. */
  String get(String name) {
    return values.get(name);
  }

  /**
   * A whole-number parameter within {@code [min, max]}, or {@code fallback} when absent.
   */
  int intValue(String name, int fallback, int min, int max) {
    String value = values.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw HttpProblem.badRequest(
        "the parameter \"" + name + "\" must be a whole number from " + min + " to " + max + ", not \"" + shorten(value) + "\"");
  }

  /** Percent-decodes one name or value of a query string (also one path segment, without {@code +}). */
  static String decode(String raw) {
    return decode(raw, true);
  }

  static String decode(String raw, boolean plusIsSpace) {
    ByteBuffer bytes = ByteBuffer.allocate(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
        int lo = hi >= 0 ? hex(raw.charAt(i + 2)) : -1;
        if (lo < 0) {
          throw HttpProblem.badRequest("the address has a malformed percent-escape near \"" + shorten(raw.substring(i)) + "\"");
        }
        bytes.put((byte) (hi << 4 | lo));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.put((byte) ' ');
      } else if (c < 0x80) {
        bytes.put((byte) c);
      } else {
        throw HttpProblem.badRequest("the address must be percent-encoded UTF-8");
      }
    }
    bytes.flip();
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes)
          .toString();
    } catch (CharacterCodingException e) {
      throw HttpProblem.badRequest("the address has percent-escapes that are not UTF-8");
    }
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
