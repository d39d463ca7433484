package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.rest.VenueErrors;
import io.tickwire.connector.rest.VenueException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Binance's error answers mapped to the error family, and what that means for retries. */
class BinanceErrorsTest {

  @Test
  void mapsRestAnswersByStatusThenByBinanceCode() {
    VenueException limited = rest(429, "7", "{\"code\":-1003,\"msg\":\"Too many requests\"}");
    assertThat(limited).isInstanceOf(VenueException.RateLimited.class);
    assertThat(VenueErrors.retryAfter(limited)).contains(Duration.ofSeconds(7));

    VenueException banned = rest(418, "120", "{\"code\":-1003,\"msg\":\"Way too many\"}");
    assertThat(((VenueException.RateLimited) banned).banned()).isTrue();

    VenueException firewall = rest(403, null, "");
    assertThat(firewall).isInstanceOf(VenueException.RateLimited.class);
    assertThat(VenueErrors.retryAfter(firewall)).contains(BinanceErrors.FIREWALL_PAUSE);
    assertThat(VenueErrors.isRetriable(firewall)).isTrue();

    VenueException symbol = rest(400, null, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
    assertThat(symbol).isInstanceOf(VenueException.Rejected.class).hasMessageContaining("-1121");
    assertThat(VenueErrors.isRetriable(symbol)).isFalse();

    VenueException busy =
        rest(400, null, "{\"code\":-1008,\"msg\":\"Server is currently overloaded\"}");
    assertThat(busy).isInstanceOf(VenueException.Unavailable.class);
    assertThat(VenueErrors.isRetriable(busy)).isTrue();

    assertThat(rest(400, null, "{\"code\":-1003,\"msg\":\"Too many requests\"}"))
        .isInstanceOf(VenueException.RateLimited.class);
    assertThat(rest(401, null, "{\"code\":-2015,\"msg\":\"Invalid API-key\"}"))
        .isInstanceOf(VenueException.Unauthorized.class);
    assertThat(rest(502, null, "<html>bad gateway</html>"))
        .isInstanceOf(VenueException.Unavailable.class);
  }

  @Test
  void webSocketErrorsAreRefusalsOfWhatWasSent() {
    assertThat(BinanceErrors.describeWebSocketError(3, "Invalid JSON: expected value"))
        .isEqualTo("code 3 (invalid JSON): Invalid JSON: expected value");
    assertThat(BinanceErrors.describeWebSocketError(1, null))
        .isEqualTo("code 1 (invalid value type): no message");
    VenueException e = BinanceErrors.fromWebSocket(2, "Invalid request: too many parameters");
    assertThat(e).isInstanceOf(VenueException.Rejected.class);
    assertThat(VenueErrors.isRetriable(e)).isFalse();
  }

  private static VenueException rest(int status, String retryAfter, String body) {
    return BinanceErrors.fromRest(
        "GET /api/v3/depth", status, retryAfter, body.getBytes(StandardCharsets.UTF_8));
  }
}
