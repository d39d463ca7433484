package io.tickwire.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.jobs.book.BookAggregatorConfig;
import io.tickwire.jobs.kline.KlineCloserConfig;
import io.tickwire.jobs.premium.PremiumConfig;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** The targets, their settings and the Kafka Streams configuration they lead to. */
class StreamJobsProvidersTest {

  private static final List<ServiceProvider> PROVIDERS =
      ServiceLoader.load(ServiceProvider.class).stream().map(ServiceLoader.Provider::get).toList();

  @Test
  void everyJobIsATargetAndStreamJobsRunsThemAll() {
    Map<String, Integer> offsets =
        PROVIDERS.stream()
            .collect(Collectors.toMap(ServiceProvider::name, ServiceProvider::healthPortOffset));

    assertThat(offsets)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("stream-jobs", 4, "kline-closer", 11, "book-aggregator", 12, "premium", 13));
    assertThat(provider("stream-jobs").includes())
        .containsExactlyInAnyOrder("kline-closer", "book-aggregator", "premium");
    assertThat(provider("premium").includes()).isEmpty();
  }

  @Test
  void eachTargetDeclaresTheSettingsOfItsJobs() {
    assertThat(names(provider("stream-jobs").settings()))
        .containsExactly(
            "STREAM_JOBS_STATE_DIR",
            "KLINE_CLOSER_APPLICATION_ID",
            "KLINE_CLOSER_RETENTION",
            "BOOK_AGGREGATOR_APPLICATION_ID",
            "BOOK_TOP_CADENCE",
            "BOOK_TOP_LEVELS",
            "BOOK_TOP_BANDS_BPS",
            "PREMIUM_APPLICATION_ID",
            "PREMIUM_CADENCE",
            "PREMIUM_MAX_AGE",
            "PREMIUM_KRW_VENUE",
            "PREMIUM_USDT_VENUE");
    assertThat(names(provider("kline-closer").settings()))
        .containsExactly(
            "STREAM_JOBS_STATE_DIR", "KLINE_CLOSER_APPLICATION_ID", "KLINE_CLOSER_RETENTION");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Settings settings = parse(Map.of());
    KafkaClients kafka = KafkaClients.from(settings);

    BookAggregatorConfig book = BookAggregatorConfig.from(settings, kafka);
    PremiumConfig premium = PremiumConfig.from(settings, kafka);

    assertThat(KlineCloserConfig.from(settings, kafka).retention()).isEqualTo(Duration.ofDays(1));
    assertThat(book.applicationId()).isEqualTo("tickwire-book-aggregator");
    assertThat(book.cadence()).isEqualTo(Duration.ofMillis(100));
    assertThat(book.levels()).isEqualTo(20);
    assertThat(book.bandsBps()).containsExactly(10, 50, 100);
    assertThat(premium.maxAge()).isEqualTo(Duration.ofSeconds(5));
    assertThat(premium.krwVenue()).isEqualTo("upbit");
    assertThat(premium.usdtVenue()).isEqualTo("binance-spot");
  }

  @Test
  void theTopicPrefixAppliesToInputsOutputsAndApplicationIds() {
    Settings settings =
        parse(
            Map.of(
                "TOPIC_PREFIX", "staging.",
                "BOOK_TOP_BANDS_BPS", "25, 5",
                "PREMIUM_KRW_VENUE", "upbit-sandbox"));
    KafkaClients kafka = KafkaClients.from(settings);

    KlineCloserConfig kline = KlineCloserConfig.from(settings, kafka);
    BookAggregatorConfig book = BookAggregatorConfig.from(settings, kafka);
    PremiumConfig premium = PremiumConfig.from(settings, kafka);

    assertThat(kline.applicationId()).isEqualTo("staging.tickwire-kline-closer");
    assertThat(List.of(kline.input(), kline.output(), book.books(), book.status(), book.output()))
        .extracting(Topic::name)
        .containsExactly(
            "staging.md.klines.v1",
            "staging.md.klines.closed.v1",
            "staging.md.book.v1",
            "staging.md.status.v1",
            "staging.md.book.top.v1");
    assertThat(book.bandsBps()).containsExactly(5, 25);
    assertThat(premium.applicationId()).isEqualTo("staging.tickwire-premium");
    assertThat(premium.output().name()).isEqualTo("staging.md.premium.v1");
    assertThat(premium.krwVenue()).isEqualTo("upbit-sandbox");
  }

  @Test
  void badSettingsStopStartUpNamingEachVariable() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "BOOK_TOP_BANDS_BPS", "10,abc",
                        "BOOK_TOP_LEVELS", "0",
                        "PREMIUM_USDT_VENUE", "upbit",
                        "KLINE_CLOSER_APPLICATION_ID", "kline closer")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(ConfigException.Problem::variable)
                    .containsExactlyInAnyOrder(
                        "BOOK_TOP_BANDS_BPS",
                        "BOOK_TOP_LEVELS",
                        "PREMIUM_USDT_VENUE",
                        "KLINE_CLOSER_APPLICATION_ID"))
        .hasMessageContaining("'10,abc' is not a list of numbers ('abc')")
        .hasMessageContaining("expected a text, binance-spot or binance-spot-<suffix>");
  }

  @Test
  void exactlyOnceAndTheDeadLetterHandlersCannotBeOverridden() {
    Settings settings =
        parse(
            Map.of(
                "TOPIC_PREFIX", "t.",
                "KAFKA_STREAMS_PROCESSING_GUARANTEE", "at_least_once",
                "KAFKA_STREAMS_NUM_STREAM_THREADS", "2"));
    StreamJob job = new StreamJob("kline-closer", "t.app", new Topology(), List.of());

    Map<String, Object> config =
        StreamsProperties.of(KafkaClients.from(settings), job, Path.of("/var/lib/x"), 3);

    assertThat(config)
        .containsEntry("application.id", "t.app")
        .containsEntry("processing.guarantee", "exactly_once_v2")
        .containsEntry("num.stream.threads", "2")
        .containsEntry("replication.factor", 3)
        .containsEntry("state.dir", "/var/lib/x")
        .containsEntry("deserialization.exception.handler", DeadLetterHandler.class.getName())
        .containsEntry("processing.exception.handler", DeadLetterHandler.class.getName())
        .containsEntry(DeadLetterHandler.TOPIC_CONFIG, "t.deadletter.v1")
        .containsEntry(DeadLetterHandler.SOURCE_CONFIG, "stream-jobs/kline-closer");
  }

  private static Settings parse(Map<String, String> env) {
    return Settings.parse(ServiceHost.settingsOf(List.of(provider("stream-jobs"))), env);
  }

  private static ServiceProvider provider(String name) {
    return PROVIDERS.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> names(List<Setting<?>> settings) {
    return settings.stream().map(Setting::name).toList();
  }
}
