package io.tickwire.persist.redis.reader;

import java.util.Map;
import java.util.Optional;

/**
 * One account's balances as kept in Redis: per asset the free, used (locked) and total amount as
 * the venue states them (decimal strings), and the time of the event that last changed them.
 */
public record AccountBalances(Map<String, Amounts> assets, long timestamp) {

  /** One asset's amounts; an amount the venue does not state is null. */
  public record Amounts(String free, String used, String total) {}

  public AccountBalances {
    assets = Map.copyOf(assets);
  }

  public Optional<Amounts> asset(String asset) {
    return Optional.ofNullable(assets.get(asset));
  }
}
