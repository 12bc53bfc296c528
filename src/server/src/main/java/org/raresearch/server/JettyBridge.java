package org.raresearch.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Between Jetty and the {@link RequestHandler}: turns Jetty's request into an {@link
 * IncomingRequest}, and the {@link Reply} into Jetty's response. Requests on a connection past the
 * cap are answered {@code 503 too_many_connections} and their connection closed; the requests Jetty
 * refuses itself (a malformed or oversized head) are answered in the same JSON by {@link #errors()}.
 */
final class JettyBridge extends Handler.Abstract {
  private final RequestHandler handler;
  private final ConnectionGuard guard;

  JettyBridge(RequestHandler handler, ConnectionGuard guard) {
    this.handler = handler;
    this.guard = guard;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    Connection connection = request.getConnectionMetaData().getConnection();
    guard.requestStarted(connection);
    Callback done = Callback.from(callback, () -> guard.requestEnded(connection));
    IncomingRequest incoming = incoming(request);
    Reply reply;
    if (guard.overCap(connection)) {
      reply = handler.withCommonHeaders(RequestHandler.problem(new HttpProblem(503, "too_many_connections",
              "the server has as many connections open as it serves; try again in a moment"))
          .with("Connection", "close"), incoming.rawPath().startsWith("/api/"));
    } else {
      reply = handler.handle(incoming);
    }
    send(response, reply, done);
    return true;
  }

  private static IncomingRequest incoming(Request request) {
    HttpURI uri = request.getHttpURI();
    HttpFields headers = request.getHeaders();
    String path = uri.getPath();
    return new IncomingRequest(request.getMethod(), path == null ? "" : path, uri.getQuery(), headers::get,
        headers.size(), Request.getRemoteAddr(request));
  }

  private static void send(Response response, Reply reply, Callback callback) {
    response.setStatus(reply.status());
    HttpFields.Mutable headers = response.getHeaders();
    reply.headers().forEach(headers::put);
    if (reply.contentType() != null) {
      headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
    }
    byte[] body = reply.body();
    if (body.length == 0) {
      if (reply.status() != 204) {
        headers.put(HttpHeader.CONTENT_LENGTH, 0L);
      }
      response.write(true, null, callback);
      return;
    }
    headers.put(HttpHeader.CONTENT_LENGTH, (long) body.length);
    response.write(true, ByteBuffer.wrap(body), callback); // Jetty sends no body in answer to HEAD
  }

  /** Answers the requests Jetty refuses before any handler runs, in the JSON of every other error. */
  Request.Handler errors() {
    return (request, response, callback) -> {
      int status = response.getStatus();
      HttpProblem problem = switch (status) {
        case 400 -> HttpProblem.badRequest("the request is not well-formed HTTP");
        case 404 -> HttpProblem.notFound("there is nothing at this address");
        case 405 -> new HttpProblem(405, "method_not_allowed", "only GET and HEAD are answered here");
        case 408 -> new HttpProblem(408, "request_timeout", "the request did not arrive in time");
        case 413 -> new HttpProblem(413, "body_not_accepted", "requests to this server have no body");
        case 414 -> new HttpProblem(414, "uri_too_long", "the address is longer than " + RequestHandler.MAX_URI_CHARS + " characters");
        case 431 -> new HttpProblem(431, "headers_too_large", "the request's headers are too large");
        case 503 -> FairTurns.busy();
        default -> status >= 400 && status < 500
            ? new HttpProblem(status, "bad_request", "the request cannot be answered")
            : new HttpProblem(500, "internal_error", "the server failed to answer; its log says why");
      };
      Object cause = request.getAttribute(ErrorHandler.ERROR_EXCEPTION);
      if (problem.status() == 500 && cause != null) {
        handler.logFailure(request.getMethod() + " " + RequestHandler.shorten(String.valueOf(request.getHttpURI().getPath())), cause);
      }
      String path = request.getHttpURI().getPath();
      send(response, handler.withCommonHeaders(RequestHandler.problem(problem).with("Connection", "close"),
          path != null && path.startsWith("/api/")), callback);
      return true;
    };
  }
}
