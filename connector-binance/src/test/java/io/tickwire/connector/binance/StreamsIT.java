package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.model.Bbo;
import io.tickwire.model.BookEvent;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Liquidation;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.RawHeaders;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Ticker;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.model.Venue;
import io.tickwire.sim.ConnectionInfo;
import io.tickwire.sim.SimConfig;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every public stream type of both markets, requested through the control topic, lands in Kafka as
 * its event type; USD-M streams go to their route; an unsubscribed stream stops; malformed frames
 * become dead letters while the stream carries on without a hole.
 */
class StreamsIT extends BinanceSimIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  /** Ten times real time: 1m candles close every 6 s, liquidations come every few seconds. */
  @RegisterExtension
  static final ExchangeSimExtension SIM =
      ExchangeSimExtension.start(SimConfig.builder().timeScale(10).build());

  private static final List<String> SPOT =
      List.of(
          "btcusdt@trade",
          "btcusdt@aggTrade",
          "btcusdt@kline_1m",
          "ethusdt@kline_1s",
          "btcusdt@ticker",
          "btcusdt@miniTicker",
          "btcusdt@bookTicker",
          "btcusdt@depth5@100ms",
          "btcusdt@depth@100ms");
  private static final List<String> USDM =
      List.of(
          "btcusdt@trade",
          "btcusdt@aggTrade",
          "btcusdt@kline_1m",
          "btcusdt@ticker",
          "btcusdt@miniTicker",
          "btcusdt@bookTicker",
          "btcusdt@depth20@100ms",
          "btcusdt@depth@100ms",
          "btcusdt@markPrice@1s",
          "btcusdt@forceOrder");

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Override
  ExchangeSimExtension sim() {
    return SIM;
  }

  @Test
  void everyStreamTypeOfBothMarketsLandsOnItsTopic() {
    start(env());
    subscribe(Venue.BINANCE_SPOT, SPOT);
    subscribe(Venue.BINANCE_USDM, USDM);

    String spot = "binance-spot";
    String usdm = "binance-usdm";
    List<Trade> trades =
        values(
            Topics.TRADES,
            all ->
                has(all, t -> t.venue().equals(spot) && t.kind() == Trade.Kind.TRADE)
                    && has(all, t -> t.venue().equals(spot) && t.kind() == Trade.Kind.AGG_TRADE)
                    && has(all, t -> t.venue().equals(usdm) && t.kind() == Trade.Kind.TRADE)
                    && has(all, t -> t.venue().equals(usdm) && t.kind() == Trade.Kind.AGG_TRADE));
    assertThat(trades)
        .filteredOn(t -> t.kind() == Trade.Kind.AGG_TRADE)
        .allSatisfy(t -> assertThat(t.firstTradeId()).isLessThanOrEqualTo(t.lastTradeId()));
    assertThat(trades).allSatisfy(t -> assertThat(t.symbol()).isEqualTo("BTC-USDT"));

    values(
        Topics.KLINES,
        all ->
            has(all, k -> k.venue().equals(spot) && k.interval().equals("1m"))
                && has(
                    all, k -> k.venue().equals(spot) && k.symbol().equals("ETH-USDT") && k.closed())
                && has(all, k -> k.venue().equals(usdm) && k.interval().equals("1m")));
    values(
        Topics.TICKERS,
        all ->
            has(
                    all,
                    t ->
                        t.venue().equals(spot)
                            && t.kind() == Ticker.Kind.FULL
                            && t.bestBid() != null)
                && has(all, t -> t.venue().equals(spot) && t.kind() == Ticker.Kind.MINI)
                && has(all, t -> t.venue().equals(usdm) && t.kind() == Ticker.Kind.FULL)
                && has(all, t -> t.venue().equals(usdm) && t.kind() == Ticker.Kind.MINI));
    values(
        Topics.BBO,
        all ->
            has(all, (Bbo b) -> b.venue().equals(spot) && b.eventTime() == null)
                && has(all, (Bbo b) -> b.venue().equals(usdm) && b.eventTime() != null));
    List<BookEvent> books =
        values(
            Topics.BOOK,
            all ->
                has(all, b -> b.venue().equals(spot) && Integer.valueOf(5).equals(b.depth()))
                    && has(
                        all,
                        b ->
                            b.venue().equals(spot)
                                && b.depth() == null
                                && b.kind() == BookEvent.Kind.DELTA)
                    && has(
                        all, b -> b.venue().equals(usdm) && Integer.valueOf(20).equals(b.depth()))
                    && has(all, b -> b.venue().equals(usdm) && b.kind() == BookEvent.Kind.DELTA));
    assertThat(books)
        .filteredOn(b -> b.depth() != null)
        .allSatisfy(
            b -> {
              assertThat(b.kind()).isEqualTo(BookEvent.Kind.SNAPSHOT);
              assertThat(b.bids().size()).isLessThanOrEqualTo(b.depth());
            });
    // a maintained book starts with a full snapshot before its first delta
    assertThat(books.stream().filter(b -> b.venue().equals(spot) && b.depth() == null).findFirst())
        .hasValueSatisfying(b -> assertThat(b.kind()).isEqualTo(BookEvent.Kind.SNAPSHOT));
    assertThat(books)
        .filteredOn(b -> b.venue().equals(usdm) && b.kind() == BookEvent.Kind.DELTA)
        .allSatisfy(b -> assertThat(b.prevUpdateId()).isNotNull());
    assertThat(values(Topics.MARK_PRICES, all -> !all.isEmpty()))
        .allSatisfy(
            (MarkPrice m) -> {
              assertThat(m.venue()).isEqualTo(usdm);
              assertThat(m.fundingRate()).isNotNull();
            });
    assertThat(values(Topics.LIQUIDATIONS, all -> !all.isEmpty()))
        .allSatisfy((Liquidation l) -> assertThat(l.side()).isNotNull());

    // every frame is also on the raw topic of its market, keyed by its stream
    assertThat(rawKeys(Topics.RAW_BINANCE_SPOT, SPOT)).containsAll(SPOT);
    assertThat(rawKeys(Topics.RAW_BINANCE_USDM, USDM)).containsAll(USDM);
  }

  @Test
  void usdmStreamsConnectOnTheRouteOfTheirTypeAndASilentRouteIsReported() {
    Map<String, String> env = env();
    env.put("BINANCE_USDM_STREAM_SILENCE_TIMEOUT", "3s");
    // the simulator serves @trade on /market: a connector told otherwise hears nothing
    env.put("BINANCE_USDM_TRADE_ROUTE", "public");
    var connector = start(env);
    subscribe(Venue.BINANCE_USDM, USDM);

    await()
        .atMost(WAIT)
        .until(() -> usdmStreams(SIM.faults().connections(Venue.BINANCE_USDM)).containsAll(USDM));
    for (ConnectionInfo c : SIM.faults().connections(Venue.BINANCE_USDM)) {
      boolean publicRoute = c.path().startsWith("/public/");
      assertThat(c.path()).matches("/(public|market)/stream.*");
      assertThat(c.streams())
          .allSatisfy(
              s ->
                  assertThat(
                          s.contains("@depth")
                              || s.contains("@bookTicker")
                              || s.equals("btcusdt@trade"))
                      .as("%s on %s", s, c.path())
                      .isEqualTo(publicRoute));
    }
    StatusMarker stale =
        markers(m -> m.stream().anyMatch(s -> s.status() == StatusMarker.Status.STALE)).stream()
            .filter(s -> s.status() == StatusMarker.Status.STALE)
            .findFirst()
            .orElseThrow();
    assertThat(stale.stream()).isEqualTo("btcusdt@trade");
    assertThat(stale.venue()).isEqualTo("binance-usdm");
    await()
        .atMost(WAIT)
        .until(() -> connector.count("connector.rotations", "cause", "stream_silence") >= 1);
  }

  @Test
  void anUnsubscribedStreamStopsAndTheOthersCarryOn() {
    start(env());
    List<String> streams = List.of("btcusdt@bookTicker", "btcusdt@aggTrade");
    subscribe(Venue.BINANCE_SPOT, streams);
    rawKeys(Topics.RAW_BINANCE_SPOT, streams);

    unsubscribe(Venue.BINANCE_SPOT, List.of("btcusdt@bookTicker"));
    StatusMarker stopped =
        markers(m -> m.stream().anyMatch(StreamsIT::stoppedBookTicker)).stream()
            .filter(StreamsIT::stoppedBookTicker)
            .findFirst()
            .orElseThrow();
    await()
        .atMost(WAIT)
        .until(
            () ->
                SIM.faults().connections(Venue.BINANCE_SPOT).stream()
                    .noneMatch(c -> c.streams().contains("btcusdt@bookTicker")));
    long stoppedAtMicros = stopped.time() * 1000;
    // read on until the other stream has delivered well after the stop
    List<ConsumerRecord<String, byte[]>> raw =
        kafka.readUntil(
            Topics.RAW_BINANCE_SPOT.withPrefix(prefix),
            records ->
                records.stream()
                    .anyMatch(
                        r ->
                            r.key().equals("btcusdt@aggTrade")
                                && receivedAt(r) > stoppedAtMicros + 2_000_000),
            WAIT);
    assertThat(raw)
        .filteredOn(r -> r.key().equals("btcusdt@bookTicker"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(receivedAt(r)).isLessThanOrEqualTo(stoppedAtMicros));
  }

  @Test
  void malformedFramesBecomeDeadLettersAndTheStreamHasNoHole() {
    start(env());
    subscribe(Venue.BINANCE_SPOT, List.of("ethusdt@aggTrade"));
    values(Topics.TRADES, all -> all.size() >= 3);
    await()
        .atMost(WAIT)
        .until(
            () ->
                SIM.faults().connections(Venue.BINANCE_SPOT).stream()
                    .anyMatch(c -> c.streams().contains("ethusdt@aggTrade")));

    SIM.faults().malformedFrame(Venue.BINANCE_SPOT, "ethusdt@aggTrade");
    DeadLetter letter = values(Topics.DEAD_LETTERS, all -> !all.isEmpty()).get(0);
    assertThat(letter.source()).isEqualTo("connector-binance:binance-spot");
    assertThat(letter.venue()).isEqualTo("binance-spot");
    assertThat(letter.stream()).isEqualTo("ethusdt@aggTrade");
    assertThat(letter.error()).startsWith("cannot map frame");
    assertThat(letter.payload()).startsWith("{\"stream\":\"ethusdt@aggTrade\"");

    // the cut trade is fetched over REST: the ids stay contiguous
    List<Trade> trades =
        values(
            Topics.TRADES,
            all ->
                all.stream().anyMatch(Trade::backfilled)
                    && all.get(all.size() - 1).tradeTime()
                        > all.stream()
                            .filter(Trade::backfilled)
                            .findFirst()
                            .orElseThrow()
                            .tradeTime());
    assertContiguous(trades);
    assertThat(trades).filteredOn(Trade::backfilled).isNotEmpty();
  }

  private static boolean stoppedBookTicker(StatusMarker m) {
    return "btcusdt@bookTicker".equals(m.stream())
        && m.status() == StatusMarker.Status.DISCONNECTED
        && m.detail() != null
        && m.detail().startsWith("no longer requested");
  }

  private Set<String> rawKeys(io.tickwire.model.Topic<String, byte[]> topic, List<String> streams) {
    return kafka
        .readUntil(
            topic.withPrefix(prefix),
            records ->
                records.stream()
                    .map(ConsumerRecord::key)
                    .collect(Collectors.toSet())
                    .containsAll(streams),
            WAIT)
        .stream()
        .map(ConsumerRecord::key)
        .collect(Collectors.toSet());
  }

  private static Set<String> usdmStreams(List<ConnectionInfo> connections) {
    return connections.stream().flatMap(c -> c.streams().stream()).collect(Collectors.toSet());
  }

  private static long receivedAt(ConsumerRecord<String, byte[]> r) {
    return Long.parseLong(
        new String(
            r.headers().lastHeader(RawHeaders.RECEIVED_AT).value(), StandardCharsets.US_ASCII));
  }

  private static <T> boolean has(List<T> all, Predicate<T> wanted) {
    return all.stream().anyMatch(wanted);
  }
}
