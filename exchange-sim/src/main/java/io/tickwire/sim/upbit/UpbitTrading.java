package io.tickwire.sim.upbit;

import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.AggTrade;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.RestingOrder;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.Units;
import io.tickwire.sim.model.Wallet;
import io.tickwire.sim.server.StreamHub;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Upbit accounts and orders ({@code limit}, {@code price}: market buy for an amount of KRW, {@code
 * market}: market sell of a volume). Orders take liquidity from the simulated book; what rests
 * fills when the market trades through it. Each change is pushed to the account's private WebSocket
 * streams as {@code myOrder} and {@code myAsset}. Market thread only.
 */
final class UpbitTrading {

  static final BigDecimal FEE = new BigDecimal("0.0005");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final MarketModel model;
  private final StreamHub hub;
  private final UpbitPayloads payloads;
  private final Map<String, Wallet> wallets = new HashMap<>();
  private final Map<String, Order> orders = new LinkedHashMap<>();
  private final SplittableRandom random;

  UpbitTrading(MarketModel model, StreamHub hub, UpbitPayloads payloads, long seed) {
    this.model = model;
    this.hub = hub;
    this.payloads = payloads;
    this.random = new SplittableRandom(seed ^ 0x0B17L);
  }

  Wallet wallet(AccountSpec account) {
    return wallets.computeIfAbsent(account.apiKey(), k -> new Wallet(account.balances()));
  }

