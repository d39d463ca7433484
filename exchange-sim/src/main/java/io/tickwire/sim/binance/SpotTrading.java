package io.tickwire.sim.binance;

import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.RestingOrder;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.Units;
import io.tickwire.sim.model.Wallet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spot accounts and their orders. New orders take liquidity from the simulated book (their trades
 * appear on the public streams), GTC remainders rest in it and fill when the market trades through
 * them; every change is reported as the venue reports it: {@code executionReport}, then {@code
 * outboundAccountPosition} for the assets that changed, and {@code balanceUpdate} for deposits.
 * Market thread only.
 */
final class SpotTrading {

  static final BigDecimal COMMISSION = new BigDecimal("0.001");

  private final MarketModel model;
  private final UserEvents events;
  private final Map<String, Wallet> wallets = new HashMap<>();
  private final Map<Long, Order> orders = new HashMap<>();
  private final ClientIds clientIds;
  private long nextOrderId = 4_000_000;
  private long nextExecutionId = 80_000_000;

  SpotTrading(MarketModel model, UserEvents events, List<AccountSpec> accounts, long seed) {
    this.model = model;
    this.events = events;
    this.clientIds = new ClientIds(seed);
    for (AccountSpec a : accounts) {
      wallets.put(a.apiKey(), new Wallet(a.balances()));
    }
  }

  Wallet wallet(AccountSpec account) {
    return wallets.computeIfAbsent(account.apiKey(), k -> new Wallet(account.balances()));
  }

  /** One order of one account. */
  final class Order implements RestingOrder {
    final AccountSpec account;
    final SimInstrument instrument;
    final long orderId;
    final String clientOrderId;
    final boolean buy;
    final String type;
    final String timeInForce;
    final long price;
    final long origQty;
    final BigDecimal quoteOrderQty;
    final long created;
    long executed;
    BigDecimal cumQuote = BigDecimal.ZERO;
    String status = "NEW";
    long workingTime = -1;

    /** What is still locked for this order (quote for buys, base for sells). */
    BigDecimal locked = BigDecimal.ZERO;

    Order(AccountSpec account, SimInstrument i, OrderParams p, long time) {
      this.account = account;
      this.instrument = i;
      this.orderId = nextOrderId++;
      this.clientOrderId = p.clientOrderId != null ? p.clientOrderId : clientIds.next();
      this.buy = p.buy;
      this.type = p.type;
      this.timeInForce = p.type.equals("MARKET") ? "GTC" : p.timeInForce;
      this.price = p.price;
      this.origQty = p.qty;
      this.quoteOrderQty = p.quoteQty;
      this.created = time;
    }

    @Override
    public boolean buy() {
      return buy;
    }

    @Override
    public long price() {
      return price;
    }

    @Override
    public long remaining() {
      return origQty - executed;
    }

    @Override
    public void makerFill(long qty, long tradeId, long time) {
      fill(this, qty, price, tradeId, time, true);
      positions(account, time);
    }

    String base() {
      return instrument.spec().base();
    }

    String quote() {
      return instrument.spec().quote();
    }
  }

  // ---- placing ---------------------------------------------------------------------------------

