package io.tickwire.persist.mongo;

import static io.tickwire.kit.kafka.BatchWriter.decode;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.tickwire.kit.kafka.BatchWriter;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.Balance;
import io.tickwire.model.Kline;
import io.tickwire.model.Order;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.persist.mongo.MongoPersisterConfig.TradeFilter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;

/**
 * Writes one poll's records as one unordered bulk write per collection and returns once MongoDB
 * acknowledged them. Idempotent on every MongoDB-compatible server: documents have deterministic
 * ids and are upserted (replaced); an order's document is only replaced by a later update of it.
 * Time-series collections enforce no unique {@code _id}, so there the writer first asks which ids
 * of the batch are stored (narrowed by series and time, which those collections index) and inserts
 * only the others; one partition has one writer at a time, so nobody inserts in between.
 */
final class MongoWriter implements BatchWriter {

  private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
  private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

  /** A document and the record it came from. */
  private record Doc(Document document, ConsumerRecord<String, byte[]> record) {
    Object id() {
      return document.get("_id");
    }
  }

  private final MongoDatabase db;
  private final MongoCollections collections;
  private final TradeFilter trades;
  private final String klinesTopic;
  private final String tradesTopic;
  private final String ordersTopic;
  private final String balancesTopic;

  MongoWriter(
      MongoDatabase db, MongoCollections collections, KafkaClients kafka, TradeFilter trades) {
    this.db = db;
    this.collections = collections;
    this.trades = trades;
    this.klinesTopic = kafka.topic(Topics.KLINES_CLOSED).name();
    this.tradesTopic = kafka.topic(Topics.TRADES).name();
    this.ordersTopic = kafka.topic(Topics.ORDERS).name();
    this.balancesTopic = kafka.topic(Topics.BALANCES).name();
  }

  /** The topics to consume: trades only when some instrument's trades are kept. */
  static List<Topic<String, ?>> topics(TradeFilter trades) {
    List<Topic<String, ?>> topics = new ArrayList<>();
    topics.add(Topics.KLINES_CLOSED);
    if (!trades.none()) {
      topics.add(Topics.TRADES);
    }
    topics.add(Topics.ORDERS);
    topics.add(Topics.BALANCES);
    return topics;
  }

