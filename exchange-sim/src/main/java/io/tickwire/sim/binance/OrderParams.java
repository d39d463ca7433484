package io.tickwire.sim.binance;

import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.Units;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the parameters of a Binance new-order request against the symbol's filters.
 */
final class OrderParams {

  final boolean buy;
  final String type;
  final String timeInForce;
  final long qty;
  final long price;
  final BigDecimal quoteQty;
  final String clientOrderId;
  final String respType;
  final boolean reduceOnly;

  private OrderParams(
      boolean buy,
      String type,
      String timeInForce,
      long qty,
      long price,
      BigDecimal quoteQty,
      String clientOrderId,
      String respType,
      boolean reduceOnly) {
    this.buy = buy;
    this.type = type;
    this.timeInForce = timeInForce;
    this.qty = qty;
    this.price = price;
    this.quoteQty = quoteQty;
    this.clientOrderId = clientOrderId;
    this.respType = respType;
    this.reduceOnly = reduceOnly;
  }

  /** Which order a cancel names: {@code orderId} or {@code origClientOrderId}. */
  record Reference(String orderId, String clientOrderId) {
    boolean matches(long id, String clientId) {
      return orderId != null ? Long.toString(id).equals(orderId) : clientId.equals(clientOrderId);
    }
  }

  static Reference reference(Map<String, String> p) {
    Reference r = new Reference(p.get("orderId"), p.get("origClientOrderId"));
    if (r.orderId() == null && r.clientOrderId() == null) {
      throw new BinanceError(
          400,
          -1102,
          "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    }
    return r;
  }

  static String required(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      throw BinanceError.mandatory(name);
    }
    return v;
  }

  static OrderParams parse(
      Map<String, String> p, SimInstrument i, boolean futures, String defaultRespType) {
    String side = required(p, "side").toUpperCase(Locale.ROOT);
    if (!side.equals("BUY") && !side.equals("SELL")) {
      throw new BinanceError(400, -1117, "Invalid side.");
    }
    String type = required(p, "type").toUpperCase(Locale.ROOT);
    if (!type.equals("LIMIT") && !type.equals("MARKET")) {
      throw new BinanceError(400, -1116, "Invalid orderType.");
    }
    String tif = p.get("timeInForce");
    long qty = 0;
    long price = 0;
    BigDecimal quoteQty = null;
    if (type.equals("LIMIT")) {
      tif = required(p, "timeInForce").toUpperCase(Locale.ROOT);
      if (!Set.of("GTC", "IOC", "FOK").contains(tif)) {
        throw new BinanceError(400, -1115, "Invalid timeInForce.");
      }
      qty =
          units(
              required(p, "quantity"),
              "quantity",
              i.qtyDecimals(),
              i.spec().stepUnits(),
              "LOT_SIZE");
      price =
          units(
              required(p, "price"),
              "price",
              i.priceDecimals(),
              i.spec().tickUnits(),
              "PRICE_FILTER");
    } else if (p.containsKey("quantity")) {
      qty = units(p.get("quantity"), "quantity", i.qtyDecimals(), i.spec().stepUnits(), "LOT_SIZE");
    } else if (!futures && p.containsKey("quoteOrderQty")) {
      quoteQty = decimal(p.get("quoteOrderQty"), "quoteOrderQty");
      if (quoteQty.signum() <= 0) {
        throw new BinanceError(400, -1013, "Filter failure: NOTIONAL");
      }
    } else {
      throw futures
          ? BinanceError.mandatory("quantity")
          : new BinanceError(
              400,
              -1102,
              "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
    }
    String respType = p.getOrDefault("newOrderRespType", defaultRespType).toUpperCase(Locale.ROOT);
    return new OrderParams(
        side.equals("BUY"),
        type,
        tif,
        qty,
        price,
        quoteQty,
        p.get("newClientOrderId"),
        respType,
        Boolean.parseBoolean(p.getOrDefault("reduceOnly", "false")));
  }

  private static BigDecimal decimal(String value, String name) {
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw BinanceError.illegal(name);
    }
  }

  private static long units(String value, String name, int decimals, long step, String filter) {
    BigDecimal d = decimal(value, name);
    long units;
    try {
      units = Units.parse(d, decimals);
    } catch (IllegalArgumentException e) {
      throw new BinanceError(400, -1111, "Parameter '" + name + "' has too much precision.");
    }
    if (units <= 0 || units % step != 0) {
      throw new BinanceError(400, -1013, "Filter failure: " + filter);
    }
    return units;
  }
}
