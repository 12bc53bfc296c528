package org.raresearch.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * The token a request must carry, as {@code Authorization: Bearer <token>}, compared in constant
 * time (the time taken does not tell how much of a guess was right).
 */
final class AccessToken {
  /** The shortest token accepted. */
  static final int MIN_CHARS = 16;
  /** The longest token accepted. */
  static final int MAX_CHARS = 4096;

  private final byte[] expected;

  private AccessToken(String token) {
    this.expected = token.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A token, or why it cannot be one.
   *
   * @throws IllegalArgumentException when it is shorter than {@value #MIN_CHARS} or longer than
   *     {@value #MAX_CHARS} characters, or has a character other than visible ASCII
   */
  static AccessToken of(String token) {
    if (token.length() < MIN_CHARS || token.length() > MAX_CHARS) {
      throw new IllegalArgumentException("an access token has " + MIN_CHARS + " to " + MAX_CHARS + " characters, not "
          + token.length() + " (make one with: openssl rand -hex 32)");
    }
    if (!token.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      throw new IllegalArgumentException("an access token has only visible ASCII characters: no space, control or accented character");
    }
    return new AccessToken(token);
  }

  /**
   * Checks a request's {@code Authorization} header.
   *
   * @param authorization the header's value, or null when there is none
   * @throws HttpProblem 401 {@code unauthorized} when it is missing or does not carry this token
   */
  void check(String authorization) {
    if (authorization == null) {
      throw unauthorized("this server needs an access token: send it as the header Authorization: Bearer TOKEN", null);
    }
    String value = authorization.strip();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      throw unauthorized("the Authorization header must be Bearer TOKEN", "invalid_request");
    }
    byte[] given = value.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, given)) {
      throw unauthorized("the access token was refused", "invalid_token");
    }
  }

  private static Unauthorized unauthorized(String message, String bearerError) {
    return new Unauthorized(message, "Bearer realm=\"RareSearch\"" + (bearerError == null ? "" : ", error=\"" + bearerError + "\""));
  }

  /** A 401, with the challenge its answer carries. */
  static final class Unauthorized extends HttpProblem {
    private static final long serialVersionUID = 1L;

    private final String challenge;

    Unauthorized(String message, String challenge) {
      super(401, "unauthorized", message);
      this.challenge = challenge;
    }

    /** The {@code WWW-Authenticate} header's value. */
    String challenge() {
      return challenge;
    }
  }
}
