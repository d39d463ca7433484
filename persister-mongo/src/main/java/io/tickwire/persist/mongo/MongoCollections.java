package io.tickwire.persist.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CreateCollectionOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.TimeSeriesGranularity;
import com.mongodb.client.model.TimeSeriesOptions;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the collections and the indexes queries need at start-up, and finds out which collections
 * are time-series ones. Candles and trades are created as time-series collections (time field
 * {@code time}, meta field {@code series}) when asked to and the server creates one: real MongoDB
 * 5.0 or newer does, mongo-java-server quietly makes a regular collection, and either way what the
 * server reports is what the writer goes by. An existing collection is used as it is.
 */
final class MongoCollections {

  private static final Logger log = LoggerFactory.getLogger(MongoCollections.class);
  private static final int NAMESPACE_EXISTS = 48;

  private final MongoDatabase db;
  private final Set<String> timeSeries = new HashSet<>();

  private MongoCollections(MongoDatabase db) {
    this.db = db;
  }

  static MongoCollections prepare(MongoDatabase db, boolean timeSeries, Duration tradesRetention) {
    MongoCollections collections = new MongoCollections(db);
    TimeSeriesOptions candles =
        new TimeSeriesOptions("time")
            .metaField("series")
            .granularity(TimeSeriesGranularity.MINUTES);
    TimeSeriesOptions trades =
        new TimeSeriesOptions("time")
            .metaField("series")
            .granularity(TimeSeriesGranularity.SECONDS);
    collections.create(MongoDocuments.KLINES, timeSeries ? candles : null, null);
    collections.create(MongoDocuments.TRADES, timeSeries ? trades : null, tradesRetention);
    collections.create(MongoDocuments.ORDERS, null, null);
    collections.create(MongoDocuments.FILLS, null, null);
    collections.create(MongoDocuments.BALANCES, null, null);

    Bson bySeries = Indexes.compoundIndex(Indexes.ascending("series"), Indexes.descending("time"));
    collections.index(MongoDocuments.KLINES, bySeries);
    collections.index(MongoDocuments.TRADES, bySeries);
    if (!collections.isTimeSeries(MongoDocuments.TRADES)) {
      collections.ttl(MongoDocuments.TRADES, tradesRetention);
    }
    Bson byAccount =
        Indexes.compoundIndex(
            Indexes.ascending("venue"), Indexes.ascending("accountId"), Indexes.descending("time"));
    collections.index(MongoDocuments.ORDERS, byAccount);
    collections.index(MongoDocuments.ORDERS, Indexes.ascending("orderId"));
    collections.index(MongoDocuments.FILLS, byAccount);
    collections.index(MongoDocuments.FILLS, Indexes.ascending("orderId"));
    collections.index(
        MongoDocuments.BALANCES,
        Indexes.compoundIndex(
            Indexes.ascending("venue"),
            Indexes.ascending("accountId"),
            Indexes.ascending("asset"),
            Indexes.descending("time")));
    log.info(
        "MongoDB database {}: klines {}, trades {}",
        db.getName(),
        kind(collections.isTimeSeries(MongoDocuments.KLINES)),
        kind(collections.isTimeSeries(MongoDocuments.TRADES)));
    return collections;
  }

  boolean isTimeSeries(String collection) {
    return timeSeries.contains(collection);
  }

  private void create(String name, TimeSeriesOptions series, Duration expireAfter) {
    Document info = info(name);
    if (info == null) {
      try {
        if (series == null) {
          db.createCollection(name);
        } else {
          CreateCollectionOptions options = new CreateCollectionOptions().timeSeriesOptions(series);
          if (expireAfter != null) {
            options.expireAfter(expireAfter.toSeconds(), TimeUnit.SECONDS);
          }
          db.createCollection(name, options);
        }
      } catch (MongoCommandException e) {
        if (e.getErrorCode() != NAMESPACE_EXISTS) {
          if (series == null) {
            throw e;
          }
          log.info("{}: no time-series collection on this server ({})", name, e.getErrorMessage());
          db.createCollection(name);
        }
      }
      info = info(name);
    }
    if (info != null && "timeseries".equals(info.getString("type"))) {
      timeSeries.add(name);
      if (expireAfter != null) {
        retention(name, expireAfter, info);
      }
    }
  }

  /** A time-series collection expires data by a collection option, not an index. */
  private void retention(String name, Duration expireAfter, Document info) {
    Object current = info.get("options", Document.class).get("expireAfterSeconds");
    if (current instanceof Number n && n.longValue() == expireAfter.toSeconds()) {
      return;
    }
    collMod(
        name, new Document("collMod", name).append("expireAfterSeconds", expireAfter.toSeconds()));
  }

  private Document info(String name) {
    return db.listCollections().filter(new Document("name", name)).first();
  }

  private void index(String collection, Bson keys) {
    db.getCollection(collection).createIndex(keys);
  }

  /** A TTL index on {@code time}; an existing one with another expiry is changed in place. */
  private void ttl(String collection, Duration expireAfter) {
    for (Document index : db.getCollection(collection).listIndexes()) {
      if (new Document("time", 1).equals(index.get("key", Document.class))) {
        Object current = index.get("expireAfterSeconds");
        if (!(current instanceof Number n) || n.longValue() != expireAfter.toSeconds()) {
          collMod(
              collection,
              new Document("collMod", collection)
                  .append(
                      "index",
                      new Document("keyPattern", new Document("time", 1))
                          .append("expireAfterSeconds", expireAfter.toSeconds())));
        }
        return;
      }
    }
    db.getCollection(collection)
        .createIndex(
            Indexes.ascending("time"),
            new IndexOptions().expireAfter(expireAfter.toSeconds(), TimeUnit.SECONDS));
  }

  private void collMod(String collection, Document command) {
    try {
      db.runCommand(command);
      log.info("{}: retention changed to {}", collection, command);
    } catch (MongoCommandException e) {
      log.warn(
          "{}: cannot change the retention to MONGO_TRADES_RETENTION ({}); it stays as it was",
          collection,
          e.getErrorMessage());
    }
  }

  private static String kind(boolean timeSeries) {
    return timeSeries ? "time-series collection" : "regular collection";
  }
}
