package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Topics;
import io.tickwire.model.Venue;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streams come and go through the control topic; every change re-sends the connection's whole list
 * (a request replaces the previous one), and bursts of changes are folded so the venue's 5 requests
 * per second are never exceeded (exchange-sim answers an excess with TOO_MANY_REQUEST, which would
 * land in the dead letters).
 */
class UpbitSubscriptionsIT extends UpbitConnectorIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final ExchangeSimExtension SIM = ExchangeSimExtension.start();

  private static final List<String> CODES = List.of("KRW-BTC", "KRW-ETH", "KRW-XRP", "KRW-SOL");

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  /** What the simulated venue serves this test's connections, in its own names. */
  private static Set<String> served() {
    return SIM.faults().connections(Venue.UPBIT).stream()
        .flatMap(c -> c.streams().stream())
        .collect(Collectors.toSet());
  }

  @Test
  void subscribeAndUnsubscribeThroughTheControlTopicWithinTheRequestLimit() {
    ConnectorHarness connector = start(env(SIM.sim(), ""));
    List<String> specs = new ArrayList<>();
    for (String code : CODES) {
      specs.add("trade:" + code);
      specs.add("ticker:" + code);
      specs.add("orderbook:" + code + ".5");
      specs.add("candle.1m:" + code);
    }
    // a burst of 16 separate changes: far more than 5 requests' worth within a second
    burst(specs);

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(served())
                    .contains("trade:KRW-BTC", "ticker:KRW-SOL", "candle.1m:KRW-XRP")
                    .contains("orderbook:KRW-ETH:5:0")
                    .hasSize(16));
    assertThat(SIM.faults().connections(Venue.UPBIT)).hasSize(1);
    readUntil(
        Topics.TRADES,
        t -> t.stream().map(x -> x.symbol()).collect(Collectors.toSet()).size() == CODES.size());
    double requests = connector.count("connector.control.messages");
    assertThat(requests).as("changes folded into fewer requests").isLessThan(specs.size());

    // unsubscribe half: the remaining list is sent again, the rest stays served
    List<String> removed =
        specs.stream().filter(s -> s.contains("KRW-XRP") || s.contains("KRW-SOL")).toList();
    unsubscribe(removed);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(served())
                    .hasSize(8)
                    .contains("trade:KRW-BTC", "orderbook:KRW-ETH:5:0")
                    .noneMatch(s -> s.contains("KRW-XRP") || s.contains("KRW-SOL")));

    // a storm of changes to the same list, then the final state
    for (int i = 0; i < 10; i++) {
      subscribe(List.of("trade:KRW-SOL"));
      unsubscribe(List.of("trade:KRW-SOL"));
    }
    subscribe(List.of("trade:KRW-SOL"));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(served()).hasSize(9).contains("trade:KRW-SOL"));

    // nothing was refused by the venue: no error object was dead-lettered. A malformed frame is
    // the fence: every dead letter written before it is read once it is.
    SIM.faults().malformedFrame(Venue.UPBIT, "trade:KRW-BTC");
    List<DeadLetter> letters =
        readUntil(
            Topics.DEAD_LETTERS,
            d -> d.stream().anyMatch(x -> x.error().startsWith("cannot read frame")));
    assertThat(letters)
        .noneMatch(d -> d.error().contains("venue reported an error"))
        .noneMatch(d -> d.error().contains("TOO_MANY_REQUEST"));
  }
}
