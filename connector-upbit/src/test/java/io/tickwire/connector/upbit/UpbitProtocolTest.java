package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.ControlMessage;
import io.tickwire.connector.ControlState;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.ws.KeepAlive;
import io.tickwire.model.BookEvent;
import io.tickwire.model.StreamNames;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The venue rules of {@link UpbitProtocol} that are not payload mapping. */
class UpbitProtocolTest {

  private final UpbitProtocol protocol =
      new UpbitProtocol("upbit", UpbitFormat.SIMPLE, "tw", SequentialIds.AUTO);

  private String name(String spec) {
    return protocol.streamName(StreamNames.fromUpbit("upbit", spec, "test", null, 0));
  }

  @Test
  void everyChangeSendsTheWholeListAsOneRequest() {
    Set<String> target =
        Set.of(
            name("trade:KRW-BTC"),
            name("trade:KRW-ETH"),
            name("ticker:KRW-BTC"),
            name("orderbook:KRW-BTC.15"),
            name("orderbook:KRW-ETH"),
            name("orderbook:KRW-BTC.5@10000"),
            name("candle.1m:KRW-BTC"));

    ControlMessage message =
        protocol
            .nextControl(
                new ControlState(
                    target, Set.of("trade:KRW-BTC", "trade:KRW-XRP"), Set.of(), Set.of()),
                7)
            .orElseThrow();

    assertThat(message.text())
        .isEqualTo(
            "[{\"ticket\":\"tw-7\"},"
                + "{\"type\":\"candle.1m\",\"codes\":[\"KRW-BTC\"]},"
                + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.15\",\"KRW-ETH\"]},"
                + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"],\"level\":10000},"
                + "{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},"
                + "{\"type\":\"trade\",\"codes\":[\"KRW-BTC\",\"KRW-ETH\"]},"
                + "{\"format\":\"SIMPLE\"}]");
    assertThat(message.ackId()).as("Upbit acknowledges nothing").isNull();
    assertThat(message.removes()).containsExactly("trade:KRW-XRP");
    assertThat(message.adds()).doesNotContain("trade:KRW-BTC").contains("trade:KRW-ETH");
  }

  @Test
  void nothingIsSentWhenTheListIsAlreadySubscribedOrEmpty() {
    Set<String> both = Set.of(name("trade:KRW-BTC"));

    assertThat(protocol.nextControl(new ControlState(both, both, Set.of(), Set.of()), 1)).isEmpty();
    assertThat(protocol.nextControl(new ControlState(Set.of(), both, Set.of(), Set.of()), 1))
        .isEmpty();
  }

  @Test
  void connectsToTheBaseUrlAndSubscribesByRequest() {
    URI base = URI.create("wss://api.upbit.com/websocket/v1");

    assertThat(protocol.connect(base, "", java.util.List.of("trade:KRW-BTC")).uri())
        .isEqualTo(base);
    assertThat(protocol.connect(base, "", java.util.List.of("trade:KRW-BTC")).subscribedByUri())
        .isEmpty();
    assertThat(protocol.keepAlive()).isEqualTo(KeepAlive.text("PING"));
    assertThat(protocol.expectsRegularUpdates("ticker:KRW-BTC")).isFalse();
  }

  @Test
  void textAndBinaryFramesAreReadAlike() throws Exception {
    Frame binary = Golden.frame("default", "trade");
    Frame text = new Frame(binary.payload(), false, binary.receivedAt(), "c");

    assertThat(protocol.classify(text)).isEqualTo(protocol.classify(binary));
    assertThat(protocol.normalize("trade:KRW-BTC", text).events())
        .isEqualTo(protocol.normalize("trade:KRW-BTC", binary).events());
  }

  @Test
  void keepAliveAnswersAreHeartbeatsAndListingsAreIgnored() throws Exception {
    assertThat(protocol.classify(Golden.frame("default", "status")))
        .isEqualTo(new Inbound.Heartbeat());
    assertThat(protocol.classify(Golden.frame("default", "listing")))
        .isInstanceOf(Inbound.Ignored.class);
  }