  String place(AccountSpec account, SimInstrument i, Map<String, String> params) {
    OrderParams p = OrderParams.parse(params, i, false, "FULL");
    long now = model.clock().now();
    Wallet w = wallet(account);
    String base = i.spec().base();
    String quote = i.spec().quote();
    if (p.clientOrderId != null
        && orders.values().stream()
            .anyMatch(
                o -> o.account == account && o.clientOrderId.equals(p.clientOrderId) && open(o))) {
      throw new BinanceError(400, -2010, "Duplicate order sent.");
    }
    // funds: limit orders lock what they may spend; market orders must be covered now
    BigDecimal lock = BigDecimal.ZERO;
    if (p.type.equals("LIMIT")) {
      lock = p.buy ? i.quote(p.price, p.qty) : Units.toDecimal(p.qty, i.qtyDecimals());
      if (w.free(p.buy ? quote : base).compareTo(lock) < 0) {
        throw BinanceError.insufficientBalance();
      }
    } else if (p.buy) {
      BigDecimal need = p.quoteQty != null ? p.quoteQty : estimateCost(i, p.qty);
      if (need == null || w.free(quote).compareTo(need) < 0) {
        throw BinanceError.insufficientBalance();
      }
    } else if (w.free(base).compareTo(Units.toDecimal(p.qty, i.qtyDecimals())) < 0) {
      throw BinanceError.insufficientBalance();
    }
    Order o = new Order(account, i, p, now);
    orders.put(o.orderId, o);
    if (o.type.equals("LIMIT")
        && o.timeInForce.equals("GTC")
        && i.available(o.buy, o.price) < o.origQty) {
      o.workingTime = now; // part of it will rest in the book
    }
    if (lock.signum() > 0) {
      w.lock(p.buy ? quote : base, lock);
      o.locked = lock;
    }
    report(o, "NEW", 0, 0, -1, null, BigDecimal.ZERO, now, false);
    List<String[]> fills = new ArrayList<>();
    boolean fok = "FOK".equals(o.timeInForce);
    boolean canFill = !fok || i.available(o.buy, o.price) >= o.origQty;
    if (canFill) {
      long limit = o.type.equals("MARKET") ? (o.buy ? Long.MAX_VALUE : 0) : o.price;
      long maxQty = o.quoteOrderQty != null ? Long.MAX_VALUE : o.origQty;
      SimInstrument.Taken taken = i.take(o.buy, maxQty, limit, o.quoteOrderQty, now);
      for (AggTrade t : taken.trades()) {
        for (int k = 0; k < t.tradeQty().length; k++) {
          long tradeId = t.firstTradeId() + k;
          BigDecimal commission = fill(o, t.tradeQty()[k], t.fill().price(), tradeId, now, false);
          fills.add(
              new String[] {
                price(i, t.fill().price()),
                qty(i, t.tradeQty()[k]),
                amount(commission),
                o.buy ? base : quote,
                Long.toString(tradeId)
              });
        }
      }
    }
    boolean rests = o.type.equals("LIMIT") && o.timeInForce.equals("GTC") && o.remaining() > 0;
    if (rests) {
      i.rest(o, now);
    } else if (o.remaining() > 0 && !o.status.equals("FILLED")) {
      expire(o, now);
    }
    positions(account, now);
    return response(o, p.respType, fills, now);
  }

  private static boolean open(Order o) {
    return o.status.equals("NEW") || o.status.equals("PARTIALLY_FILLED");
  }

  /** What buying {@code qty} at the market costs now, or null when the book cannot fill it. */
  private static BigDecimal estimateCost(SimInstrument i, long qty) {
    BigDecimal cost = BigDecimal.ZERO;
    long left = qty;
    for (Map.Entry<Long, Long> e : i.book().side(false).entrySet()) {
      long take = Math.min(left, e.getValue());
      cost = cost.add(i.quote(e.getKey(), take));
      left -= take;
      if (left == 0) {
        return cost;
      }
    }
    return null;
  }

  /** Applies one trade of an order to its balances and reports it; returns the commission. */
  private BigDecimal fill(Order o, long qty, long price, long tradeId, long time, boolean maker) {
    SimInstrument i = o.instrument;
    Wallet w = wallet(o.account);
    BigDecimal quote = i.quote(price, qty);
    BigDecimal baseQty = Units.toDecimal(qty, i.qtyDecimals());
    BigDecimal commission;
    if (o.buy) {
      commission = baseQty.multiply(COMMISSION).setScale(8, RoundingMode.DOWN);
      if (o.type.equals("LIMIT")) {
        BigDecimal reserved = i.quote(o.price, qty);
        w.spendLocked(o.quote(), reserved);
        o.locked = o.locked.subtract(reserved);
        w.addFree(o.quote(), reserved.subtract(quote)); // price improvement comes back
      } else {
        w.addFree(o.quote(), quote.negate());
      }
      w.addFree(o.base(), baseQty.subtract(commission));
    } else {
      commission = quote.multiply(COMMISSION).setScale(8, RoundingMode.DOWN);
      if (o.type.equals("LIMIT")) {
        w.spendLocked(o.base(), baseQty);
        o.locked = o.locked.subtract(baseQty);
      } else {
        w.addFree(o.base(), baseQty.negate());
      }
      w.addFree(o.quote(), quote.subtract(commission));
    }
    o.executed += qty;
    o.cumQuote = o.cumQuote.add(quote);
    o.status = o.remaining() == 0 ? "FILLED" : "PARTIALLY_FILLED";
    report(o, "TRADE", qty, price, tradeId, o.buy ? o.base() : o.quote(), commission, time, maker);
    return commission;
  }

  private void expire(Order o, long time) {
    release(o);
    o.status = "EXPIRED";
    report(o, "EXPIRED", 0, 0, -1, null, BigDecimal.ZERO, time, false);
  }

  private void release(Order o) {
    if (o.locked.signum() > 0) {
      wallet(o.account).unlock(o.buy ? o.quote() : o.base(), o.locked);
      o.locked = BigDecimal.ZERO;
    }
  }

  // ---- cancelling ------------------------------------------------------------------------------

