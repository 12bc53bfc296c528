package org.raresearch.server;

/**
 * A request the server answers with an error: the HTTP status, a short kind for programs, and a
 * message for people. The message never names a Java class or carries a stack trace.
 */
class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String kind;

  HttpProblem(int status, String kind, String message) {
    super(message, null, false, false);
    this.status = status;
    this.kind = kind;
  }

  int status() {
    return status;
  }

  String kind() {
    return kind;
  }

  static HttpProblem badRequest(String message) {
    return new HttpProblem(400, "bad_request", message);
  }

  static HttpProblem notFound(String message) {
    return new HttpProblem(404, "not_found", message);
  }
}
