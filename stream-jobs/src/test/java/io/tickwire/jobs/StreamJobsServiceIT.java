package io.tickwire.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.kit.ServiceHost;
import io.tickwire.model.BookEvent;
import io.tickwire.model.BookTop;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Json;
import io.tickwire.model.Kline;
import io.tickwire.model.Level;
import io.tickwire.model.Premium;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code stream-jobs} hosted as {@code tickwire run --target stream-jobs} hosts it, on a real
 * broker under a topic prefix: all three jobs run, report ready, read and write the prefixed
 * topics, and an unreadable record becomes a dead letter through the exactly-once producer.
 */
class StreamJobsServiceIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private final String prefix = KafkaExtension.uniquePrefix();

  @Test
  void allJobsRunUnderThePrefixAndReportTheirState() throws Exception {
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
            "TOPIC_PREFIX", prefix,
            "HEALTH_PORT_BASE", "0",
            "PREMIUM_MAX_AGE", "60s", // a slow CI machine must not make the inputs stale
            "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "100");
    try (ServiceHost host = ServiceHost.start(List.of(new StreamJobsProvider()), env)) {
      await().atMost(Duration.ofSeconds(60)).until(host::ready);
      JsonNode ready = readiness(host.services().get(0).health().port());
      assertThat(ready.at("/status").asText()).isEqualTo("UP");
      for (String job : List.of("kline-closer", "book-aggregator", "premium")) {
        assertThat(ready.at("/checks/" + job + "/healthy").asBoolean()).as(job).isTrue();
      }

      long now = System.currentTimeMillis();
      KAFKA
          .client()
          .send(
              prefixed(Topics.BOOK),
              book("upbit", "BTC-KRW", "KRW-BTC", "87490000", "87510000", now),
              book("upbit", "USDT-KRW", "KRW-USDT", "1385", "1386", now),
              book("binance-spot", "BTC-USDT", "BTCUSDT", "62000", "62000.1", now));

      List<ConsumerRecord<String, Premium>> premiums =
          KAFKA.client().read(prefixed(Topics.PREMIUM), 1, Duration.ofSeconds(60));
      assertThat(premiums.get(0).key()).isEqualTo("upbit:BTC-KRW");
      assertThat(premiums.get(0).value().premiumBps()).isEqualTo("186.14");
      List<ConsumerRecord<String, BookTop>> tops =
          KAFKA.client().read(prefixed(Topics.BOOK_TOP), 3, Duration.ofSeconds(30));
      assertThat(tops)
          .extracting(r -> r.key() + " " + r.value().status() + " " + r.value().mid())
          .containsExactlyInAnyOrder(
              "upbit:BTC-KRW OK 87500000",
              "upbit:USDT-KRW OK 1385.5",
              "binance-spot:BTC-USDT OK 62000.05");

      // unreadable for the job's deserializer (book events) and for its own reader (candles)
      sendRaw(Topics.BOOK, "{\"kind\":\"sideways\"}");
      sendRaw(Topics.KLINES, "{\"venue\":1");
      Kline candle = closedCandle(now);
      KAFKA.client().send(prefixed(Topics.KLINES), Map.entry(candle.instrumentKey(), candle));

      List<DeadLetter> letters =
          KAFKA.client().read(prefixed(Topics.DEAD_LETTERS), 2, Duration.ofSeconds(30)).stream()
              .map(ConsumerRecord::value)
              .toList();
      assertThat(letters)
          .extracting(DeadLetter::source, DeadLetter::originTopic, DeadLetter::payload)
          .containsExactlyInAnyOrder(
              tuple(
                  "stream-jobs/book-aggregator", prefix + "md.book.v1", "{\"kind\":\"sideways\"}"),
              tuple("stream-jobs/kline-closer", prefix + "md.klines.v1", "{\"venue\":1"));
      assertThat(letters).allMatch(letter -> letter.originOffset() != null);
      assertThat(KAFKA.client().read(prefixed(Topics.KLINES_CLOSED), 1, Duration.ofSeconds(30)))
          .extracting(r -> r.value().candleId())
          .containsExactly(candle.candleId());

      try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
        assertThat(admin.listGroups().all().get(30, TimeUnit.SECONDS))
            .extracting(GroupListing::groupId)
            .contains(
                prefix + "tickwire-kline-closer",
                prefix + "tickwire-book-aggregator",
                prefix + "tickwire-premium");
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
            .contains(
                prefix + "tickwire-book-aggregator-book-levels-changelog",
                prefix + "tickwire-kline-closer-published-candles-changelog",
                prefix + "tickwire-premium-premium-quotes-repartition");
      }
    }
  }

  private void sendRaw(Topic<String, ?> topic, String value) {
    KAFKA
        .client()
        .send(
            prefixed(topic).name(),
            new StringSerializer(),
            new ByteArraySerializer(),
            List.of(Map.entry("binance-spot:BTC-USDT", value.getBytes(StandardCharsets.UTF_8))));
  }

  private <V> Topic<String, V> prefixed(Topic<String, V> topic) {
    return topic.withPrefix(prefix);
  }

  private static Map.Entry<String, BookEvent> book(
      String venue, String symbol, String nativeSymbol, String bid, String ask, long now) {
    BookEvent event =
        new BookEvent(
            venue,
            symbol,
            nativeSymbol,
            BookEvent.Kind.SNAPSHOT,
            15,
            null,
            now,
            null,
            List.of(new Level(bid, "1")),
            List.of(new Level(ask, "1")),
            now,
            null,
            now * 1000);
    return Map.entry(event.instrumentKey(), event);
  }

  private static Kline closedCandle(long now) {
    long open = now / 60_000 * 60_000 - 60_000;
    return new Kline(
        "binance-spot",
        "BTC-USDT",
        "BTCUSDT",
        "1m",
        open,
        open + 59_999,
        "1",
        "2",
        "0.5",
        "1.5",
        "10",
        "15",
        "5",
        "7.5",
        3L,
        true,
        open + 60_000,
        (open + 60_000) * 1000);
  }

  private static JsonNode readiness(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return Json.mapper().readTree(response.body());
  }
}