  String cancel(AccountSpec account, SimInstrument i, Map<String, String> params) {
    OrderParams.Reference ref = OrderParams.reference(params);
    Order o =
        orders.values().stream()
            .filter(x -> x.account == account && x.instrument == i)
            .filter(x -> ref.matches(x.orderId, x.clientOrderId))
            .findFirst()
            .orElse(null);
    if (o == null || !open(o)) {
      throw new BinanceError(400, -2011, "Unknown order sent.");
    }
    long now = model.clock().now();
    i.cancel(o, now);
    release(o);
    o.status = "CANCELED";
    String cancelId = params.getOrDefault("newClientOrderId", clientIds.next());
    report(o, "CANCELED", 0, 0, -1, null, BigDecimal.ZERO, now, false, o.clientOrderId, cancelId);
    positions(account, now);
    Json j =
        Json.object()
            .str("symbol", i.symbol())
            .str("origClientOrderId", o.clientOrderId)
            .num("orderId", o.orderId)
            .num("orderListId", -1)
            .str("clientOrderId", cancelId)
            .num("transactTime", now);
    return state(j, o).str("selfTradePreventionMode", "NONE").end().toString();
  }

  // ---- account ---------------------------------------------------------------------------------

  String account(AccountSpec account) {
    Wallet w = wallet(account);
    Json j =
        Json.object()
            .num("makerCommission", 10)
            .num("takerCommission", 10)
            .num("buyerCommission", 0)
            .num("sellerCommission", 0)
            .bool("canTrade", true)
            .bool("canWithdraw", true)
            .bool("canDeposit", true)
            .bool("brokered", false)
            .bool("requireSelfTradePrevention", false)
            .bool("preventSor", false)
            .num("updateTime", model.clock().now())
            .str("accountType", "SPOT");
    j.beginArray("balances");
    for (String asset : w.assets()) {
      j.beginObject()
          .str("asset", asset)
          .str("free", amount(w.free(asset)))
          .str("locked", amount(w.locked(asset)))
          .end();
    }
    j.end().beginArray("permissions").str("SPOT").end();
    return j.num("uid", Math.abs(account.accountId().hashCode())).end().toString();
  }

  /** Open orders of an account (optionally one symbol), as {@code GET /api/v3/openOrders}. */
  String openOrders(AccountSpec account, SimInstrument only) {
    Json arr = Json.array();
    orders.values().stream()
        .filter(o -> o.account == account && open(o) && (only == null || o.instrument == only))
        .sorted(java.util.Comparator.comparingLong(o -> o.orderId))
        .forEach(o -> arr.raw(orderJson(o)));
    return arr.end().toString();
  }

  private String orderJson(Order o) {
    SimInstrument i = o.instrument;
    Json j =
        Json.object()
            .str("symbol", i.symbol())
            .num("orderId", o.orderId)
            .num("orderListId", -1)
            .str("clientOrderId", o.clientOrderId);
    return state(j, o)
        .str("stopPrice", "0.00000000")
        .str("icebergQty", "0.00000000")
        .num("time", o.created)
        .num("updateTime", model.clock().now())
        .bool("isWorking", o.workingTime >= 0)
        .num("workingTime", o.workingTime)
        .str(
            "origQuoteOrderQty",
            amount(o.quoteOrderQty == null ? BigDecimal.ZERO : o.quoteOrderQty))
        .str("selfTradePreventionMode", "NONE")
        .end()
        .toString();
  }

  /** A deposit or withdrawal: {@code balanceUpdate} then {@code outboundAccountPosition}. */
  void deposit(AccountSpec account, String asset, BigDecimal delta) {
    long now = model.clock().now();
    wallet(account).addFree(asset, delta);
    events.spot(
        account.apiKey(),
        Json.object()
            .str("e", "balanceUpdate")
            .num("E", now)
            .str("a", asset)
            .str("d", amount(delta))
            .num("T", now)
            .end()
            .toString());
    positions(account, now);
  }

  // ---- events ----------------------------------------------------------------------------------

  private void report(
      Order o,
      String exec,
      long lastQty,
      long lastPrice,
      long tradeId,
      String commissionAsset,
      BigDecimal commission,
      long time,
      boolean maker) {
    report(
        o,
        exec,
        lastQty,
        lastPrice,
        tradeId,
        commissionAsset,
        commission,
        time,
        maker,
        o.clientOrderId,
        null);
  }

