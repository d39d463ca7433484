package io.tickwire.sim.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Upbit request parsing and its documented error names and messages. */
class UpbitRequestTest {

  private static void fails(String request, String name, String message) {
    assertThatThrownBy(() -> UpbitRequest.parse(request))
        .isInstanceOfSatisfying(
            UpbitRequest.Invalid.class,
            e -> {
              assertThat(e.name).isEqualTo(name);
              assertThat(e.getMessage()).isEqualTo(message);
            });
  }

  @Test
  void aFullRequestParses() throws Exception {
    UpbitRequest r =
        UpbitRequest.parse(
            "[{\"ticket\":\"0e66c0ac\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\",\"KRW-ETH.5\"],"
                + "\"level\":10000,\"is_only_snapshot\":false,\"is_only_realtime\":true},{\"format\":\"SIMPLE_LIST\"}]");

    assertThat(r.ticket).isEqualTo("0e66c0ac");
    assertThat(r.format).isEqualTo("SIMPLE_LIST");
    assertThat(r.subscriptions)
        .containsExactly(
            new UpbitRequest.Subscription(
                "orderbook",
                java.util.List.of("KRW-BTC", "KRW-ETH.5"),
                new BigDecimal("10000"),
                false,
                true));
  }

  @Test
  void errorsHaveTheVenueNames() {
    fails("not json", "WRONG_FORMAT", "Requested using wrong format");
    fails("{\"ticket\":\"t\"}", "WRONG_FORMAT", "Requested using wrong format");
    fails(
        "[{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]",
        "NO_TICKET",
        "Ticket field must be contained.");
    fails("[{\"ticket\":\"t\"}]", "NO_TYPE", "type field not exists.");
    fails("[{\"ticket\":\"t\"},{\"codes\":[\"KRW-BTC\"]}]", "NO_TYPE", "type field not exists.");
    fails("[{\"ticket\":\"t\"},{\"type\":\"trade\"}]", "NO_CODES", "codes field not exists.");
    fails(
        "[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[]}]",
        "INVALID_PARAM",
        "codes field is empty.");
    fails(
        "[{\"ticket\":\"t\"},{\"type\":\"bogus\",\"codes\":[\"KRW-BTC\"]}]",
        "INVALID_PARAM",
        "type bogus is not supported.");
    fails(
        "[{\"ticket\":\"t\"},{\"type\":\"candle.2m\",\"codes\":[\"KRW-BTC\"]}]",
        "INVALID_PARAM",
        "type candle.2m is not supported.");
    fails(
        "[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]},{\"format\":\"XML\"}]",
        "INVALID_PARAM",
        "format XML is not supported.");
    fails(
        "[{\"ticket\":\"t\"},{\"type\":\"myAsset\",\"codes\":[\"KRW-BTC\"]}]",
        "WRONG_FORMAT",
        "Requested using wrong format");
  }

  @Test
  void listSubscriptionsNeedsNoType() throws Exception {
    UpbitRequest r = UpbitRequest.parse("[{\"ticket\":\"t\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");

    assertThat(r.listSubscriptions).isTrue();
    assertThat(UpbitRequest.error("NO_TICKET", "Ticket field must be contained."))
        .isEqualTo(
            "{\"error\":{\"name\":\"NO_TICKET\",\"message\":\"Ticket field must be contained.\"}}");
  }
}
