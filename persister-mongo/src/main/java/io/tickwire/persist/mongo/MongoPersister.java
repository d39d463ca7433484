package io.tickwire.persist.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.kit.kafka.BatchWriteConsumer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The persister-mongo service: history into MongoDB on a {@link BatchWriteConsumer}. Ready when
 * MongoDB answers and writes succeed.
 */
final class MongoPersister implements Service {

  private final ServiceContext context;
  private final MongoPersisterConfig config;
  private final MongoClient mongo;
  private final MongoDatabase db;
  private volatile BatchWriteConsumer consumer;

  MongoPersister(ServiceContext context) {
    this.context = context;
    this.config = MongoPersisterConfig.from(context.settings());
    this.mongo = MongoClients.create(clientSettings(config.uri()));
    this.db = mongo.getDatabase(config.database());
  }

  /**
   * Short server selection, so an outage shows as failing writes within seconds instead of the
   * driver's 30 s; the URI's own options win.
   */
  static MongoClientSettings clientSettings(String uri) {
    return MongoClientSettings.builder()
        .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
        .applyToSocketSettings(s -> s.connectTimeout(5, TimeUnit.SECONDS))
        .applyConnectionString(new ConnectionString(uri))
        .build();
  }

  @Override
  public void start() {
    MongoCollections collections =
        MongoCollections.prepare(db, config.timeSeries(), config.tradesRetention());
    consumer =
        BatchWriteConsumer.builder(context.kafka(), context.serviceName())
            .groupId(config.groupId())
            .topics(MongoWriter.topics(config.trades()))
            .store("mongodb")
            .writer(new MongoWriter(db, collections, context.kafka(), config.trades()))
            .maxBatch(config.batchSize())
            .retryBackoff(Duration.ofMillis(100), config.retryMax())
            .meters(context.meters())
            .clock(context.clock())
            .build();
    consumer.start();
  }

  @Override
  public List<HealthCheck> readinessChecks() {
    return List.of(
        HealthCheck.of(
            "mongodb",
            () -> db.runCommand(new Document("ping", 1)).get("ok", Number.class).intValue() == 1),
        HealthCheck.of(
            "mongodb-writes",
            () -> {
              BatchWriteConsumer started = consumer;
              return started != null && started.healthCheck().check();
            }));
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close();
    }
    mongo.close();
  }
}
