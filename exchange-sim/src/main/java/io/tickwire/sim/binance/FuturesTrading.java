package io.tickwire.sim.binance;

import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.RestingOrder;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.Units;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * USD-M accounts (one-way mode, cross margin, leverage 20): a USDT wallet and one position per
 * symbol. Orders fill against the simulated book like spot orders; each change is reported on the
 * account's listen-key stream as {@code ORDER_TRADE_UPDATE} and {@code ACCOUNT_UPDATE}. Market
 * thread only.
 */
final class FuturesTrading {

  static final BigDecimal TAKER = new BigDecimal("0.0004");
  static final BigDecimal MAKER = new BigDecimal("0.0002");
  static final BigDecimal LEVERAGE = BigDecimal.valueOf(20);

  private final MarketModel model;
  private final UserEvents events;
  private final Map<String, Account> accounts = new HashMap<>();
  private final Map<Long, Order> orders = new HashMap<>();
  private final ClientIds clientIds;
  private long nextOrderId = 8_300_000_000L;

  FuturesTrading(MarketModel model, UserEvents events, long seed) {
    this.model = model;
    this.events = events;
    this.clientIds = new ClientIds(seed + 1);
  }

  /** One account's USD-M state. */
  static final class Account {
    final AccountSpec spec;
    BigDecimal wallet;
    final Map<SimInstrument, BigDecimal[]> positions = new LinkedHashMap<>(); // {amount, entry}

    Account(AccountSpec spec) {
      this.spec = spec;
      this.wallet = new BigDecimal(spec.balances().getOrDefault("USDT", "0"));
    }

