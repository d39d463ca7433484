package io.tickwire.persist.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.tickwire.model.Balance;
import io.tickwire.model.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One account's {@code <venue>-<accountId>-balance} hash, in the shape trading tools know from
 * ccxt: fields {@code free}, {@code used} and {@code total} each hold a JSON map asset -> amount,
 * one field per asset holds {@code {"free","used","total"}}, plus {@code timestamp} (epoch ms) and
 * {@code datetime} (ISO 8601) of the last event.
 *
 * <p>A snapshot replaces the account's balances; an update sets the assets it names. {@code used}
 * is the venue's locked amount, or total minus free where the venue gives only those (futures);
 * {@code total} is free plus locked where the venue gives no total (spot). A pure delta (an amount
 * without the resulting balance) changes nothing here: the venue follows it with an update, and
 * adding deltas would double-count whenever a record is written twice.
 */
final class BalanceHash {

  static final String FREE = "free";
  static final String USED = "used";
  static final String TOTAL = "total";
  static final String TIMESTAMP = "timestamp";
  static final String DATETIME = "datetime";

  private static final TypeReference<TreeMap<String, String>> AMOUNTS = new TypeReference<>() {};
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> free;
  private final Map<String, String> used;
  private final Map<String, String> total;
  private final Set<String> changed = new TreeSet<>();
  private final Set<String> removed = new TreeSet<>();
  private long eventTime = -1;

  private BalanceHash(
      Map<String, String> free, Map<String, String> used, Map<String, String> total) {
    this.free = free;
    this.used = used;
    this.total = total;
  }

  /** The hash as stored: the JSON of its {@code free}, {@code used}, {@code total} fields. */
  static BalanceHash read(String freeJson, String usedJson, String totalJson) {
    return new BalanceHash(amounts(freeJson), amounts(usedJson), amounts(totalJson));
  }

  /**
   * Applies one balance event.
   *
   * @throws NumberFormatException when an amount that must be added or subtracted is not a decimal
   */
  void apply(Balance event) {
    if (event.kind() == Balance.Kind.SNAPSHOT) {
      removed.addAll(free.keySet());
      removed.addAll(used.keySet());
      removed.addAll(total.keySet());
      free.clear();
      used.clear();
      total.clear();
    }
    for (Balance.AssetBalance asset : event.balances()) {
      String f = asset.free();
      String u =
          asset.locked() != null
              ? asset.locked()
              : asset.total() != null && f != null ? minus(asset.total(), f) : null;
      String t =
          asset.total() != null
              ? asset.total()
              : f != null && asset.locked() != null ? plus(f, asset.locked()) : null;
      if (f == null && u == null && t == null) {
        continue;
      }
      put(free, asset.asset(), f);
      put(used, asset.asset(), u);
      put(total, asset.asset(), t);
      changed.add(asset.asset());
      removed.remove(asset.asset());
    }
    eventTime = event.eventTime();
  }

  /** Whether any event applied so far changes the hash. */
  boolean changed() {
    return eventTime >= 0;
  }

  /** Every field to set: the three maps, each changed asset, timestamp and datetime. */
  Map<String, String> fieldsToSet() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(FREE, json(free));
    fields.put(USED, json(used));
    fields.put(TOTAL, json(total));
    for (String asset : changed) {
      Map<String, String> one = new LinkedHashMap<>();
      put(one, FREE, free.get(asset));
      put(one, USED, used.get(asset));
      put(one, TOTAL, total.get(asset));
      fields.put(asset, json(one));
    }
    fields.put(TIMESTAMP, Long.toString(eventTime));
    fields.put(DATETIME, ISO_MILLIS.format(Instant.ofEpochMilli(eventTime)));
    return fields;
  }

  /** Asset fields a snapshot no longer lists. */
  Set<String> fieldsToDelete() {
    return removed;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  private static String minus(String a, String b) {
    return new BigDecimal(a).subtract(new BigDecimal(b)).toPlainString();
  }

  private static String plus(String a, String b) {
    return new BigDecimal(a).add(new BigDecimal(b)).toPlainString();
  }

  private static Map<String, String> amounts(String json) {
    if (json == null || json.isEmpty()) {
      return new TreeMap<>();
    }
    try {
      return Json.mapper().readValue(json, AMOUNTS);
    } catch (JsonProcessingException e) {
      // someone else's value in our field: start over rather than stop writing the account
      return new TreeMap<>();
    }
  }

  private static String json(Map<String, String> map) {
    try {
      return Json.mapper().writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }
}
