package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.MarketTopics;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.upbit.wire.UpbitTick;
import io.tickwire.connector.upbit.wire.UpbitWire;
import io.tickwire.model.Json;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.StreamNames;
import io.tickwire.model.Topic;
import io.tickwire.model.Trade;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden mapping, one test per Upbit message type: each documented payload, in the DEFAULT format
 * and in the SIMPLE one (same content, abbreviated keys, some numbers in exponent form), goes
 * through the production path (classify, then normalize) and must give the same normalized event,
 * serialized by the topic's own serde.
 */
class UpbitMappingTest {

  private final UpbitProtocol protocol =
      new UpbitProtocol("upbit", UpbitFormat.DEFAULT, "test", SequentialIds.AUTO);

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "default, ticker, ticker:KRW-BTC",
    "simple, ticker, ticker:KRW-BTC",
    "default, ticker-fall, ticker:KRW-XRP",
    "simple, ticker-fall, ticker:KRW-XRP"
  })
  void ticker(String format, String file, String stream) throws Exception {
    assertMapsTo(format, file, stream);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "default, trade, trade:KRW-BTC",
    "simple, trade, trade:KRW-BTC",
    "default, trade-no-timestamp, trade:KRW-ETH",
    "simple, trade-no-timestamp, trade:KRW-ETH"
  })
  void trade(String format, String file, String stream) throws Exception {
    Normalized n = assertMapsTo(format, file, stream);

    Trade trade = (Trade) n.events().get(0);
    // live ids are trade time x 10^4 + n: unique, not contiguous, so no gap check by id
    assertThat(n.sequence()).isEqualTo(Sequence.increasing(trade.tradeId()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "default, orderbook, orderbook:KRW-BTC.1",
    "simple, orderbook, orderbook:KRW-BTC.1",
    "default, orderbook-grouped, orderbook:KRW-BTC.15@10000",
    "simple, orderbook-grouped, orderbook:KRW-BTC.15@10000"
  })
  void orderbook(String format, String file, String stream) throws Exception {
    protocol.streamName(StreamNames.fromUpbit("upbit", stream, "test", null, 0));

    assertMapsTo(format, file, stream);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "default, candle, candle.1s:KRW-BTC",
    "simple, candle, candle.1s:KRW-BTC",
    "default, candle-60m, candle.60m:KRW-ETH",
    "simple, candle-60m, candle.60m:KRW-ETH"
  })
  void candle(String format, String file, String stream) throws Exception {
    assertMapsTo(format, file, stream);
  }

  @Test
  void restTicksAreBackfilledTradesLikeTheWebSocketOnes() throws Exception {
    List<UpbitTick> ticks = UpbitWire.ticks(Golden.bytes("wire/default/ticks.json"));

    Trade newest = UpbitAdapter.tick("upbit", ticks.get(0), Golden.RECEIVED_AT);
    Trade older = UpbitAdapter.tick("upbit", ticks.get(1), Golden.RECEIVED_AT);

    JsonNode expected = Golden.event("trade");
    JsonNode actual = Json.mapper().valueToTree(newest);
    assertThat(actual.get("backfilled").asBoolean()).isTrue();
    for (String field :
        List.of("symbol", "tradeId", "price", "quantity", "takerSide", "tradeTime")) {
      assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
    }
    assertThat(older.price()).isEqualTo("100465000");
    assertThat(older.takerSide()).isEqualTo(io.tickwire.model.Side.SELL);
    assertThat(older.tradeId()).isEqualTo(17303368619200001L);
  }

  private Normalized assertMapsTo(String format, String file, String stream) throws Exception {
    Frame frame = Golden.frame(format, file);

    Inbound inbound = protocol.classify(frame);
    assertThat(inbound).isEqualTo(new Inbound.Data(stream));

    Normalized n = protocol.normalize(stream, frame);
    assertThat(n.events()).hasSize(1);
    MarketEvent event = n.events().get(0);
    Topic<String, MarketEvent> topic = MarketTopics.of(event);
    byte[] written = topic.valueSerde().serializer().serialize(topic.name(), event);
    assertThat(Json.mapper().readTree(written)).isEqualTo(Golden.event(file));
    assertThat(n.eventTime()).isEqualTo(Golden.event(file).get("eventTime").asLong());
    return n;
  }
}
