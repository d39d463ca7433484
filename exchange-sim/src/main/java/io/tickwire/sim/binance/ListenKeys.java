package io.tickwire.sim.binance;

import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.server.StreamHub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * USD-M listen keys: one active key per account, valid for an hour (a setting) unless kept alive.
 * Account events are published on the hub under the key's name, so {@code /private/ws/<key>}
 * connections receive them like any stream; when a key expires its stream gets {@code
 * listenKeyExpired} and then nothing more.
 */
final class ListenKeys {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private record Key(String key, String apiKey, long expiresAt) {}

  private final StreamHub hub;
  private final long validityNanos;
  private final SplittableRandom random;
  private final Map<String, Key> byAccount = new HashMap<>();
  private final Map<String, Key> byKey = new HashMap<>();

  ListenKeys(StreamHub hub, Duration validity, long seed) {
    this.hub = hub;
    this.validityNanos = validity.toNanos();
    this.random = new SplittableRandom(seed ^ 0x1157E4L);
  }

  /** POST: the account's active key (extended), or a new one. */
  synchronized String create(AccountSpec account) {
    Key existing = byAccount.get(account.apiKey());
    String key;
    if (existing != null) {
      key = existing.key();
    } else {
      StringBuilder b = new StringBuilder(64);
      for (int i = 0; i < 64; i++) {
        b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      key = b.toString();
    }
    put(new Key(key, account.apiKey(), System.nanoTime() + validityNanos));
    return key;
  }

  /** PUT: extends the account's key; -1125 when it has none (or another one is named). */
  synchronized String keepAlive(AccountSpec account, String named) {
    Key existing = byAccount.get(account.apiKey());
    if (existing == null || (named != null && !named.equals(existing.key()))) {
      throw new BinanceError(400, -1125, "This listenKey does not exist.");
    }
    put(new Key(existing.key(), existing.apiKey(), System.nanoTime() + validityNanos));
    return existing.key();
  }

  /** DELETE: closes the account's key. */
  synchronized void delete(AccountSpec account) {
    Key existing = byAccount.remove(account.apiKey());
    if (existing != null) {
      byKey.remove(existing.key());
    }
  }

  private void put(Key k) {
    byAccount.put(k.apiKey(), k);
    byKey.put(k.key(), k);
  }

  synchronized boolean known(String key) {
    return byKey.containsKey(key);
  }

  /** Expires due keys: their streams get {@code listenKeyExpired}. */
  synchronized void expire(long eventTime) {
    long now = System.nanoTime();
    byKey
        .values()
        .removeIf(
            k -> {
              if (now - k.expiresAt() < 0) {
                return false;
              }
              byAccount.remove(k.apiKey(), k);
              publish(
                  k.key(),
                  Json.object()
                      .str("e", "listenKeyExpired")
                      .num("E", eventTime)
                      .str("listenKey", k.key())
                      .end()
                      .toString());
              return true;
            });
  }

  /** Sends an account event to the account's listen-key stream, if it has a key. */
  synchronized void publishFor(String apiKey, String eventJson) {
    Key k = byAccount.get(apiKey);
    if (k != null) {
      publish(k.key(), eventJson);
    }
  }

  private void publish(String key, String json) {
    hub.publish(
        Venue.BINANCE_USDM,
        key,
        new BinanceFrame(key, null, json.getBytes(StandardCharsets.UTF_8), false));
  }
}
