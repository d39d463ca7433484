package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.ConnectPlan;
import io.tickwire.connector.ControlMessage;
import io.tickwire.connector.ControlState;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.Json;
import io.tickwire.model.StreamNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routing, URLs, control messages and frame classification, without a network. */
class BinanceProtocolTest {

  private final BinanceProtocol spot =
      BinanceMappingTest.protocol(BinanceMarket.SPOT, "binance-spot");
  private final BinanceProtocol usdm =
      BinanceMappingTest.protocol(BinanceMarket.USDM, "binance-usdm");

  @ParameterizedTest(name = "{0} on /{1}")
  @CsvSource({
    "btcusdt@depth, public",
    "btcusdt@depth@100ms, public",
    "btcusdt@depth@500ms, public",
    "btcusdt@depth5, public",
    "btcusdt@depth10@100ms, public",
    "btcusdt@depth20@250ms, public",
    "btcusdt@bookTicker, public",
    "btcusdt@aggTrade, market",
    "btcusdt@trade, market",
    "btcusdt@markPrice, market",
    "btcusdt@markPrice@1s, market",
    "btcusdt@kline_1m, market",
    "btcusdt@kline_1M, market",
    "btcusdt@ticker, market",
    "btcusdt@miniTicker, market",
    "btcusdt@forceOrder, market"
  })
  void usdmStreamsGoToTheRouteOfTheirType(String stream, String route) {
    assertThat(usdm.route(stream)).isEqualTo(route);
    ConnectPlan plan =
        usdm.connect(URI.create("wss://fstream.binance.com"), route, List.of(stream));
    assertThat(plan.uri())
        .isEqualTo(URI.create("wss://fstream.binance.com/" + route + "/stream?streams=" + stream));
    assertThat(spot.route(stream.replace("markPrice", "aggTrade").replace("forceOrder", "trade")))
        .isEmpty();
  }

  @Test
  void theUsdmTradeRouteIsASetting() {
    BinanceProtocol publicTrades =
        new BinanceProtocol(
            BinanceMarket.USDM,
            "binance-usdm",
            BinanceSymbols.withDefaultQuotes(),
            BinanceChannel.Route.PUBLIC,
            200);
    assertThat(publicTrades.route("btcusdt@trade")).isEqualTo("public");
    assertThat(publicTrades.route("btcusdt@aggTrade")).isEqualTo("market");
  }

  @Test
  void spotConnectsToCombinedStreamsWithoutARoute() {
    ConnectPlan plan =
        spot.connect(
            URI.create("wss://stream.binance.com:9443/"),
            "",
            List.of("btcusdt@aggTrade", "ethusdt@depth@100ms"));
    assertThat(plan.uri())
        .isEqualTo(
            URI.create(
                "wss://stream.binance.com:9443/stream?streams=btcusdt@aggTrade/ethusdt@depth@100ms"));
    assertThat(plan.subscribedByUri())
        .containsExactlyInAnyOrder("btcusdt@aggTrade", "ethusdt@depth@100ms");
  }

  @Test
  void longStreamListsAreSplitBetweenTheUrlAndSubscribeMessages() {
    List<String> streams =
        IntStream.range(0, 1024).mapToObj(i -> "sym" + i + "usdt@aggTrade").toList();
    ConnectPlan plan = spot.connect(URI.create("ws://127.0.0.1:8765"), "", streams);
    assertThat(plan.uri().toString().length()).isLessThanOrEqualTo(BinanceProtocol.MAX_URL_LENGTH);
    assertThat(plan.subscribedByUri()).isNotEmpty().hasSizeLessThan(streams.size());
    assertThat(streams).containsAll(plan.subscribedByUri());

    ControlState state =
        new ControlState(Set.copyOf(streams), plan.subscribedByUri(), Set.of(), Set.of());
    ControlMessage first = spot.nextControl(state, 7).orElseThrow();
    assertThat(first.ackId()).isEqualTo("7");
    assertThat(first.adds()).hasSize(200).doesNotContainAnyElementsOf(plan.subscribedByUri());
    assertThat(first.removes()).isEmpty();
    var json = readTree(first.text());
    assertThat(json.get("method").asText()).isEqualTo("SUBSCRIBE");
    assertThat(json.get("id").asLong()).isEqualTo(7);
    assertThat(json.get("params")).hasSize(200);
  }

  @Test
  void unsubscribesWhatIsNoLongerWantedOnceEverythingWantedIsSubscribed() {
    ControlState state =
        new ControlState(
            Set.of("btcusdt@trade"),
            Set.of("btcusdt@trade", "ethusdt@trade", "bnbusdt@trade"),
            Set.of(),
            Set.of("bnbusdt@trade"));
    ControlMessage message = spot.nextControl(state, 3).orElseThrow();
    assertThat(message.text())
        .isEqualTo("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"ethusdt@trade\"],\"id\":3}");
    assertThat(message.removes()).containsExactly("ethusdt@trade");
    assertThat(
            spot.nextControl(
                new ControlState(Set.of("a@trade"), Set.of("a@trade"), Set.of(), Set.of()), 4))
        .isEmpty();
  }

