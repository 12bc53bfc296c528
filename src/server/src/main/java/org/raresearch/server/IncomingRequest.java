package org.raresearch.server;

import java.util.function.Function;

/**
 * A request as the transport received it, before anything of it is trusted: the method, the path
 * and query as sent (still percent-encoded), its headers, and who sent it.
 *
 * @param method the method, as sent
 * @param rawPath the path as sent ({@code ""} for a target that has none, such as {@code *})
 * @param rawQuery the query as sent, or null when there is none
 * @param header the first value of a header by name (any case), or null
 * @param headerCount how many header lines the request has
 * @param client who sent it, for a fair share of the server (the remote address)
 */
record IncomingRequest(String method, String rawPath, String rawQuery, Function<String, String> header, int headerCount, String client) {}
