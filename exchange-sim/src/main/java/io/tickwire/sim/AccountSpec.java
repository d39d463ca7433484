package io.tickwire.sim;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A simulated account: its API key and secret (valid on every venue of the simulator: Binance HMAC,
 * Upbit access and secret key) and its starting balances per asset. The spot and Upbit wallets
 * start with every balance; the USD-M wallet starts with the USDT balance.
 */
public record AccountSpec(String apiKey, String secretKey, Map<String, String> balances) {

  /** The account every simulator has unless configured otherwise. */
  public static final AccountSpec DEMO =
      new AccountSpec(
          "tickwire-sim-key",
          "tickwire-sim-secret",
          Map.of(
              "USDT", "100000",
              "BTC", "2",
              "ETH", "20",
              "BNB", "100",
              "SOL", "500",
              "XRP", "50000",
              "KRW", "200000000"));

  public AccountSpec {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(secretKey, "secretKey");
    if (apiKey.isBlank() || secretKey.isBlank()) {
      throw new IllegalArgumentException("apiKey and secretKey must not be blank");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    balances.forEach(
        (asset, amount) -> {
          if (new BigDecimal(amount).signum() < 0) {
            throw new IllegalArgumentException("balance of " + asset + " is negative");
          }
          copy.put(asset.toUpperCase(java.util.Locale.ROOT), amount);
        });
    balances = java.util.Collections.unmodifiableMap(copy);
  }

  /** The public account id tickwire derives from the API key. */
  public String accountId() {
    return io.tickwire.model.AccountIds.fromApiKey(apiKey);
  }

  @Override
  public String toString() {
    // never print the key or the secret: the account id identifies it
    return "AccountSpec[account=" + accountId() + ", balances=" + balances + "]";
  }
}
