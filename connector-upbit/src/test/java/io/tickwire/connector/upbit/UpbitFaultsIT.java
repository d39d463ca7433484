package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Json;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.model.Venue;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the venue sends that is not plain market data: the documented payloads replayed through
 * exchange-sim in both formats (the golden events must land in Kafka), an error object, frames that
 * cannot be read or mapped (dead letters, the session goes on), and a frame cut in half mid-stream
 * (dead letter; the trade it carried comes back by backfill).
 */
class UpbitFaultsIT extends UpbitConnectorIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final ExchangeSimExtension SIM = ExchangeSimExtension.start();

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  /** Golden payload, its format, its stream, and the event it must become (null: none). */
  private record Replayed(String format, String file, String stream) {}

  private static final List<Replayed> GOLDEN =
      List.of(
          new Replayed("default", "ticker", "ticker:KRW-BTC"),
          new Replayed("simple", "ticker-fall", "ticker:KRW-XRP"),
          new Replayed("default", "trade", "trade:KRW-BTC"),
          new Replayed("simple", "trade-no-timestamp", "trade:KRW-ETH"),
          new Replayed("simple", "orderbook", "orderbook:KRW-BTC.1"),
          new Replayed("default", "orderbook-grouped", "orderbook:KRW-BTC.15@10000"),
          new Replayed("default", "candle", "candle.1s:KRW-BTC"),
          new Replayed("simple", "candle-60m", "candle.60m:KRW-ETH"));

  @Test
  void replayedVenuePayloadsBecomeTheGoldenEventsAndErrorsBecomeDeadLetters(@TempDir Path dir)
      throws Exception {
    String streams = String.join(",", GOLDEN.stream().map(Replayed::stream).toList());
    start(env(SIM.sim(), streams));
    markersUntil(
        m ->
            m.stream().filter(s -> s.status() == StatusMarker.Status.CONNECTED).count()
                >= GOLDEN.size());

    List<String> lines = new ArrayList<>();
    long at = 1_767_225_600_000_000L;
    for (Replayed r : GOLDEN) {
      lines.add(
          line(at++, r.stream(), Golden.bytes("wire/" + r.format() + "/" + r.file() + ".json")));
    }
    lines.add(line(at++, "trade:KRW-BTC", Golden.bytes("wire/default/error.json")));
    lines.add(
        line(
            at++,
            "trade:KRW-BTC",
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"trade_pr"
                .getBytes(StandardCharsets.UTF_8)));
    lines.add(
        line(
            at,
            "trade:KRW-ETH",
            "{\"type\":\"trade\",\"code\":\"KRW-ETH\",\"sequential_id\":1}"
                .getBytes(StandardCharsets.UTF_8)));
    Path recording = Files.write(dir.resolve("golden.rec"), lines);
    SIM.sim().replay(recording, 0, false).done().get(30, TimeUnit.SECONDS);

    for (Replayed r : GOLDEN) {
      JsonNode expected = withoutReceivedAt(Golden.event(r.file()));
      Topic<String, ? extends MarketEvent> topic = topicOf(expected);
      List<JsonNode> landed =
          readJson(
              topic,
              events -> events.stream().anyMatch(e -> withoutReceivedAt(e).equals(expected)));
      assertThat(landed).as(r.file()).anyMatch(e -> withoutReceivedAt(e).equals(expected));
    }

    List<DeadLetter> letters = readUntil(Topics.DEAD_LETTERS, d -> d.size() >= 3);
    assertThat(letters)
        .anySatisfy(
            d -> {
              assertThat(d.error())
                  .isEqualTo(
                      "venue reported an error: Rejected: Upbit INVALID_PARAM: type foo is not supported.");
              assertThat(d.payload()).contains("INVALID_PARAM");
              assertThat(d.source()).isEqualTo("connector-upbit:upbit");
            })
        .anySatisfy(d -> assertThat(d.error()).startsWith("cannot read frame"))
        .anySatisfy(
            d -> {
              assertThat(d.error()).startsWith("cannot map frame");
              assertThat(d.stream()).isEqualTo("trade:KRW-ETH");
            });
  }

  @Test
  void aFrameCutInHalfIsADeadLetterAndItsTradeIsBackfilled() {
    start(env(SIM.sim(), "trade:KRW-SOL"));
    readUntil(Topics.TRADES, t -> t.size() >= 3);

    SIM.faults().malformedFrame(Venue.UPBIT, "trade:KRW-SOL");

    DeadLetter letter = readUntil(Topics.DEAD_LETTERS, d -> !d.isEmpty()).get(0);
    assertThat(letter.error()).startsWith("cannot read frame");
    List<Trade> trades = readUntil(Topics.TRADES, t -> t.stream().anyMatch(Trade::backfilled));
    List<Long> ids = trades.stream().map(Trade::tradeId).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted();
    assertThat(ids.get(ids.size() - 1) - ids.get(0)).isEqualTo(ids.size() - 1);
    assertThat(trades.stream().filter(Trade::backfilled)).hasSize(1);
  }

  private static String line(long micros, String stream, byte[] payload) {
    return micros
        + "\tupbit\t"
        + stream
        + "\t"
        + new String(payload, StandardCharsets.UTF_8).strip();
  }

  /**
   * The event minus its receive time, and minus {@code closed} for candles: a replayed candle is
   * older than the one the venue sent at subscription, so it arrives as a correction of a final
   * candle ({@code closed: true}); the golden file holds it as a fresh update.
   */
  private static JsonNode withoutReceivedAt(JsonNode event) {
    ObjectNode copy = event.deepCopy();
    copy.remove("receivedAt");
    copy.remove("closed");
    return copy;
  }

  private static Topic<String, ? extends MarketEvent> topicOf(JsonNode event) {
    if (event.has("tradeId")) {
      return Topics.TRADES;
    }
    if (event.has("bids")) {
      return Topics.BOOK;
    }
    if (event.has("interval")) {
      return Topics.KLINES;
    }
    return Topics.TICKERS;
  }

  private <V extends MarketEvent> List<JsonNode> readJson(
      Topic<String, V> topic, java.util.function.Predicate<List<JsonNode>> done) {
    return readUntil(
            topic,
            values ->
                done.test(
                    values.stream().map(v -> (JsonNode) Json.mapper().valueToTree(v)).toList()))
        .stream()
        .map(v -> (JsonNode) Json.mapper().valueToTree(v))
        .toList();
  }
}
