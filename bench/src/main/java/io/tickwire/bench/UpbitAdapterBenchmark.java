package io.tickwire.bench;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.MarketTopics;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.upbit.SequentialIds;
import io.tickwire.connector.upbit.UpbitFormat;
import io.tickwire.connector.upbit.UpbitProtocol;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.StreamNames;
import io.tickwire.model.Topic;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
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
 * connector-upbit's data path on one core, as the engine runs it for every frame: the frame's bytes
 * are classified (stream by type and code), normalized by the pure adapter, and the event is
 * serialized by its topic's serde into the bytes the producer sends. The orderbook has 15 units (30
 * levels), the trade is the documented one. Two copies of each payload alternate, so every
 * operation parses its frame (the protocol caches only the last frame it read).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class UpbitAdapterBenchmark {

  private UpbitProtocol protocol;
  private Frame[] bookDefault;
  private Frame[] bookSimple;
  private Frame[] trade;
  private int next;

  @Setup
  public void setUp() {
    protocol = new UpbitProtocol("upbit", UpbitFormat.DEFAULT, "bench", SequentialIds.AUTO);
    protocol.streamName(StreamNames.fromUpbit("upbit", "orderbook:KRW-BTC.15", "bench", null, 0));
    bookDefault = frames(orderbook(false));
    bookSimple = frames(orderbook(true));
    trade =
        frames(
            "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"timestamp\":1730336862082,"
                + "\"trade_date\":\"2024-10-31\",\"trade_time\":\"01:07:42\","
                + "\"trade_timestamp\":1730336862047,\"trade_price\":100473000.00000000,"
                + "\"trade_volume\":0.00014208,\"ask_bid\":\"BID\","
                + "\"prev_closing_price\":100571000.00000000,\"change\":\"FALL\","
                + "\"change_price\":98000.00000000,\"sequential_id\":17303368620470000,"
                + "\"best_ask_price\":100473000,\"best_ask_size\":0.43139478,"
                + "\"best_bid_price\":100465000,\"best_bid_size\":0.01990656,"
                + "\"stream_type\":\"REALTIME\"}");
  }

  /** A 15-unit KRW-BTC book as Upbit writes it (prices in 1,000 KRW ticks). */
  static String orderbook(boolean simple) {
    StringBuilder b = new StringBuilder();
    b.append(
        simple
            ? "{\"ty\":\"orderbook\",\"cd\":\"KRW-BTC\",\"tms\":1730336862082,"
            : "{\"type\":\"orderbook\",\"code\":\"KRW-BTC\",\"timestamp\":1730336862082,");
    b.append(
        simple
            ? "\"tas\":12.48391123,\"tbs\":9.1203118,\"obu\":["
            : "\"total_ask_size\":12.48391123,\"total_bid_size\":9.1203118,\"orderbook_units\":[");
    for (int i = 0; i < 15; i++) {
      String qty = String.format(Locale.ROOT, "%d.%08d", i % 3, 1_234_567 * (i + 1) % 100_000_000);
      b.append(i == 0 ? "" : ",")
          .append(simple ? "{\"ap\":" : "{\"ask_price\":")
          .append(100_474_000 + i * 1000)
          .append(".0")
          .append(simple ? ",\"bp\":" : ",\"bid_price\":")
          .append(100_473_000 - i * 1000)
          .append(".0")
          .append(simple ? ",\"as\":" : ",\"ask_size\":")
          .append(qty)
          .append(simple ? ",\"bs\":" : ",\"bid_size\":")
          .append(i % 4 == 0 ? "1.5E-4" : qty)
          .append('}');
    }
    b.append(
        simple ? "],\"lv\":0,\"st\":\"REALTIME\"}" : "],\"level\":0,\"stream_type\":\"REALTIME\"}");
    return b.toString();
  }

  private static Frame[] frames(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return new Frame[] {
      new Frame(bytes.clone(), true, 1730336862090000L, "bench"),
      new Frame(bytes.clone(), true, 1730336862090000L, "bench")
    };
  }

  @Benchmark
  public byte[] orderbook15Default() throws Exception {
    return frameToBytes(bookDefault[next++ & 1]);
  }

  /** Only the first step, reading the frame (classify parses it), to show where the time goes. */
  @Benchmark
  public Inbound orderbook15ReadOnly() throws Exception {
    return protocol.classify(bookDefault[next++ & 1]);
  }

  @Benchmark
  public byte[] orderbook15Simple() throws Exception {
    return frameToBytes(bookSimple[next++ & 1]);
  }

  @Benchmark
  public byte[] trade() throws Exception {
    return frameToBytes(trade[next++ & 1]);
  }

  private byte[] frameToBytes(Frame frame) throws Exception {
    String stream = ((Inbound.Data) protocol.classify(frame)).stream();
    Normalized normalized = protocol.normalize(stream, frame);
    MarketEvent event = normalized.events().get(0);
    Topic<String, MarketEvent> topic = MarketTopics.of(event);
    return topic.valueSerde().serializer().serialize(topic.name(), event);
  }
}
