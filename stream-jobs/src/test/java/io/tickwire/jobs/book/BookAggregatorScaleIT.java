package io.tickwire.jobs.book;

import static io.tickwire.jobs.book.BookAggregatorTest.delta;
import static io.tickwire.jobs.book.BookAggregatorTest.levels;
import static io.tickwire.jobs.book.BookAggregatorTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.jobs.BookAggregatorProvider;
import io.tickwire.jobs.TopicReader;
import io.tickwire.kit.ServiceHost;
import io.tickwire.model.BookEvent;
import io.tickwire.model.BookTop;
import io.tickwire.model.Level;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two book-aggregator instances share the partitions; when one stops, the other takes its books
 * over with their state (restored from the changelog), so the update-id chain carries on.
 */
class BookAggregatorScaleIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final int INSTRUMENTS = 12;

  private final String prefix = KafkaExtension.uniquePrefix();
  private final Topic<String, BookEvent> books = Topics.BOOK.withPrefix(prefix);
  private final Topic<String, BookTop> tops = Topics.BOOK_TOP.withPrefix(prefix);
  private final String group = prefix + "tickwire-book-aggregator";

  @Test
  void twoInstancesShareTheBooksAndOneTakesOverFromTheOther() throws Exception {
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS",
            KAFKA.bootstrapServers(),
            "TOPIC_PREFIX",
            prefix,
            "HEALTH_PORT_BASE",
            "0",
            "KAFKA_STREAMS_COMMIT_INTERVAL_MS",
            "100");
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()));
        TopicReader<String, BookTop> reader = new TopicReader<>(KAFKA.bootstrapServers(), tops);
        ServiceHost second = ServiceHost.start(List.of(new BookAggregatorProvider()), env)) {
      ServiceHost first = ServiceHost.start(List.of(new BookAggregatorProvider()), env);
      try {
        await("both instances own partitions")
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    assignments(admin).size() == 2
                        && assignments(admin).stream().allMatch(n -> n > 0));

        send(i -> snapshot(instrument(i), 100, levels("100:" + (i + 1)), levels("101:1"), now()));
        reader.pollUntil(
            records -> latest(records, 100).size() == INSTRUMENTS, Duration.ofSeconds(60));
      } finally {
        first.close();
      }

      await("the remaining instance owns every partition")
          .atMost(Duration.ofSeconds(60))
          .until(() -> assignments(admin).equals(List.of(2 * books.partitions())));

      send(i -> delta(instrument(i), 101, 101, null, levels("99:7"), levels(), now()));
      Map<String, BookTop> after =
          latest(
              reader.pollUntil(
                  records -> latest(records, 101).size() == INSTRUMENTS, Duration.ofSeconds(60)),
              101);

      for (int i = 0; i < INSTRUMENTS; i++) {
        BookTop top = after.get(instrument(i));
        assertThat(top.status()).as(instrument(i)).isEqualTo(BookTop.Status.OK);
        assertThat(top.bids())
            .as(instrument(i))
            .containsExactly(new Level("100", Integer.toString(i + 1)), new Level("99", "7"));
      }
    }
  }

  private void send(java.util.function.IntFunction<BookEvent> event) {
    List<Map.Entry<String, BookEvent>> records = new ArrayList<>();
    IntStream.range(0, INSTRUMENTS)
        .mapToObj(event)
        .forEach(e -> records.add(Map.entry(e.instrumentKey(), e)));
    KAFKA
        .client()
        .send(
            books.name(), books.keySerde().serializer(), books.valueSerde().serializer(), records);
  }

  /** The newest top per instrument among those carrying {@code updateId}. */
  private static Map<String, BookTop> latest(
      List<ConsumerRecord<String, BookTop>> records, long updateId) {
    Map<String, BookTop> latest = new HashMap<>();
    records.stream()
        .filter(r -> r.value().updateId() == updateId)
        .forEach(r -> latest.put(r.key(), r.value()));
    return latest;
  }

  /** Partitions owned by each member of the job's consumer group. */
  private List<Integer> assignments(Admin admin) throws Exception {
    ConsumerGroupDescription description =
        admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
    return description.members().stream()
        .map(MemberDescription::assignment)
        .map(a -> a.topicPartitions().size())
        .toList();
  }

  private static String instrument(int i) {
    return "binance-spot:COIN" + i + "-USDT";
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
