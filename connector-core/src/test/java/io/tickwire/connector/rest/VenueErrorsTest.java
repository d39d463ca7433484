package io.tickwire.connector.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class VenueErrorsTest {

  @Test
  void mapsHttpStatusesToTheFamily() {
    assertThat(VenueErrors.fromHttp("GET /api/v3/depth", 429, "3", null))
        .isInstanceOf(VenueException.RateLimited.class)
        .hasMessage("GET /api/v3/depth answered HTTP 429");
    assertThat(VenueErrors.fromHttp("x", 418, null, "banned"))
        .isInstanceOfSatisfying(
            VenueException.RateLimited.class,
            e -> {
              assertThat(e.banned()).isTrue();
              assertThat(e.retryAfter()).isEqualTo(VenueErrors.BAN_WITHOUT_RETRY_AFTER);
            });
    assertThat(VenueErrors.fromHttp("x", 503, null, null))
        .isInstanceOf(VenueException.Unavailable.class);
    assertThat(VenueErrors.fromHttp("x", 401, null, null))
        .isInstanceOf(VenueException.Unauthorized.class);
    assertThat(VenueErrors.fromHttp("x", 400, null, "{\"code\":-1121}"))
        .isInstanceOfSatisfying(
            VenueException.Rejected.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("-1121");
  }

  @Test
  void readsRetryAfterAsSecondsOrAsADate() {
    assertThat(VenueErrors.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
    String inAMinute =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(65));
    assertThat(VenueErrors.parseRetryAfter(inAMinute).orElseThrow())
        .isBetween(Duration.ofSeconds(55), Duration.ofSeconds(65));
    assertThat(VenueErrors.parseRetryAfter("soon")).isEmpty();
    assertThat(VenueErrors.parseRetryAfter(null)).isEmpty();
    assertThat(VenueErrors.parseRetryAfter("-5")).isEmpty();
  }

  @Test
  void decidesRetriableByWalkingTheCauseChain() {
    var limited = new VenueException.RateLimited("429", Duration.ofSeconds(3), false);
    assertThat(VenueErrors.isRetriable(new CompletionException(limited))).isTrue();
    assertThat(VenueErrors.retryAfter(new CompletionException(limited)))
        .contains(Duration.ofSeconds(3));
    assertThat(VenueErrors.isRetriable(new IOException("reset"))).isTrue();
    assertThat(VenueErrors.isRetriable(new RuntimeException(new HttpTimeoutException("slow"))))
        .isTrue();
    assertThat(VenueErrors.isRetriable(new VenueException.Unavailable("503"))).isTrue();
    assertThat(VenueErrors.isRetriable(new VenueException.Rejected("bad symbol", 400))).isFalse();
    assertThat(VenueErrors.isRetriable(new VenueException.Unauthorized("401"))).isFalse();
    assertThat(VenueErrors.isRetriable(new IllegalStateException("bug"))).isFalse();
    // a refusal wrapped around an I/O error is still a refusal
    assertThat(
            VenueErrors.isRetriable(
                new VenueException("outer", new VenueException.Rejected("bad", 400))))
        .isFalse();
  }
}