  @Override
  public List<Rejection> write(List<ConsumerRecord<String, byte[]>> records) {
    Map<String, List<Doc>> byCollection = new LinkedHashMap<>();
    Map<ConsumerRecord<String, byte[]>, String> rejected = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (record.value() == null) {
        continue; // a tombstone carries no event
      }
      try {
        documents(record, byCollection);
      } catch (RuntimeException e) {
        rejected.put(record, "cannot store in MongoDB: " + e.getMessage());
      }
    }
    byCollection.forEach((collection, docs) -> write(collection, docs, rejected));
    List<Rejection> rejections = new ArrayList<>(rejected.size());
    rejected.forEach((record, reason) -> rejections.add(new Rejection(record, reason)));
    return rejections;
  }

  private void documents(ConsumerRecord<String, byte[]> record, Map<String, List<Doc>> out) {
    String topic = record.topic();
    if (topic.equals(klinesTopic)) {
      Kline kline = decode(Topics.KLINES_CLOSED, record);
      BatchWriter.required(kline.interval(), "interval");
      add(out, MongoDocuments.KLINES, MongoDocuments.kline(kline), record);
    } else if (topic.equals(tradesTopic)) {
      if (trades.keeps(record.key())) {
        Trade trade = decode(Topics.TRADES, record);
        add(out, MongoDocuments.TRADES, MongoDocuments.trade(trade), record);
      }
    } else if (topic.equals(ordersTopic)) {
      Order order = decode(Topics.ORDERS, record);
      BatchWriter.required(order.orderId(), "orderId");
      BatchWriter.required(order.symbol(), "symbol");
      Document fill = MongoDocuments.fill(order).orElse(null);
      add(out, MongoDocuments.ORDERS, MongoDocuments.order(order), record);
      if (fill != null) {
        add(out, MongoDocuments.FILLS, fill, record);
      }
    } else if (topic.equals(balancesTopic)) {
      Balance balance = decode(Topics.BALANCES, record);
      MongoDocuments.balances(balance)
          .forEach(document -> add(out, MongoDocuments.BALANCES, document, record));
    }
  }

  private static void add(
      Map<String, List<Doc>> out,
      String collection,
      Document document,
      ConsumerRecord<String, byte[]> record) {
    out.computeIfAbsent(collection, c -> new ArrayList<>()).add(new Doc(document, record));
  }

  private void write(
      String name, List<Doc> docs, Map<ConsumerRecord<String, byte[]>, String> rejected) {
    MongoCollection<Document> collection = db.getCollection(name);
    List<Doc> toWrite;
    List<WriteModel<Document>> models = new ArrayList<>();
    if (collections.isTimeSeries(name)) {
      toWrite = notStored(collection, lastPerId(docs, false));
      toWrite.forEach(d -> models.add(new InsertOneModel<>(d.document())));
    } else {
      boolean orders = name.equals(MongoDocuments.ORDERS);
      toWrite = lastPerId(docs, orders);
      if (orders) {
        toWrite = notOlderThanStored(collection, toWrite);
      }
      toWrite.forEach(
          d -> models.add(new ReplaceOneModel<>(Filters.eq("_id", d.id()), d.document(), UPSERT)));
    }
    if (models.isEmpty()) {
      return;
    }
    try {
      collection.bulkWrite(models, UNORDERED);
    } catch (MongoBulkWriteException e) {
      if (e.getWriteConcernError() != null) {
        throw e; // not durably written: retry the batch
      }
      for (BulkWriteError error : e.getWriteErrors()) {
        Doc doc = toWrite.get(error.getIndex());
        rejected.putIfAbsent(
            doc.record(),
            "MongoDB refused the " + name + " document " + doc.id() + ": " + error.getMessage());
      }
    }
  }

  /**
   * One document per id, the last in the batch; for orders, the one with the latest event time (the
   * later record on a tie), since orders may be replayed behind their successors.
   */
  private static List<Doc> lastPerId(List<Doc> docs, boolean latestEvent) {
    Map<Object, Doc> byId = new LinkedHashMap<>();
    for (Doc doc : docs) {
      byId.merge(
          doc.id(),
          doc,
          (kept, next) -> latestEvent && eventTime(kept) > eventTime(next) ? kept : next);
    }
    return new ArrayList<>(byId.values());
  }

  /** Drops order updates older than what is stored for the same order. */
  private static List<Doc> notOlderThanStored(
      MongoCollection<Document> collection, List<Doc> docs) {
    Map<Object, Long> stored = new HashMap<>();
    collection
        .find(Filters.in("_id", docs.stream().map(Doc::id).toList()))
        .projection(Projections.include("eventTime"))
        .forEach(d -> stored.put(d.get("_id"), d.get("eventTime", Number.class).longValue()));
    return docs.stream()
        .filter(d -> !stored.containsKey(d.id()) || eventTime(d) >= stored.get(d.id()))
        .toList();
  }

  /** The documents whose ids a time-series collection does not hold yet. */
  private static List<Doc> notStored(MongoCollection<Document> collection, List<Doc> docs) {
    Set<Object> series = new HashSet<>();
    Date from = null;
    Date to = null;
    for (Doc doc : docs) {
      series.add(doc.document().get("series"));
      Date time = doc.document().getDate("time");
      from = from == null || time.before(from) ? time : from;
      to = to == null || time.after(to) ? time : to;
    }
    Set<Object> stored = new HashSet<>();
    collection
        .find(
            Filters.and(
                Filters.in("series", series),
                Filters.gte("time", from),
                Filters.lte("time", to),
                Filters.in("_id", docs.stream().map(Doc::id).toList())))
        .projection(Projections.include("_id"))
        .forEach(d -> stored.add(d.get("_id")));
    return docs.stream().filter(d -> !stored.contains(d.id())).toList();
  }

  private static long eventTime(Doc doc) {
    return doc.document().get("eventTime", Number.class).longValue();
  }
}
