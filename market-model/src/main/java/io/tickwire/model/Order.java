package io.tickwire.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An order update on {@code user.orders.v1}: one per venue execution report. The last fill fields
 * describe the fill this update reports (if any); the cumulative ones the order as a whole.
 */
public record Order(
    String venue,
    String accountId,
    String symbol,
    String nativeSymbol,
    String orderId,
    String clientOrderId,
    Side side,
    String orderType,
    String timeInForce,
    Status status,
    String executionType,
    String price,
    String quantity,
    String filledQuantity,
    String averagePrice,
    String lastFillPrice,
    String lastFillQuantity,
    String fee,
    String feeAsset,
    String tradeId,
    Boolean maker,
    Boolean reduceOnly,
    String positionSide,
    long eventTime,
    Long transactionTime,
    long receivedAt)
    implements AccountScoped {

  public enum Status {
    @JsonProperty("pending")
    PENDING,
    @JsonProperty("new")
    NEW,
    @JsonProperty("partially_filled")
    PARTIALLY_FILLED,
    @JsonProperty("filled")
    FILLED,
    @JsonProperty("canceled")
    CANCELED,
    @JsonProperty("rejected")
    REJECTED,
    @JsonProperty("expired")
    EXPIRED
  }
}