    BigDecimal[] position(SimInstrument i) {
      return positions.computeIfAbsent(i, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
  }

  Account account(AccountSpec spec) {
    return accounts.computeIfAbsent(spec.apiKey(), k -> new Account(spec));
  }

  /** One USD-M order. */
  final class Order implements RestingOrder {
    final Account account;
    final SimInstrument instrument;
    final long orderId = nextOrderId++;
    final String clientOrderId;
    final boolean buy;
    final String type;
    final String timeInForce;
    final long price;
    final long origQty;
    final boolean reduceOnly;
    long executed;
    BigDecimal cumQuote = BigDecimal.ZERO;
    String status = "NEW";
    long updateTime;

    Order(Account account, SimInstrument i, OrderParams p, long time) {
      this.account = account;
      this.instrument = i;
      this.clientOrderId = p.clientOrderId != null ? p.clientOrderId : clientIds.next();
      this.buy = p.buy;
      this.type = p.type;
      this.timeInForce = p.type.equals("MARKET") ? "GTC" : p.timeInForce;
      this.price = p.price;
      this.origQty = p.qty;
      this.reduceOnly = p.reduceOnly;
      this.updateTime = time;
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
    }

    BigDecimal avgPrice() {
      if (executed == 0) {
        return BigDecimal.ZERO;
      }
      return cumQuote.divide(
          Units.toDecimal(executed, instrument.qtyDecimals()),
          instrument.priceDecimals() + 2,
          RoundingMode.HALF_UP);
    }
  }

  String place(AccountSpec spec, SimInstrument i, Map<String, String> params) {
    OrderParams p = OrderParams.parse(params, i, true, "ACK");
    long now = model.clock().now();
    Account a = account(spec);
    Long reference = p.type.equals("LIMIT") ? Long.valueOf(p.price) : i.book().best(!p.buy);
    if (reference == null) {
      throw new BinanceError(400, -2021, "Order would immediately trigger.");
    }
    BigDecimal margin = i.quote(reference, p.qty).divide(LEVERAGE, 8, RoundingMode.UP);
    if (!p.reduceOnly && available(a).compareTo(margin) < 0) {
      throw new BinanceError(400, -2019, "Margin is insufficient.");
    }
    Order o = new Order(a, i, p, now);
    orders.put(o.orderId, o);
    orderUpdate(o, "NEW", 0, 0, -1, BigDecimal.ZERO, BigDecimal.ZERO, now, false);
    String ack = response(o, now);
    boolean canFill = !"FOK".equals(o.timeInForce) || i.available(o.buy, o.price) >= o.origQty;
    if (canFill) {
      long limit = o.type.equals("MARKET") ? (o.buy ? Long.MAX_VALUE : 0) : o.price;
      SimInstrument.Taken taken = i.take(o.buy, o.origQty, limit, null, now);
      for (AggTrade t : taken.trades()) {
        for (int k = 0; k < t.tradeQty().length; k++) {
          fill(o, t.tradeQty()[k], t.fill().price(), t.firstTradeId() + k, now, false);
        }
      }
    }
    if (o.remaining() > 0) {
      if (o.type.equals("LIMIT") && o.timeInForce.equals("GTC")) {
        i.rest(o, now);
      } else {
        o.status = "EXPIRED";
        orderUpdate(o, "EXPIRED", 0, 0, -1, BigDecimal.ZERO, BigDecimal.ZERO, now, false);
      }
    }
    return p.respType.equals("RESULT") ? response(o, now) : ack;
  }

  /** Wallet minus the margin of positions and open orders. */
  private BigDecimal available(Account a) {
    BigDecimal used = BigDecimal.ZERO;
    for (Map.Entry<SimInstrument, BigDecimal[]> e : a.positions.entrySet()) {
      used =
          used.add(
              e.getValue()[0].abs().multiply(e.getValue()[1]).divide(LEVERAGE, 8, RoundingMode.UP));
    }
    for (Order o : orders.values()) {
      if (o.account == a && open(o) && o.type.equals("LIMIT")) {
        used =
            used.add(
                o.instrument.quote(o.price, o.remaining()).divide(LEVERAGE, 8, RoundingMode.UP));
      }
    }
    return a.wallet.subtract(used);
  }

  private static boolean open(Order o) {
    return o.status.equals("NEW") || o.status.equals("PARTIALLY_FILLED");
  }

  private void fill(Order o, long qty, long price, long tradeId, long time, boolean maker) {
    SimInstrument i = o.instrument;
    Account a = o.account;
    BigDecimal q = Units.toDecimal(qty, i.qtyDecimals());
    BigDecimal p = Units.toDecimal(price, i.priceDecimals());
    BigDecimal notional = i.quote(price, qty);
    BigDecimal commission =
        notional.multiply(maker ? MAKER : TAKER).setScale(8, RoundingMode.HALF_UP);
    BigDecimal[] pos = a.position(i);
    BigDecimal signed = o.buy ? q : q.negate();
    BigDecimal realized = BigDecimal.ZERO;
    if (pos[0].signum() == 0 || pos[0].signum() == signed.signum()) {
      BigDecimal size = pos[0].abs();
      pos[1] = size.multiply(pos[1]).add(notional).divide(size.add(q), 8, RoundingMode.HALF_UP);
      pos[0] = pos[0].add(signed);
    } else {
      BigDecimal closing = q.min(pos[0].abs());
      realized = p.subtract(pos[1]).multiply(closing).multiply(BigDecimal.valueOf(pos[0].signum()));
      BigDecimal after = pos[0].add(signed);
      if (after.signum() == 0) {
        pos[1] = BigDecimal.ZERO;
      } else if (after.signum() != pos[0].signum()) {
        pos[1] = p; // flipped: the rest opens at this price
      }
      pos[0] = after;
    }
    a.wallet = a.wallet.add(realized).subtract(commission);
    o.executed += qty;
    o.cumQuote = o.cumQuote.add(notional);
    o.status = o.remaining() == 0 ? "FILLED" : "PARTIALLY_FILLED";
    o.updateTime = time;
    orderUpdate(o, "TRADE", qty, price, tradeId, commission, realized, time, maker);
    accountUpdate(a, "ORDER", List.of(i), BigDecimal.ZERO, time);
  }

  String cancel(AccountSpec spec, SimInstrument i, Map<String, String> params) {
    OrderParams.Reference ref = OrderParams.reference(params);
    Account a = account(spec);
    Order o =
        orders.values().stream()
            .filter(x -> x.account == a && x.instrument == i)
            .filter(x -> ref.matches(x.orderId, x.clientOrderId))
            .findFirst()
            .orElse(null);
    if (o == null || !open(o)) {
      throw new BinanceError(400, -2011, "Unknown order sent.");
    }
    long now = model.clock().now();
    i.cancel(o, now);
    o.status = "CANCELED";
    o.updateTime = now;
    orderUpdate(o, "CANCELED", 0, 0, -1, BigDecimal.ZERO, BigDecimal.ZERO, now, false);
    return response(o, now);
  }

  /** {@code GET /fapi/v2/balance}. */
  String balance(AccountSpec spec) {
    Account a = account(spec);
    String wallet = amount(a.wallet);
    return Json.array()
        .beginObject()
        .str("accountAlias", "Sim" + spec.accountId())
        .str("asset", "USDT")
        .str("balance", wallet)
        .str("crossWalletBalance", wallet)
        .str("crossUnPnl", amount(unrealized(a)))
        .str("availableBalance", amount(available(a)))
        .str("maxWithdrawAmount", amount(available(a)))
        .bool("marginAvailable", true)
        .num("updateTime", model.clock().now())
        .end()
        .end()
        .toString();
  }

  void deposit(AccountSpec spec, BigDecimal delta) {
    Account a = account(spec);
    a.wallet = a.wallet.add(delta);
    accountUpdate(a, "DEPOSIT", List.of(), delta, model.clock().now());
  }

  private BigDecimal unrealized(Account a) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Map.Entry<SimInstrument, BigDecimal[]> e : a.positions.entrySet()) {
      sum = sum.add(unrealized(e.getKey(), e.getValue()));
    }
    return sum;
  }

