package io.tickwire.sim;

import io.tickwire.sim.binance.BinanceSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small REST client for tests: JDK HttpClient, plain strings in and out. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

  private final String base;

  public Http(ExchangeSim sim) {
    this.base = sim.httpBaseUrl();
  }

  public HttpResponse<String> get(String pathAndQuery, String... headers) {
    return send("GET", pathAndQuery, null, headers);
  }

  public HttpResponse<String> send(
      String method, String pathAndQuery, String body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A signed Binance request: {@code query&timestamp=..&signature=..} with the API key header. */
  public HttpResponse<String> signed(
      String method, String path, String query, AccountSpec account) {
    // a generous recvWindow: a busy test machine must not turn slowness into -1021
    String full =
        (query.isEmpty() ? "" : query + "&")
            + "recvWindow=60000&timestamp="
            + System.currentTimeMillis();
    String signature = BinanceSigner.sign(account.secretKey(), full);
    return send(
        method,
        path + "?" + full + "&signature=" + signature,
        null,
        "X-MBX-APIKEY",
        account.apiKey());
  }
}
