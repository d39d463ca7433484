package io.tickwire.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Json;
import io.tickwire.model.Level;
import io.tickwire.model.Side;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
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
 * The contract's serdes on the hot path: a normalized trade and a 20-level book event, each way.
 * Targets (issue 2): 1,000,000 trades/s and 200,000 book events/s per core each way. The {@code
 * *Databind} baselines read the same bytes with plain Jackson databind, so the ratio holds even on
 * a noisy machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SerdeBenchmark {

  private final Serializer<Trade> tradeWriter = Topics.TRADES.valueSerde().serializer();
  private final Deserializer<Trade> tradeReader = Topics.TRADES.valueSerde().deserializer();
  private final Serializer<BookEvent> bookWriter = Topics.BOOK.valueSerde().serializer();
  private final Deserializer<BookEvent> bookReader = Topics.BOOK.valueSerde().deserializer();

  private final ObjectReader tradeDatabind = Json.mapper().readerFor(Trade.class);
  private final ObjectReader bookDatabind = Json.mapper().readerFor(BookEvent.class);

  private Trade trade;
  private byte[] tradeBytes;
  private BookEvent book;
  private byte[] bookBytes;

  @Setup
  public void setUp() {
    trade =
        new Trade(
            "binance-spot",
            "BTC-USDT",
            "BTCUSDT",
            Trade.Kind.AGG_TRADE,
            5933014L,
            100L,
            105L,
            "64123.45000000",
            "0.00150000",
            Side.SELL,
            1672515782136L,
            1672515782136L,
            1672515782140123L,
            false);
    tradeBytes = tradeWriter.serialize("md.trades.v1", trade);
    List<Level> bids = new ArrayList<>();
    List<Level> asks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      bids.add(
          new Level("6412" + (3 - i % 3) + "." + (10 + i) + "000000", "0." + (100 + i) + "00000"));
      asks.add(
          new Level("6412" + (4 + i % 3) + "." + (10 + i) + "000000", "1." + (100 + i) + "00000"));
    }
    book =
        new BookEvent(
            "binance-usdm",
            "BTC-USDT",
            "BTCUSDT",
            BookEvent.Kind.DELTA,
            null,
            157L,
            160L,
            149L,
            bids,
            asks,
            1672515782136L,
            1672515782135L,
            1672515782140123L);
    bookBytes = bookWriter.serialize("md.book.v1", book);
  }

  @Benchmark
  public byte[] serializeTrade() {
    return tradeWriter.serialize("md.trades.v1", trade);
  }

  @Benchmark
  public Trade deserializeTrade() {
    return tradeReader.deserialize("md.trades.v1", tradeBytes);
  }

  @Benchmark
  public byte[] serializeBook20() {
    return bookWriter.serialize("md.book.v1", book);
  }

  @Benchmark
  public BookEvent deserializeBook20() {
    return bookReader.deserialize("md.book.v1", bookBytes);
  }

  @Benchmark
  public Trade deserializeTradeDatabind() throws Exception {
    return tradeDatabind.readValue(tradeBytes);
  }

  @Benchmark
  public BookEvent deserializeBook20Databind() throws Exception {
    return bookDatabind.readValue(bookBytes);
  }
}