  @Test
  void classifiesDataAnswersErrorsAndShutdownNotices() throws Exception {
    assertThat(spot.classify(Golden.frame("spot-bookTicker")))
        .isEqualTo(new Inbound.Data("bnbusdt@bookTicker"));
    assertThat(spot.classify(Golden.frame("ws-subscribe-ack"))).isEqualTo(new Inbound.Ack("1"));
    assertThat(spot.classify(Golden.frame("ws-error-unknown-property")))
        .isEqualTo(new Inbound.Rejected("5", "code 0 (unknown property): Unknown property"));
    assertThat(spot.classify(Golden.frame("ws-error-invalid-request")))
        .isEqualTo(
            new Inbound.Rejected(
                null, "code 2 (invalid request): Invalid request: unknown method"));
    assertThat(spot.classify(Golden.frame("ws-error-invalid-json")))
        .isInstanceOf(Inbound.Rejected.class);
    assertThat(spot.classify(Golden.frame("spot-serverShutdown")))
        .isInstanceOf(Inbound.ShutdownNotice.class);
    assertThat(spot.classify(Golden.frame("raw-serverShutdown")))
        .isInstanceOf(Inbound.ShutdownNotice.class);
    assertThat(spot.classify(frame("{\"result\":[\"btcusdt@trade\"],\"id\":\"list-1\"}")))
        .isEqualTo(new Inbound.Ack("list-1"));
    assertThatThrownBy(() -> spot.classify(frame("not json"))).isInstanceOf(Exception.class);
    assertThatThrownBy(() -> spot.classify(frame("{\"hello\":1}")))
        .hasMessageContaining("neither a combined-stream frame");
  }

  @Test
  void refusesAFrameWhosePayloadNamesAnotherSymbol() throws Exception {
    Frame frame = Golden.frame("spot-trade");
    assertThatThrownBy(() -> spot.normalize("ethbtc@trade", frame))
        .hasMessage("payload symbol BNBBTC arrived on stream ethbtc@trade");
  }

  @Test
  void refusesStreamsTheMarketDoesNotServe() {
    assertThat(request(spot, "btcusdt@kline_1s")).isEqualTo("btcusdt@kline_1s");
    assertThatThrownBy(() -> request(usdm, "btcusdt@kline_1s"))
        .hasMessageContaining("Binance USD-M futures klines have the intervals");
    assertThatThrownBy(() -> request(spot, "btcusdt@markPrice"))
        .hasMessageContaining("Binance spot has no markPrice stream");
    assertThatThrownBy(() -> request(spot, "btcusdt@forceOrder"))
        .hasMessageContaining("Binance spot has no forceOrder stream");
    assertThatThrownBy(() -> request(spot, "btcusdt@depth20@500ms"))
        .hasMessageContaining("depth streams update at");
    assertThatThrownBy(() -> request(usdm, "btcusdt@depth@1000ms"))
        .hasMessageContaining("depth streams update at");
    assertThat(request(usdm, "btcusdt@depth@500ms")).isEqualTo("btcusdt@depth@500ms");
  }

  @Test
  void streamsPushedOnACadenceAreWatchedForSilence() {
    assertThat(usdm.expectsRegularUpdates("btcusdt@markPrice")).isTrue();
    assertThat(usdm.expectsRegularUpdates("btcusdt@depth@100ms")).isTrue();
    assertThat(spot.expectsRegularUpdates("btcusdt@depth5")).isTrue();
    assertThat(spot.expectsRegularUpdates("btcusdt@kline_1m")).isTrue();
    assertThat(spot.expectsRegularUpdates("btcusdt@ticker")).isTrue();
    assertThat(spot.expectsRegularUpdates("btcusdt@aggTrade")).isFalse();
    assertThat(spot.expectsRegularUpdates("btcusdt@trade")).isFalse();
    // its route is a guess (a setting): on the wrong one it would be silent forever
    assertThat(usdm.expectsRegularUpdates("btcusdt@trade")).isTrue();
    assertThat(usdm.expectsRegularUpdates("btcusdt@aggTrade")).isFalse();
    assertThat(spot.expectsRegularUpdates("btcusdt@bookTicker")).isFalse();
    assertThat(spot.expectsRegularUpdates("nonsense")).isFalse();
  }

  private static String request(BinanceProtocol protocol, String stream) {
    return protocol.streamName(
        StreamNames.fromBinance(
            protocol.venueId(), stream, BinanceSymbols.withDefaultQuotes(), "test", null, 0));
  }

  private static Frame frame(String text) {
    return new Frame(text.getBytes(StandardCharsets.UTF_8), false, 1, "test/1");
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
