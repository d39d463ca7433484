package io.tickwire.sim.model;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Free and locked balances per asset of one account on one venue; market thread only. */
public final class Wallet {

  private final Map<String, BigDecimal[]> balances = new LinkedHashMap<>();

  /** Assets changed since the last account-position event. */
  private final Set<String> changed = new LinkedHashSet<>();

  public Wallet(Map<String, String> initial) {
    initial.forEach(
        (asset, amount) ->
            balances.put(asset, new BigDecimal[] {new BigDecimal(amount), BigDecimal.ZERO}));
  }

  private BigDecimal[] of(String asset) {
    return balances.computeIfAbsent(
        asset, a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
  }

  public BigDecimal free(String asset) {
    return of(asset)[0];
  }

  public BigDecimal locked(String asset) {
    return of(asset)[1];
  }

  public void addFree(String asset, BigDecimal delta) {
    BigDecimal[] b = of(asset);
    b[0] = b[0].add(delta);
    changed.add(asset);
  }

  public void lock(String asset, BigDecimal amount) {
    BigDecimal[] b = of(asset);
    b[0] = b[0].subtract(amount);
    b[1] = b[1].add(amount);
    changed.add(asset);
  }

  public void unlock(String asset, BigDecimal amount) {
    lock(asset, amount.negate());
  }

  /** Takes an amount out of the locked balance (it was spent). */
  public void spendLocked(String asset, BigDecimal amount) {
    BigDecimal[] b = of(asset);
    b[1] = b[1].subtract(amount);
    changed.add(asset);
  }

  public Set<String> assets() {
    return balances.keySet();
  }

  /** The assets changed since the last call. */
  public Set<String> drainChanged() {
    Set<String> out = new LinkedHashSet<>(changed);
    changed.clear();
    return out;
  }
}
