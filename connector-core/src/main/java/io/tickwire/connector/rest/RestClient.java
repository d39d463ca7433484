package io.tickwire.connector.rest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GET requests to a venue's public REST API (JDK HttpClient), with non-2xx answers turned into
 * {@link VenueException}s. Pace calls through a {@link
 * io.tickwire.connector.pace.WeightPacedScheduler}; this class does no pacing itself.
 */
public final class RestClient {

  /**
   * Turns a non-2xx answer into the error family, for venues whose answers carry more than the
   * status says (Binance: an error code in the body, a 403 that is a firewall limit).
   */
  @FunctionalInterface
  public interface ErrorMapper {

    /**
     * @param what what was requested, e.g. {@code GET /api/v3/depth} (never credentials)
     * @param retryAfter the Retry-After header, or null
     * @param body the answer's body (possibly empty)
     */
    VenueException map(String what, int status, String retryAfter, byte[] body);
  }

  /** The default mapping: by HTTP status ({@link VenueErrors#fromHttp}) with a body excerpt. */
  public static final ErrorMapper BY_STATUS =
      (what, status, retryAfter, body) ->
          VenueErrors.fromHttp(what, status, retryAfter, excerpt(body));

  private static final int EXCERPT = 300;

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  public RestClient(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public URI base() {
    return base;
  }

  /**
   * GETs {@code pathAndQuery} (such as {@code /api/v3/depth?symbol=BTCUSDT&limit=1000}) relative to
   * the base URL.
   *
   * @throws VenueException for non-2xx answers
   * @throws IOException for transport failures and timeouts
   */
  public RestResponse get(String pathAndQuery) throws IOException, InterruptedException {
    return get(pathAndQuery, BY_STATUS);
  }

  /**
   * Like {@link #get(String)}, with the venue's own mapping of non-2xx answers.
   *
   * @throws VenueException as {@code errors} maps non-2xx answers
   * @throws IOException for transport failures and timeouts
   */
  public RestResponse get(String pathAndQuery, ErrorMapper errors)
      throws IOException, InterruptedException {
    URI uri = URI.create(stripSlash(base.toString()) + pathAndQuery);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    RestResponse result =
        new RestResponse(response.statusCode(), response.headers(), response.body());
    if (response.statusCode() / 100 != 2) {
      throw errors.map(
          "GET " + uri.getPath(),
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body() == null ? new byte[0] : response.body());
    }
    return result;
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** The start of a body as one line of text, for error messages; null when empty. */
  public static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    String text = new String(body, 0, Math.min(body.length, EXCERPT), StandardCharsets.UTF_8);
    return text.replaceAll("\\s+", " ");
  }
}
