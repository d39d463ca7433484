package io.tickwire.sim.server;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as a route sees it: the raw query string and body are kept because Binance
 * signatures are computed over the exact bytes the client sent.
 *
 * @param rawQuery the query string as received (without {@code ?}), or empty
 * @param query decoded query parameters
 * @param body the request body as received, or empty
 * @param remoteIp the client's IP address
 */
public record RestRequest(
    HttpMethod method,
    String path,
    String rawQuery,
    Map<String, List<String>> query,
    HttpHeaders headers,
    String body,
    String remoteIp) {

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  public String header(String name) {
    return headers.get(name);
  }
}
