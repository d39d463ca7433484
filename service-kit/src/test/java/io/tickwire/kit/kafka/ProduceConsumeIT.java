package io.tickwire.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.DeadLetter;
import io.tickwire.model.Side;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A normalized event goes through the real broker with the factories' producer and consumer. */
class ProduceConsumeIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @Test
  void tradeRoundTripsThroughKafka() throws Exception {
    KafkaClients clients = KafkaClients.of(KAFKA.bootstrapServers());
    Topic<String, Trade> trades = Topics.TRADES.withPrefix(KafkaExtension.uniquePrefix());
    KAFKA.client().createTopics(List.of(trades));
    Trade trade =
        new Trade(
            "binance-spot",
            "BTC-USDT",
            "BTCUSDT",
            Trade.Kind.AGG_TRADE,
            42,
            100L,
            105L,
            "0.00000001",
            "123456789.12345678",
            Side.SELL,
            1,
            2,
            3,
            false);

    try (KafkaProducer<String, Trade> producer =
        clients.producer(
            "test", trades.keySerde().serializer(), trades.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(trades.name(), trade.instrumentKey(), trade)).get();
    }

    List<ConsumerRecord<String, Trade>> received = new ArrayList<>();
    try (KafkaConsumer<String, Trade> consumer =
        clients.consumer(
            "g-" + trades.name(),
            "test",
            trades.keySerde().deserializer(),
            trades.valueSerde().deserializer())) {
      consumer.subscribe(List.of(trades.name()));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
      consumer.commitSync();
    }

    assertThat(received).hasSize(1);
    assertThat(received.get(0).key()).isEqualTo("binance-spot:BTC-USDT");
    assertThat(received.get(0).value()).isEqualTo(trade);
  }

  @Test
  void deadLettersLandKeyedBySource() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    KafkaClients clients =
        KafkaClients.from(
            io.tickwire.kit.config.Settings.parse(
                io.tickwire.kit.CommonSettings.ALL,
                java.util.Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(), "TOPIC_PREFIX", prefix)));
    Topic<String, DeadLetter> deadLetters = clients.topic(Topics.DEAD_LETTERS);
    KAFKA.client().createTopics(List.of(deadLetters));
    DeadLetter letter =
        DeadLetter.ofFrame(
            "connector-binance/binance-spot",
            "binance-spot",
            "btcusdt@trade",
            "c1",
            "Unexpected end-of-input",
            "{\"e\":".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            7);

    try (DeadLetterProducer producer = new DeadLetterProducer(clients, "test")) {
      producer.send(letter).get();
    }

    ConsumerRecord<String, DeadLetter> landed =
        KAFKA.client().read(deadLetters, 1, Duration.ofSeconds(30)).get(0);
    assertThat(landed.key()).isEqualTo("connector-binance/binance-spot");
    assertThat(landed.value()).isEqualTo(letter);
  }
}