  @Test
  void errorObjectsAreRefusalsInTheErrorFamily() throws Exception {
    Inbound inbound = protocol.classify(Golden.frame("default", "error"));

    assertThat(inbound)
        .isEqualTo(
            new Inbound.Rejected(
                null, "Rejected: Upbit INVALID_PARAM: type foo is not supported."));
  }

  @Test
  void unreadableFramesThrowSoTheyGoToTheDeadLetters() {
    for (String bad :
        new String[] {
          "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_pr", // cut in half
          "[{\"type\":\"trade\"}]", // a list format
          "{\"type\":\"myOrder\",\"code\":\"KRW-BTC\"}", // not a public type
          "{\"code\":\"KRW-BTC\"}", // no type
          "PONG"
        }) {
      assertThatThrownBy(() -> protocol.classify(Golden.text(bad)))
          .as(bad)
          .isInstanceOf(Exception.class);
    }
  }

  @Test
  void aFrameThatClassifiesButCannotBeMappedThrowsFromNormalize() throws Exception {
    Frame noPrice =
        Golden.text(
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"sequential_id\":1,\"ask_bid\":\"BID\",\"trade_timestamp\":1}");

    assertThat(protocol.classify(noPrice)).isEqualTo(new Inbound.Data("trade:KRW-BTC"));
    assertThatThrownBy(() -> protocol.normalize("trade:KRW-BTC", noPrice))
        .hasMessageContaining("trade_price");
  }

  @Test
  void orderbookFramesFindTheirSizeAmongTheStreamsOfTheirCodeAndGrouping() throws Exception {
    name("orderbook:KRW-BTC.5");
    name("orderbook:KRW-BTC.15");
    name("orderbook:KRW-BTC");
    name("orderbook:KRW-BTC.15@10000");

    assertThat(route(book(5, "0"))).isEqualTo("orderbook:KRW-BTC.5");
    assertThat(route(book(15, "0"))).isEqualTo("orderbook:KRW-BTC.15");
    assertThat(route(book(30, "0"))).as("no size is Upbit's 30").isEqualTo("orderbook:KRW-BTC");
    assertThat(route(book(3, "0"))).as("a thin book").isEqualTo("orderbook:KRW-BTC.5");
    assertThat(route(book(2, "1.0E4")))
        .as("the only grouped one")
        .isEqualTo("orderbook:KRW-BTC.15@10000");
    assertThat(route(book(5, "0"))).isEqualTo("orderbook:KRW-BTC.5");
    assertThat(route(book(1, "100"))).as("unknown grouping").isEqualTo("orderbook:KRW-BTC.1@100");
  }

  @Test
  void orderbookDepthIsTheSizeAskedFor() throws Exception {
    name("orderbook:KRW-BTC");
    Frame frame = Golden.text(book(3, "0"));

    BookEvent event = (BookEvent) protocol.normalize(route(book(3, "0")), frame).events().get(0);

    assertThat(event.depth()).isEqualTo(30);
    assertThat(event.bids()).hasSize(3);
    assertThat(event.grouping()).isNull();
  }

  private String route(String json) throws Exception {
    return ((Inbound.Data) protocol.classify(Golden.text(json))).stream();
  }

  private static String book(int units, String level) {
    StringBuilder b =
        new StringBuilder("{\"ty\":\"orderbook\",\"cd\":\"KRW-BTC\",\"tms\":1,\"obu\":[");
    for (int i = 0; i < units; i++) {
      b.append(i == 0 ? "" : ",")
          .append("{\"ap\":")
          .append(101 + i)
          .append(",\"bp\":")
          .append(100 - i)
          .append(",\"as\":1,\"bs\":2}");
    }
    return b.append("],\"lv\":").append(level).append("}").toString();
  }
}
