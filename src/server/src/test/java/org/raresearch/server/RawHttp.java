package org.raresearch.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as written: no client normalises the path, encodes
 * the query or refuses a method, so hostile requests reach the server as a hostile client sends them.
 */
final class RawHttp {
  private RawHttp() {}

  /** A response: status, headers (names in lower case) and body; status 0 when the server closed without answering. */
  record Response(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return JsonViews.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** {@code GET target} with no other header than Host. */
  static Response get(int port, String target) {
    return send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
  }

  /** A request with this method and target, and extra header lines (each ending in CRLF). */
  static Response request(int port, String method, String target, String headerLines) {
    return send(port, method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headerLines + "\r\n");
  }

  /** Sends the text as it is and reads the answer up to the end of the connection. */
  static Response send(int port, String request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        // the server may close before reading all of a huge request; read what it answered
      }
      return read(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one response (the connection must close after it). */
  static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      in.transferTo(all);
    } catch (java.net.SocketException e) {
      // reset by the server: keep what arrived
    }
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (text.isEmpty() || end < 0) {
      return new Response(0, Map.of(), text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
    }
    return new Response(status, headers, text.substring(end + 4));
  }

  /** Percent-encodes a query value. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
