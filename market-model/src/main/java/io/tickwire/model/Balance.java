package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Balances of one account on {@code user.balances.v1}. A {@code snapshot} lists every asset, an
 * {@code update} the assets that changed (absolute values), a {@code delta} a change by amount
 * (deposit, withdrawal, transfer) in {@link AssetBalance#delta()}.
 */
public record Balance(
    String venue,
    String accountId,
    Kind kind,
    List<AssetBalance> balances,
    String reason,
    long eventTime,
    long receivedAt)
    implements AccountScoped {

  public enum Kind {
    @JsonProperty("snapshot")
    SNAPSHOT,
    @JsonProperty("update")
    UPDATE,
    @JsonProperty("delta")
    DELTA
  }

  /** One asset: free and locked for spot; wallet balance as {@code total} for futures. */
  public record AssetBalance(
      String asset, String free, String locked, String total, String delta) {}

  public Balance {
    balances = List.copyOf(balances);
  }
}
