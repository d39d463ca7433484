package io.tickwire.bench;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.MarketTopics;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.binance.BinanceChannel;
import io.tickwire.connector.binance.BinanceMarket;
import io.tickwire.connector.binance.BinanceProtocol;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.Topic;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * connector-binance's hot path per frame, exactly as the connector runs it: classify the frame
 * (stream name of the combined wrapper), normalize it (streaming read into the wire DTO, the pure
 * adapter, the sequence), and serialize the event with its topic's serde (the bytes that go to
 * Kafka). One thread = one core. Targets (issue 4): 500,000 trades/s and 100,000 depth updates/s
 * per core. The depth update carries 20 bids and 20 asks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BinanceAdapterBenchmark {

  private final BinanceProtocol spot =
      new BinanceProtocol(
          BinanceMarket.SPOT,
          "binance-spot",
          BinanceSymbols.withDefaultQuotes(),
          BinanceChannel.Route.MARKET,
          200);

  private Frame trade;
  private Frame aggTrade;
  private Frame depthUpdate;
  private Frame kline;

  @Setup
  public void setUp() {
    trade =
        frame(
            "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1672515782136,"
                + "\"s\":\"BTCUSDT\",\"t\":3372165372,\"p\":\"64123.45000000\",\"q\":\"0.00150000\","
                + "\"T\":1672515782136,\"m\":true,\"M\":true}}");
    aggTrade =
        frame(
            "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1672515782136,"
                + "\"s\":\"BTCUSDT\",\"a\":2849376123,\"p\":\"64123.45000000\",\"q\":\"0.00150000\","
                + "\"f\":3372165370,\"l\":3372165372,\"T\":1672515782136,\"m\":true,\"M\":true}}");
    StringBuilder bids = new StringBuilder();
    StringBuilder asks = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      bids.append(i == 0 ? "" : ",")
          .append("[\"6412")
          .append(3 - i % 3)
          .append('.')
          .append(10 + i)
          .append("000000\",\"0.")
          .append(100 + i)
          .append("00000\"]");
      asks.append(i == 0 ? "" : ",")
          .append("[\"6412")
          .append(4 + i % 3)
          .append('.')
          .append(10 + i)
          .append("000000\",\"1.")
          .append(100 + i)
          .append("00000\"]");
    }
    depthUpdate =
        frame(
            "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\","
                + "\"E\":1672515782136,\"s\":\"BTCUSDT\",\"U\":48937492811,\"u\":48937492904,"
                + "\"b\":["
                + bids
                + "],\"a\":["
                + asks
                + "]}}");
    kline =
        frame(
            "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1672515782136,"
                + "\"s\":\"BTCUSDT\",\"k\":{\"t\":1672515780000,\"T\":1672515839999,"
                + "\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":3372165300,\"L\":3372165372,"
                + "\"o\":\"64100.00000000\",\"c\":\"64123.45000000\",\"h\":\"64130.00000000\","
                + "\"l\":\"64090.01000000\",\"v\":\"12.34500000\",\"n\":73,\"x\":false,"
                + "\"q\":\"791234.56780000\",\"V\":\"6.10000000\",\"Q\":\"391000.12000000\","
                + "\"B\":\"0\"}}}");
  }

  private static Frame frame(String json) {
    return new Frame(json.getBytes(StandardCharsets.UTF_8), false, 1672515782137000L, "bench/1");
  }

  @Benchmark
  public byte[] trade() throws Exception {
    return toKafkaBytes(trade);
  }

  @Benchmark
  public byte[] aggTrade() throws Exception {
    return toKafkaBytes(aggTrade);
  }

  @Benchmark
  public byte[] depthUpdate20x20() throws Exception {
    return toKafkaBytes(depthUpdate);
  }

  @Benchmark
  public byte[] kline() throws Exception {
    return toKafkaBytes(kline);
  }

  private byte[] toKafkaBytes(Frame frame) throws Exception {
    Inbound.Data data = (Inbound.Data) spot.classify(frame);
    Normalized normalized = spot.normalize(data.stream(), frame);
    MarketEvent event = normalized.events().get(0);
    Topic<String, MarketEvent> topic = MarketTopics.of(event);
    return topic.valueSerde().serializer().serialize(topic.name(), event);
  }
}