  private static BigDecimal unrealized(SimInstrument i, BigDecimal[] pos) {
    if (pos[0].signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal mark = Units.toDecimal(i.markScaled(), 8);
    return mark.subtract(pos[1]).multiply(pos[0]).setScale(8, RoundingMode.HALF_UP);
  }

  // ---- events ----------------------------------------------------------------------------------

  private void orderUpdate(
      Order o,
      String exec,
      long lastQty,
      long lastPrice,
      long tradeId,
      BigDecimal commission,
      BigDecimal realized,
      long time,
      boolean maker) {
    SimInstrument i = o.instrument;
    Json j = Json.object().str("e", "ORDER_TRADE_UPDATE").num("E", time).num("T", time);
    j.beginObject("o")
        .str("s", i.symbol())
        .str("c", o.clientOrderId)
        .str("S", o.buy ? "BUY" : "SELL")
        .str("o", o.type)
        .str("f", o.timeInForce)
        .str("q", qty(i, o.origQty))
        .str("p", price(i, o.price))
        .str("ap", o.avgPrice().stripTrailingZeros().toPlainString())
        .str("sp", "0")
        .str("x", exec)
        .str("X", o.status)
        .num("i", o.orderId)
        .str("l", qty(i, lastQty))
        .str("z", qty(i, o.executed))
        .str("L", price(i, lastPrice))
        .str("N", "USDT")
        .str("n", commission.stripTrailingZeros().toPlainString())
        .num("T", time)
        .num("t", tradeId == -1 ? 0 : tradeId)
        .str("b", "0")
        .str("a", "0")
        .bool("m", maker)
        .bool("R", o.reduceOnly)
        .str("wt", "CONTRACT_PRICE")
        .str("ot", o.type)
        .str("ps", "BOTH")
        .bool("cp", false)
        .str("rp", realized.stripTrailingZeros().toPlainString())
        .bool("pP", false)
        .num("si", 0)
        .num("ss", 0)
        .str("V", "EXPIRE_MAKER")
        .str("pm", "NONE")
        .num("gtd", 0)
        .end();
    events.futures(o.account.spec.apiKey(), j.end().toString());
  }

  private void accountUpdate(
      Account a, String reason, List<SimInstrument> changed, BigDecimal balanceChange, long time) {
    Json j = Json.object().str("e", "ACCOUNT_UPDATE").num("E", time).num("T", time);
    j.beginObject("a").str("m", reason).beginArray("B");
    j.beginObject()
        .str("a", "USDT")
        .str("wb", amount(a.wallet))
        .str("cw", amount(a.wallet))
        .str("bc", balanceChange.stripTrailingZeros().toPlainString())
        .end();
    j.end().beginArray("P");
    for (SimInstrument i : changed) {
      BigDecimal[] pos = a.position(i);
      String entry = pos[1].stripTrailingZeros().toPlainString();
      j.beginObject()
          .str("s", i.symbol())
          .str("pa", pos[0].setScale(i.qtyDecimals(), RoundingMode.UNNECESSARY).toPlainString())
          .str("ep", entry)
          .str("bep", entry)
          .str("cr", "0")
          .str("up", unrealized(i, pos).stripTrailingZeros().toPlainString())
          .str("mt", "cross")
          .str("iw", "0")
          .str("ps", "BOTH")
          .end();
    }
    j.end().end();
    events.futures(a.spec.apiKey(), j.end().toString());
  }

  private String response(Order o, long time) {
    SimInstrument i = o.instrument;
    return Json.object()
        .num("orderId", o.orderId)
        .str("symbol", i.symbol())
        .str("status", o.status)
        .str("clientOrderId", o.clientOrderId)
        .str("price", price(i, o.price))
        .str("avgPrice", o.avgPrice().stripTrailingZeros().toPlainString())
        .str("origQty", qty(i, o.origQty))
        .str("executedQty", qty(i, o.executed))
        .str("cumQty", qty(i, o.executed))
        .str("cumQuote", o.cumQuote.stripTrailingZeros().toPlainString())
        .str("timeInForce", o.timeInForce)
        .str("type", o.type)
        .bool("reduceOnly", o.reduceOnly)
        .bool("closePosition", false)
        .str("side", o.buy ? "BUY" : "SELL")
        .str("positionSide", "BOTH")
        .str("stopPrice", "0")
        .str("workingType", "CONTRACT_PRICE")
        .bool("priceProtect", false)
        .str("origType", o.type)
        .str("priceMatch", "NONE")
        .str("selfTradePreventionMode", "EXPIRE_MAKER")
        .num("goodTillDate", 0)
        .num("updateTime", time)
        .end()
        .toString();
  }

  static String price(SimInstrument i, long units) {
    return Units.format(units, i.priceDecimals(), i.priceDecimals());
  }

  static String qty(SimInstrument i, long units) {
    return Units.format(units, i.qtyDecimals(), i.qtyDecimals());
  }

  static String amount(BigDecimal v) {
    return v.setScale(8, RoundingMode.HALF_UP).toPlainString();
  }
}