  private void report(
      Order o,
      String exec,
      long lastQty,
      long lastPrice,
      long tradeId,
      String commissionAsset,
      BigDecimal commission,
      long time,
      boolean maker,
      String origClientId,
      String cancelClientId) {
    SimInstrument i = o.instrument;
    boolean canceled = cancelClientId != null;
    Json j =
        Json.object()
            .str("e", "executionReport")
            .num("E", time)
            .str("s", i.symbol())
            .str("c", canceled ? cancelClientId : o.clientOrderId)
            .str("S", o.buy ? "BUY" : "SELL")
            .str("o", o.type)
            .str("f", o.timeInForce)
            .str("q", qty(i, o.origQty))
            .str("p", price(i, o.price))
            .str("P", "0.00000000")
            .str("F", "0.00000000")
            .num("g", -1)
            .str("C", canceled ? origClientId : "")
            .str("x", exec)
            .str("X", o.status)
            .str("r", "NONE")
            .num("i", o.orderId)
            .str("l", qty(i, lastQty))
            .str("z", qty(i, o.executed))
            .str("L", price(i, lastPrice))
            .str("n", amount(commission));
    if (commissionAsset == null) {
      j.nul("N");
    } else {
      j.str("N", commissionAsset);
    }
    j.num("T", time)
        .num("t", tradeId)
        .num("I", nextExecutionId++)
        .bool("w", o.workingTime >= 0 && Set.of("NEW", "PARTIALLY_FILLED").contains(o.status))
        .bool("m", maker)
        .bool("M", false)
        .num("O", o.created)
        .str("Z", amount(o.cumQuote))
        .str("Y", amount(i.quote(lastPrice, lastQty)))
        .str("Q", amount(o.quoteOrderQty == null ? BigDecimal.ZERO : o.quoteOrderQty));
    if (o.workingTime >= 0) {
      j.num("W", o.workingTime);
    }
    j.str("V", "NONE");
    events.spot(o.account.apiKey(), j.end().toString());
  }

  private void positions(AccountSpec account, long time) {
    Wallet w = wallet(account);
    var changed = w.drainChanged();
    if (changed.isEmpty()) {
      return;
    }
    Json j = Json.object().str("e", "outboundAccountPosition").num("E", time).num("u", time);
    j.beginArray("B");
    for (String asset : changed) {
      j.beginObject()
          .str("a", asset)
          .str("f", amount(w.free(asset)))
          .str("l", amount(w.locked(asset)))
          .end();
    }
    events.spot(account.apiKey(), j.end().end().toString());
  }

  private String response(Order o, String respType, List<String[]> fills, long time) {
    SimInstrument i = o.instrument;
    Json j =
        Json.object()
            .str("symbol", i.symbol())
            .num("orderId", o.orderId)
            .num("orderListId", -1)
            .str("clientOrderId", o.clientOrderId)
            .num("transactTime", time);
    if (respType.equals("ACK")) {
      return j.end().toString();
    }
    j.str("price", price(i, o.price))
        .str("origQty", qty(i, o.origQty))
        .str("executedQty", qty(i, o.executed))
        .str(
            "origQuoteOrderQty",
            amount(o.quoteOrderQty == null ? BigDecimal.ZERO : o.quoteOrderQty));
    status(j, o);
    if (o.workingTime >= 0) {
      j.num("workingTime", o.workingTime);
    }
    j.str("selfTradePreventionMode", "NONE");
    if (respType.equals("FULL")) {
      j.beginArray("fills");
      for (String[] f : fills) {
        j.beginObject()
            .str("price", f[0])
            .str("qty", f[1])
            .str("commission", f[2])
            .str("commissionAsset", f[3])
            .num("tradeId", Long.parseLong(f[4]))
            .end();
      }
      j.end();
    }
    return j.end().toString();
  }

  /** Price, quantities and status of an order, in the order Binance lists them. */
  private static Json state(Json j, Order o) {
    SimInstrument i = o.instrument;
    j.str("price", price(i, o.price))
        .str("origQty", qty(i, o.origQty))
        .str("executedQty", qty(i, o.executed));
    return status(j, o);
  }

  private static Json status(Json j, Order o) {
    return j.str("cummulativeQuoteQty", amount(o.cumQuote))
        .str("status", o.status)
        .str("timeInForce", o.timeInForce)
        .str("type", o.type)
        .str("side", o.buy ? "BUY" : "SELL");
  }

  static String price(SimInstrument i, long units) {
    return Units.format(units, i.priceDecimals(), 8);
  }

  static String qty(SimInstrument i, long units) {
    return Units.format(units, i.qtyDecimals(), 8);
  }

  static String amount(BigDecimal value) {
    return value.setScale(8, RoundingMode.DOWN).toPlainString();
  }

  static boolean spot(SimInstrument i) {
    return i.venue() == Venue.BINANCE_SPOT;
  }
}
