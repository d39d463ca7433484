package io.tickwire.jobs.kline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.jobs.JobDriver;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Kline;
import io.tickwire.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** kline-closer's rules, on its production topology, with explicit record timestamps. */
class KlineCloserTest {

  private static final long T = JobDriver.START.toEpochMilli();
  private static final long MINUTE = 60_000;
  private static final Duration RETENTION = Duration.ofDays(1);

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final KlineCloserConfig config =
      new KlineCloserConfig("test-kline-closer", Topics.KLINES, Topics.KLINES_CLOSED, RETENTION);
  private JobDriver driver;
  private TestInputTopic<String, Kline> klines;
  private TestOutputTopic<String, Kline> closed;

  @BeforeEach
  void start() {
    driver = new JobDriver(KlineCloser.job(config, meters));
    klines = driver.input(Topics.KLINES);
    closed = driver.output(Topics.KLINES_CLOSED);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aClosedCandleIsPublishedByteForByte() {
    byte[] written =
        "{\"venue\":\"binance-spot\",\"symbol\":\"BTC-USDT\",\"nativeSymbol\":\"BTCUSDT\",\"interval\":\"1m\",\"openTime\":1767607200000,\"closeTime\":1767607259999,\"open\":\"1.10\",\"high\":\"1.20\",\"low\":\"1.00\",\"close\":\"1.15\",\"volume\":\"10\",\"closed\":true,\"eventTime\":1767607260001,\"receivedAt\":1767607260002000,\"addedLater\":{\"x\":[1]}}"
            .getBytes(StandardCharsets.UTF_8);

    driver.rawInput(Topics.KLINES).pipeInput("binance-spot:BTC-USDT", written, T + MINUTE);

    assertThat(
            driver
                .driver()
                .createOutputTopic(
                    Topics.KLINES_CLOSED.name(),
                    new org.apache.kafka.common.serialization.StringDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer())
                .readValue())
        .isEqualTo(written);
  }

  @Test
  void publishesOnlyTheClosedUpdateOfACandle() {
    send(candle("BTC-USDT", "1m", T, "100", false), T + 2_000);
    send(candle("BTC-USDT", "1m", T, "101", false), T + 4_000);
    send(candle("BTC-USDT", "1m", T, "102", true), T + MINUTE);

    List<KeyValue<String, Kline>> out = closed.readKeyValuesToList();

    assertThat(out).hasSize(1);
    assertThat(out.get(0).key).isEqualTo("binance-spot:BTC-USDT");
    assertThat(out.get(0).value.close()).isEqualTo("102");
    assertThat(out.get(0).value.closed()).isTrue();
  }

  @Test
  void aReconnectDuplicateIsDroppedEvenWhenItDiffers() {
    send(candle("BTC-USDT", "1m", T, "102", true), T + MINUTE);
    send(candle("BTC-USDT", "1m", T, "102", true), T + MINUTE + 5);
    send(candle("BTC-USDT", "1m", T, "103", true), T + MINUTE + 9);

    assertThat(closed.readValuesToList()).extracting(Kline::close).containsExactly("102");
    assertThat(meters.get("stream.jobs.klines.duplicates").counter().count()).isEqualTo(2.0);
    assertThat(meters.get("stream.jobs.klines.conflicting").counter().count()).isEqualTo(1.0);
  }

  @Test
  void aReplayOfEarlierCandlesPublishesNothingTwice() {
    for (int i = 0; i < 5; i++) {
      send(candle("ETH-USDT", "1m", T + i * MINUTE, "10" + i, true), T + (i + 1) * MINUTE);
    }
    for (int i = 0; i < 5; i++) { // the connector replays the last five minutes after a restart
      send(candle("ETH-USDT", "1m", T + i * MINUTE, "10" + i, true), T + 6 * MINUTE + i);
    }
    send(candle("ETH-USDT", "1m", T + 5 * MINUTE, "105", true), T + 7 * MINUTE);

    assertThat(closed.readValuesToList())
        .extracting(Kline::openTime)
        .containsExactly(
            T, T + MINUTE, T + 2 * MINUTE, T + 3 * MINUTE, T + 4 * MINUTE, T + 5 * MINUTE);
  }

  @Test
  void outOfOrderUpdatesPublishEachCandleOnce() {
    send(candle("BTC-USDT", "1m", T + MINUTE, "201", true), T + 2 * MINUTE);
    send(candle("BTC-USDT", "1m", T, "200", true), T + 2 * MINUTE + 1); // an older candle, later
    send(candle("BTC-USDT", "1m", T, "199", false), T + 2 * MINUTE + 2); // a stale open update
    send(candle("BTC-USDT", "1m", T + MINUTE, "201", true), T + 2 * MINUTE + 3);
    send(candle("BTC-USDT", "1m", T, "200", true), T + 2 * MINUTE + 4);

    assertThat(closed.readValuesToList())
        .extracting(Kline::openTime)
        .containsExactly(T + MINUTE, T);
  }

  @Test
  void instrumentsAndIntervalsAreCandlesOfTheirOwn() {
    send(candle("BTC-USDT", "1m", T, "1", true), T + MINUTE);
    send(candle("ETH-USDT", "1m", T, "2", true), T + MINUTE);
    send(candle("BTC-USDT", "1s", T, "3", true), T + 1_000);
    Kline upbit =
        new Kline(
            "upbit",
            "BTC-KRW",
            "KRW-BTC",
            "1m",
            T,
            T + MINUTE - 1,
            "1",
            "1",
            "1",
            "4",
            "1",
            null,
            null,
            null,
            null,
            true,
            T + MINUTE,
            0);
    send(upbit, T + MINUTE);

    assertThat(closed.readKeyValuesToList())
        .extracting(kv -> kv.key + " " + kv.value.interval())
        .containsExactly(
            "binance-spot:BTC-USDT 1m",
            "binance-spot:ETH-USDT 1m",
            "binance-spot:BTC-USDT 1s",
            "upbit:BTC-KRW 1m");
  }

  @Test
  void theStoreForgetsCandlesOnceTheyAreOlderThanTheRetention() {
    send(candle("BTC-USDT", "1m", T, "1", true), T + MINUTE);
    WindowStore<String, Long> store = driver.driver().getWindowStore(KlineCloser.PUBLISHED_STORE);
    assertThat(entries(store)).hasSize(1);

    long twoDaysLater = T + Duration.ofDays(2).toMillis();
    send(candle("BTC-USDT", "1m", twoDaysLater, "2", true), twoDaysLater + MINUTE);

    assertThat(entries(store))
        .extracting(entry -> entry.key.window().start())
        .containsExactly(twoDaysLater + MINUTE - 1);
  }

  @Test
  void aCandleTooOldToCheckGoesToTheDeadLetterTopicInsteadOfTwiceToTheOutput() {
    send(candle("BTC-USDT", "1m", T, "1", true), T + MINUTE);
    long twoDaysLater = T + Duration.ofDays(2).toMillis();
    send(candle("BTC-USDT", "1m", twoDaysLater, "2", true), twoDaysLater + MINUTE);

    send(candle("BTC-USDT", "1m", T, "1", true), twoDaysLater + MINUTE + 1); // a replay

    assertThat(closed.readValuesToList()).extracting(Kline::close).containsExactly("1", "2");
    DeadLetter letter = driver.deadLetters().readValue();
    assertThat(letter.source()).isEqualTo("stream-jobs/kline-closer");
    assertThat(letter.originTopic()).isEqualTo("md.klines.v1");
    assertThat(letter.originOffset()).isEqualTo(2L);
    assertThat(letter.error())
        .contains("binance-spot:BTC-USDT:1m:" + T)
        .contains("KLINE_CLOSER_RETENTION");
    assertThat(letter.payload()).contains("\"closed\":true");
  }

  @Test
  void aCandleClosingLongAfterItsRecordIsRefused() {
    send(candle("BTC-USDT", "1m", T + Duration.ofDays(3).toMillis(), "9", true), T);
    send(candle("BTC-USDT", "1m", T, "1", true), T + MINUTE);

    assertThat(closed.readValuesToList()).extracting(Kline::close).containsExactly("1");
    assertThat(driver.deadLetters().readValue().error()).contains("after its record was written");
  }

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAndTheJobCarriesOn() {
    driver
        .rawInput(Topics.KLINES)
        .pipeInput("binance-spot:BTC-USDT", "{\"venue\":".getBytes(StandardCharsets.UTF_8), T);
    driver
        .input(Topics.KLINES)
        .pipeInput("binance-spot:BTC-USDT", candle("BTC-USDT", "1m", T, "1", true), T + MINUTE);

    assertThat(closed.readValuesToList()).hasSize(1);
    DeadLetter letter = driver.deadLetters().readValue();
    assertThat(letter.originTopic()).isEqualTo("md.klines.v1");
    assertThat(letter.originPartition()).isZero();
    assertThat(letter.originOffset()).isZero();
    assertThat(letter.error()).startsWith("cannot read the record: ");
    assertThat(letter.payload()).isEqualTo("{\"venue\":");
  }

  private void send(Kline candle, long recordTime) {
    klines.pipeInput(candle.instrumentKey(), candle, recordTime);
  }

  static Kline candle(String symbol, String interval, long openTime, String close, boolean done) {
    long length = interval.equals("1s") ? 1_000 : MINUTE;
    return new Kline(
        "binance-spot",
        symbol,
        symbol.replace("-", ""),
        interval,
        openTime,
        openTime + length - 1,
        "1",
        "2",
        "0.5",
        close,
        "10",
        "100",
        "5",
        "50",
        7L,
        done,
        openTime + length,
        (openTime + length) * 1000);
  }

  private static List<KeyValue<Windowed<String>, Long>> entries(WindowStore<String, Long> store) {
    try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
      List<KeyValue<Windowed<String>, Long>> entries = new java.util.ArrayList<>();
      all.forEachRemaining(entries::add);
      return entries;
    }
  }
}