  private String uuid() {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /** One order. */
  final class Order implements RestingOrder {
    final String uuid = uuid();
    final AccountSpec account;
    final SimInstrument instrument;
    final boolean bid;
    final String ordType;
    final long price;
    final BigDecimal priceAmount;
    final long volume;
    final long created;
    long executed;
    BigDecimal funds = BigDecimal.ZERO;
    BigDecimal paidFee = BigDecimal.ZERO;
    BigDecimal locked = BigDecimal.ZERO;
    BigDecimal reservedFee = BigDecimal.ZERO;
    int trades;
    String state = "wait";

    Order(
        AccountSpec account,
        SimInstrument i,
        boolean bid,
        String ordType,
        long price,
        BigDecimal amount,
        long volume,
        long time) {
      this.account = account;
      this.instrument = i;
      this.bid = bid;
      this.ordType = ordType;
      this.price = price;
      this.priceAmount = amount;
      this.volume = volume;
      this.created = time;
    }

    @Override
    public boolean buy() {
      return bid;
    }

    @Override
    public long price() {
      return price;
    }

    @Override
    public long remaining() {
      return volume - executed;
    }

    @Override
    public void makerFill(long qty, long tradeId, long time) {
      fill(this, qty, price, time, true);
      if (remaining() == 0) {
        finish(this, "done", time);
      }
      asset(account, time);
    }
  }

  String place(AccountSpec account, Map<String, String> p) {
    String market = required(p, "market");
    SimInstrument i = model.instrument(Venue.UPBIT, market);
    if (i == null) {
      throw new UpbitError(404, "market_does_not_exist", "Market does not exist.");
    }
    String side = required(p, "side");
    if (!side.equals("bid") && !side.equals("ask")) {
      throw new UpbitError(400, "invalid_side", "Side must be bid or ask.");
    }
    boolean bid = side.equals("bid");
    String ordType = required(p, "ord_type");
    long now = model.clock().now();
    Wallet w = wallet(account);
    String base = i.spec().base();
    String quote = i.spec().quote();
    long price = 0;
    long volume = 0;
    BigDecimal amount = null;
    switch (ordType) {
      case "limit" -> {
        price = units(required(p, "price"), i.priceDecimals(), i.spec().tickUnits(), bid, "price");
        volume = units(required(p, "volume"), i.qtyDecimals(), i.spec().stepUnits(), bid, "volume");
      }
      case "price" -> {
        if (!bid) {
          throw new UpbitError(400, "validation_error", "ord_type price is for bids only.");
        }
        amount = decimal(required(p, "price"), bid, "price");
      }
      case "market" -> {
        if (bid) {
          throw new UpbitError(400, "validation_error", "ord_type market is for asks only.");
        }
        volume = units(required(p, "volume"), i.qtyDecimals(), i.spec().stepUnits(), bid, "volume");
      }
      default -> throw new UpbitError(400, "validation_error", "Unknown ord_type " + ordType + ".");
    }
    BigDecimal lock;
    if (bid) {
      BigDecimal total = amount != null ? amount : i.quote(price, volume);
      lock = total.add(total.multiply(FEE)).setScale(8, RoundingMode.UP);
      if (w.free(quote).compareTo(lock) < 0) {
        throw new UpbitError(400, "insufficient_funds_bid", "Insufficient funds for the bid.");
      }
      w.lock(quote, lock);
    } else {
      lock = Units.toDecimal(volume, i.qtyDecimals());
      if (w.free(base).compareTo(lock) < 0) {
        throw new UpbitError(400, "insufficient_funds_ask", "Insufficient funds for the ask.");
      }
      w.lock(base, lock);
    }
    Order o = new Order(account, i, bid, ordType, price, amount, volume, now);
    o.locked = lock;
    o.reservedFee =
        bid ? lock.subtract(amount != null ? amount : i.quote(price, volume)) : BigDecimal.ZERO;
    orders.put(o.uuid, o);
    String accepted = orderJson(o);
    long limit = ordType.equals("limit") ? price : bid ? Long.MAX_VALUE : 0;
    long maxQty = amount != null ? Long.MAX_VALUE : volume;
    BigDecimal budget = amount;
    SimInstrument.Taken taken = i.take(bid, maxQty, limit, budget, now);
    for (AggTrade t : taken.trades()) {
      fill(o, t.fill().qty(), t.fill().price(), now, false);
    }
    if (ordType.equals("limit") && o.remaining() > 0) {
      i.rest(o, now);
      if (o.executed == 0) {
        myOrder(o, null, 0, 0, BigDecimal.ZERO, false, now);
      }
    } else {
      finish(o, o.executed > 0 && (o.remaining() == 0 || amount != null) ? "done" : "cancel", now);
    }
    asset(account, now);
    return accepted;
  }

  private void fill(Order o, long qty, long price, long time, boolean maker) {
    SimInstrument i = o.instrument;
    Wallet w = wallet(o.account);
    BigDecimal funds = i.quote(price, qty);
    BigDecimal fee = funds.multiply(FEE).setScale(8, RoundingMode.UP);
    String base = i.spec().base();
    String quote = i.spec().quote();
    if (o.bid) {
      w.spendLocked(quote, funds.add(fee));
      o.locked = o.locked.subtract(funds.add(fee));
      w.addFree(base, Units.toDecimal(qty, i.qtyDecimals()));
    } else {
      BigDecimal q = Units.toDecimal(qty, i.qtyDecimals());
      w.spendLocked(base, q);
      o.locked = o.locked.subtract(q);
      w.addFree(quote, funds.subtract(fee));
    }
    o.executed += qty;
    o.funds = o.funds.add(funds);
    o.paidFee = o.paidFee.add(fee);
    o.trades++;
    o.state = "trade";
    myOrder(o, uuid(), qty, price, fee, maker, time);
  }

  /** Ends an order ({@code done} or {@code cancel}) and returns what stayed locked. */
  private void finish(Order o, String state, long time) {
    if (o.locked.signum() > 0) {
      wallet(o.account)
          .unlock(o.bid ? o.instrument.spec().quote() : o.instrument.spec().base(), o.locked);
      o.locked = BigDecimal.ZERO;
    }
    o.state = state;
    myOrder(o, null, 0, 0, BigDecimal.ZERO, false, time);
  }

  String cancel(AccountSpec account, Map<String, String> p) {
    Order o = orders.get(required(p, "uuid"));
    if (o == null || o.account != account) {
      throw new UpbitError(404, "order_not_found", "Order not found.");
    }
    if (!o.state.equals("wait") && !o.state.equals("trade") || o.remaining() == 0) {
      throw new UpbitError(400, "validation_error", "The order cannot be cancelled.");
    }
    long now = model.clock().now();
    o.instrument.cancel(o, now);
    String before = orderJson(o);
    finish(o, "cancel", now);
    asset(account, now);
    return before;
  }

  String order(AccountSpec account, Map<String, String> p) {
    Order o = orders.get(required(p, "uuid"));
    if (o == null || o.account != account) {
      throw new UpbitError(404, "order_not_found", "Order not found.");
    }
    return orderJson(o);
  }

  String accounts(AccountSpec account) {
    Wallet w = wallet(account);
    Json arr = Json.array();
    for (String currency : w.assets()) {
      arr.beginObject()
          .str("currency", currency)
          .str("balance", plain(w.free(currency)))
          .str("locked", plain(w.locked(currency)))
          .str("avg_buy_price", "0")
          .bool("avg_buy_price_modified", false)
          .str("unit_currency", "KRW")
          .end();
    }
    return arr.end().toString();
  }

  private String orderJson(Order o) {
    SimInstrument i = o.instrument;
    Json j =
        Json.object()
            .str("uuid", o.uuid)
            .str("side", o.bid ? "bid" : "ask")
            .str("ord_type", o.ordType);
    if (o.priceAmount != null) {
      j.str("price", plain(o.priceAmount));
    } else if (o.ordType.equals("limit")) {
      j.str("price", plain(Units.toDecimal(o.price, i.priceDecimals())));
    } else {
      j.nul("price");
    }
    j.str("state", o.state)
        .str("market", i.symbol())
        .str(
            "created_at",
            ISO.format(Instant.ofEpochMilli(o.created).atOffset(ZoneOffset.ofHours(9))));
    if (o.volume > 0) {
      j.str("volume", plain(Units.toDecimal(o.volume, i.qtyDecimals())))
          .str("remaining_volume", plain(Units.toDecimal(o.remaining(), i.qtyDecimals())));
    } else {
      j.nul("volume").nul("remaining_volume");
    }
    return j.str("reserved_fee", plain(o.reservedFee))
        .str("remaining_fee", plain(o.reservedFee.subtract(o.paidFee).max(BigDecimal.ZERO)))
        .str("paid_fee", plain(o.paidFee))
        .str("locked", plain(o.locked))
        .str("executed_volume", plain(Units.toDecimal(o.executed, i.qtyDecimals())))
        .num("trades_count", o.trades)
        .end()
        .toString();
  }

  static String plain(BigDecimal v) {
    return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
  }

  // ---- events ----------------------------------------------------------------------------------

  private void myOrder(
      Order o, String tradeUuid, long qty, long price, BigDecimal fee, boolean maker, long time) {
    SimInstrument i = o.instrument;
    int pd = i.priceDecimals();
    int qd = i.qtyDecimals();
    boolean trade = tradeUuid != null;
    String avg =
        o.executed == 0
            ? "0"
            : payloads.num(
                o.funds.divide(Units.toDecimal(o.executed, qd), pd + 4, RoundingMode.HALF_UP));
    String orderPrice =
        o.priceAmount != null ? payloads.num(o.priceAmount) : payloads.num(o.price, pd);
    UpbitMessage m =
        new UpbitMessage.Builder("myOrder:" + o.account.apiKey(), i.symbol())
            .str("type", "ty", "myOrder")
            .str("code", "cd", i.symbol())
            .str("uuid", "uid", o.uuid)
            .str("ask_bid", "ab", o.bid ? "BID" : "ASK")
            .str("order_type", "ot", o.ordType)
            .str("state", "s", o.state)
            .str("trade_uuid", "tuid", tradeUuid)
            .raw("price", "p", trade ? payloads.num(price, pd) : orderPrice)
            .raw("avg_price", "ap", avg)
            .raw("volume", "v", trade ? payloads.num(qty, qd) : payloads.num(o.volume, qd))
            .raw("remaining_volume", "rv", payloads.num(o.remaining(), qd))
            .raw("executed_volume", "ev", payloads.num(o.executed, qd))
            .num("trades_count", "tc", o.trades)
            .raw("reserved_fee", "rsf", payloads.num(o.reservedFee))
            .raw(
                "remaining_fee",
                "rmf",
                payloads.num(o.reservedFee.subtract(o.paidFee).max(BigDecimal.ZERO)))
            .raw("paid_fee", "pf", payloads.num(o.paidFee))
            .raw("locked", "l", payloads.num(o.locked))
            .raw("executed_funds", "ef", payloads.num(o.funds))
            .raw("time_in_force", "tif", "null")
            .raw("trade_fee", "tf", trade ? payloads.num(fee) : "null")
            .raw("is_maker", "im", trade ? Boolean.toString(maker) : "null")
            .raw("identifier", "id", "null")
            .raw("trade_timestamp", "ttms", trade ? Long.toString(time) : "null")
            .num("order_timestamp", "otms", o.created)
            .num("timestamp", "tms", time)
            .str("stream_type", "st", "REALTIME")
            .build();
    hub.publish(Venue.UPBIT, m.stream(), m);
  }

  private void asset(AccountSpec account, long time) {
    Wallet w = wallet(account);
    Set<String> changed = w.drainChanged();
    if (changed.isEmpty()) {
      return;
    }
    StringBuilder full = new StringBuilder("[");
    StringBuilder simple = new StringBuilder("[");
    for (String currency : changed) {
      if (full.length() > 1) {
        full.append(',');
        simple.append(',');
      }
      String cu = Json.quote(currency);
      String b = payloads.num(w.free(currency));
      String l = payloads.num(w.locked(currency));
      full.append("{\"currency\":")
          .append(cu)
          .append(",\"balance\":")
          .append(b)
          .append(",\"locked\":")
          .append(l)
          .append('}');
      simple
          .append("{\"cu\":")
          .append(cu)
          .append(",\"b\":")
          .append(b)
          .append(",\"l\":")
          .append(l)
          .append('}');
    }
    UpbitMessage m =
        new UpbitMessage.Builder("myAsset:" + account.apiKey(), null)
            .str("type", "ty", "myAsset")
            .str("asset_uuid", "astuid", uuid())
            .raw("assets", "ast", full.append(']').toString(), simple.append(']').toString())
            .num("asset_timestamp", "asttms", time)
            .num("timestamp", "tms", time)
            .str("stream_type", "st", "REALTIME")
            .build();
    hub.publish(Venue.UPBIT, m.stream(), m);
  }

  // ---- parameters ------------------------------------------------------------------------------

  static String required(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isEmpty()) {
      throw new UpbitError(400, "validation_error", name + " is missing.");
    }
    return v;
  }

  private static BigDecimal decimal(String value, boolean bid, String name) {
    try {
      BigDecimal d = new BigDecimal(value);
      if (d.signum() <= 0) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UpbitError(
          400, "invalid_" + name + "_" + (bid ? "bid" : "ask"), "Invalid " + name + ".");
    }
  }

  private static long units(String value, int decimals, long step, boolean bid, String name) {
    BigDecimal d = decimal(value, bid, name);
    long units;
    try {
      units = Units.parse(d, decimals);
    } catch (IllegalArgumentException e) {
      throw new UpbitError(
          400, "invalid_" + name + "_" + (bid ? "bid" : "ask"), "Invalid " + name + " unit.");
    }
    if (units % step != 0) {
      throw new UpbitError(
          400, "invalid_" + name + "_" + (bid ? "bid" : "ask"), "Invalid " + name + " unit.");
    }
    return units;
  }

  void deposit(AccountSpec account, String currency, BigDecimal amount) {
    wallet(account).addFree(currency, amount);
    asset(account, model.clock().now());
  }
}
