package io.tickwire.jobs.premium;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.jobs.JobDriver;
import io.tickwire.model.BookTop;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Premium;
import io.tickwire.model.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** premium's rules on its production topology, with a mocked wall clock for the cadence. */
class PremiumJobTest {

  private static final long T = JobDriver.START.toEpochMilli();
  private static final Duration CADENCE = Duration.ofMillis(100);
  private static final PremiumConfig CONFIG =
      new PremiumConfig(
          "test-premium",
          Topics.BOOK_TOP,
          Topics.PREMIUM,
          CADENCE,
          Duration.ofSeconds(5),
          "upbit",
          "binance-spot");

  private JobDriver driver;
  private TestInputTopic<String, BookTop> tops;
  private TestOutputTopic<String, Premium> premiums;

  @BeforeEach
  void start() {
    driver = new JobDriver(PremiumJob.job(CONFIG, new SimpleMeterRegistry()));
    tops = driver.input(Topics.BOOK_TOP);
    premiums = driver.output(Topics.PREMIUM);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void publishesThePremiumOnceAllThreeInputsAreThere() {
    send(top("upbit", "BTC-KRW", "87500000", T));
    send(top("binance-spot", "BTC-USDT", "62000.05", T + 20));
    assertThat(tick()).isEmpty(); // no USDT-KRW rate yet

    send(top("upbit", "USDT-KRW", "1385.5", T + 50));
    List<KeyValue<String, Premium>> published = tickRecords();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).key).isEqualTo("upbit:BTC-KRW");
    Premium premium = published.get(0).value;
    assertThat(premium.base()).isEqualTo("BTC");
    assertThat(premium.nativeSymbol()).isEqualTo("KRW-BTC");
    assertThat(premium.mid()).isEqualTo("87500000");
    assertThat(premium.referenceVenue()).isEqualTo("binance-spot");
    assertThat(premium.referenceSymbol()).isEqualTo("BTC-USDT");
    assertThat(premium.referenceMid()).isEqualTo("62000.05");
    assertThat(premium.fxSymbol()).isEqualTo("USDT-KRW");
    assertThat(premium.fxMid()).isEqualTo("1385.5");
    assertThat(premium.impliedMid()).isEqualTo("85901069.275");
    assertThat(premium.premiumBps()).isEqualTo("186.14"); // 87,500,000 / 85,901,069.275 - 1
    assertThat(premium.sourceTime()).isEqualTo(T);
    assertThat(premium.referenceSourceTime()).isEqualTo(T + 20);
    assertThat(premium.fxSourceTime()).isEqualTo(T + 50);
    assertThat(premium.time()).isEqualTo(T + 2 * CADENCE.toMillis());
  }

  @Test
  void publishesOnlyWhenAMidChanged() {
    sendAll("BTC", "87500000", "62000.05", "1385.5", T);
    send(top("upbit", "ETH-KRW", "4500000", T));
    send(top("binance-spot", "ETH-USDT", "3200", T));
    assertThat(tick()).extracting(Premium::base).containsExactlyInAnyOrder("BTC", "ETH");
    assertThat(tick()).isEmpty();

    send(top("binance-spot", "BTC-USDT", "62000.05", T + 150)); // same mid, newer book
    assertThat(tick()).isEmpty();

    send(top("upbit", "BTC-KRW", "87600000", T + 250));
    assertThat(tick()).extracting(Premium::mid).containsExactly("87600000");

    send(top("upbit", "USDT-KRW", "1386", T + 350)); // the rate moves every premium
    assertThat(tick()).extracting(Premium::base).containsExactlyInAnyOrder("BTC", "ETH");
  }

  @Test
  void publishesNothingWhileAnyInputIsStale() {
    sendAll("BTC", "87500000", "62000.05", "1385.5", T);
    assertThat(tick()).hasSize(1);

    driver.driver().advanceWallClockTime(Duration.ofSeconds(6));
    premiums.readValuesToList();
    long now = T + 6_100;
    send(top("upbit", "BTC-KRW", "87000000", now)); // fresh, but the other two are 6 s old
    assertThat(tick()).isEmpty();

    send(top("binance-spot", "BTC-USDT", "62000.05", now));
    assertThat(tick()).isEmpty(); // the rate is still 6 s old

    send(top("upbit", "USDT-KRW", "1385.5", now));
    List<Premium> published = tick();

    assertThat(published).extracting(Premium::mid).containsExactly("87000000");
    assertThat(published.get(0).fxSourceTime()).isEqualTo(now);
  }

  @Test
  void aBrokenBookStopsThePremiumUntilItIsValidAgain() {
    sendAll("BTC", "87500000", "62000.05", "1385.5", T);
    assertThat(tick()).hasSize(1);

    send(broken("binance-spot", "BTC-USDT", T + 110));
    send(top("upbit", "BTC-KRW", "87700000", T + 120));
    assertThat(tick()).isEmpty();

    send(top("binance-spot", "BTC-USDT", "62010", T + 210));
    assertThat(tick()).extracting(Premium::referenceMid).containsExactly("62010");
  }

  @Test
  void onlyTheConfiguredVenuesAndQuotesAreInputs() {
    sendAll("BTC", "87500000", "62000.05", "1385.5", T);
    send(top("binance-usdm", "BTC-USDT", "1", T)); // futures, not the spot reference
    send(top("upbit", "ETH-BTC", "0.05", T)); // a BTC market on Upbit
    send(top("binance-spot", "BTC-USDC", "2", T)); // another quote asset

    List<Premium> published = tick();

    assertThat(published).hasSize(1);
    assertThat(published.get(0).referenceMid()).isEqualTo("62000.05");
  }

  @Test
  void aMidThatIsNotDecimalGoesToTheDeadLetterTopic() {
    send(top("upbit", "BTC-KRW", "lots", T));

    DeadLetter letter = driver.deadLetters().readValue();

    assertThat(letter.source()).isEqualTo("stream-jobs/premium");
    assertThat(letter.error()).isEqualTo("book top BTC-KRW has a mid that is not decimal: lots");
    assertThat(letter.originTopic()).isEqualTo("test-premium-premium-quotes-repartition");
  }

  @Test
  void anUnreadableBookTopGoesToTheDeadLetterTopic() {
    driver
        .rawInput(Topics.BOOK_TOP)
        .pipeInput("upbit:BTC-KRW", "[1,2]".getBytes(java.nio.charset.StandardCharsets.UTF_8), T);

    DeadLetter letter = driver.deadLetters().readValue();

    assertThat(letter.originTopic()).isEqualTo("md.book.top.v1");
    assertThat(letter.error()).isEqualTo("cannot read the record: not a JSON object");
  }

  @Test
  void theRateGoesToEveryPartitionAndAnAssetsQuotesToOne() {
    PremiumJob.RateToEveryPartition partitioner = new PremiumJob.RateToEveryPartition();
    Quote rate =
        Quote.of(new TopFields("upbit", "USDT-KRW", "KRW-USDT", true, "1385", T), CONFIG)
            .orElseThrow();
    Quote local =
        Quote.of(new TopFields("upbit", "BTC-KRW", "KRW-BTC", true, "1", T), CONFIG).orElseThrow();

    assertThat(partitioner.partitions("t", "USDT", rate, 6))
        .contains(java.util.Set.of(0, 1, 2, 3, 4, 5));
    assertThat(partitioner.partitions("t", "BTC", local, 6)).isEmpty();
  }

  private void sendAll(String base, String krw, String usdt, String rate, long time) {
    send(top("upbit", base + "-KRW", krw, time));
    send(top("binance-spot", base + "-USDT", usdt, time));
    send(top("upbit", "USDT-KRW", rate, time));
  }

  private void send(BookTop top) {
    tops.pipeInput(top.instrumentKey(), top, top.time());
  }

  private List<Premium> tick() {
    return tickRecords().stream().map(kv -> kv.value).toList();
  }

  private List<KeyValue<String, Premium>> tickRecords() {
    driver.driver().advanceWallClockTime(CADENCE);
    return premiums.readKeyValuesToList();
  }

  static BookTop top(String venue, String symbol, String mid, long sourceTime) {
    return new BookTop(
        venue,
        symbol,
        nativeSymbol(venue, symbol),
        BookTop.Status.OK,
        20,
        List.of(),
        List.of(),
        mid,
        mid,
        mid,
        "0",
        "0",
        "0",
        List.of(),
        1,
        sourceTime,
        sourceTime + 5);
  }

  private static BookTop broken(String venue, String symbol, long time) {
    return new BookTop(
        venue,
        symbol,
        nativeSymbol(venue, symbol),
        BookTop.Status.BROKEN,
        20,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        1,
        time,
        time + 5,
        "gap");
  }

  private static String nativeSymbol(String venue, String symbol) {
    String[] parts = symbol.split("-");
    return venue.equals("upbit") ? parts[1] + "-" + parts[0] : parts[0] + parts[1];
  }
}
