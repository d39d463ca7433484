package io.tickwire.persist.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Balance;
import io.tickwire.model.Json;
import io.tickwire.model.Kline;
import io.tickwire.model.Order;
import io.tickwire.model.Trade;
import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Documents built from the contract's golden events (market-model test resources). */
class MongoDocumentsTest {

  private static <T> T golden(String path, Class<T> type) throws IOException {
    try (InputStream in = MongoDocumentsTest.class.getResourceAsStream("/golden/" + path)) {
      return Json.mapper().readValue(in, type);
    }
  }

  @Test
  void candleIdIsVenueSymbolIntervalAndOpenTime() throws IOException {
    Kline kline = golden("kline/binance-open.json", Kline.class);

    Document document = MongoDocuments.kline(kline);

    assertThat(document.get("_id")).isEqualTo("binance-spot:BNB-BTC:1m:1672515780000");
    assertThat(document.get("series")).isEqualTo("binance-spot:BNB-BTC:1m");
    assertThat(document.get("time")).isEqualTo(new Date(1672515780000L));
    assertThat(document.get("tradeCount")).isEqualTo(100L);
  }

  @Test
  void anOrderUpdateWithAFillIsAnOrderAndAFill() throws IOException {
    Order order = golden("order/binance-spot-fill.json", Order.class);

    assertThat(MongoDocuments.order(order))
        .containsEntry("_id", "binance-spot:4db7ef:ETH-BTC:4293153")
        .containsEntry("status", "partially_filled")
        .containsEntry("time", new Date(1499405658658L))
        .doesNotContainKeys("reduceOnly", "positionSide");
    assertThat(MongoDocuments.fill(order))
        .hasValue(
            new Document("_id", "binance-spot:4db7ef:ETH-BTC:10001")
                .append("time", new Date(1499405658657L))
                .append("venue", "binance-spot")
                .append("accountId", "4db7ef")
                .append("symbol", "ETH-BTC")
                .append("nativeSymbol", "ETHBTC")
                .append("orderId", "4293153")
                .append("clientOrderId", "mUvoqJxFIILMdfAW5iGSOW")
                .append("tradeId", "10001")
                .append("side", "buy")
                .append("price", "0.10264410")
                .append("quantity", "0.50000000")
                .append("fee", "0.00050000")
                .append("feeAsset", "ETH")
                .append("maker", false)
                .append("eventTime", 1499405658658L)
                .append("transactionTime", 1499405658657L)
                .append("receivedAt", 1499405658659000L));
  }

  @Test
  void anUpdateWithoutAFilledQuantityIsNoFill() throws IOException {
    Order order = golden("order/binance-spot-fill.json", Order.class);
    Order canceled =
        new Order(
            order.venue(),
            order.accountId(),
            order.symbol(),
            order.nativeSymbol(),
            order.orderId(),
            null,
            order.side(),
            order.orderType(),
            null,
            Order.Status.CANCELED,
            "CANCELED",
            order.price(),
            order.quantity(),
            "0",
            null,
            "0",
            "0.00000000",
            null,
            null,
            "-1",
            null,
            null,
            null,
            1L,
            null,
            2L);

    assertThat(MongoDocuments.fill(canceled)).isEmpty();
  }

  @Test
  void tradeIdsKeepTradesAndAggregateTradesApart() throws IOException {
    Trade agg = golden("trade/binance-aggtrade.json", Trade.class);

    assertThat(MongoDocuments.trade(agg).getString("_id"))
        .isEqualTo(agg.instrumentKey() + ":aggTrade:" + agg.tradeId());
    assertThat(MongoDocuments.trade(agg).get("firstTradeId")).isEqualTo(agg.firstTradeId());
  }

  @Test
  void aBalanceEventIsOneDocumentPerAsset() throws IOException {
    Balance balance = golden("balance/binance-usdm-delta.json", Balance.class);

    assertThat(MongoDocuments.balances(balance))
        .containsExactly(
            new Document("_id", "binance-usdm:4db7ef:USDT:1564745798939:update")
                .append("time", new Date(1564745798939L))
                .append("venue", "binance-usdm")
                .append("accountId", "4db7ef")
                .append("asset", "USDT")
                .append("kind", "update")
                .append("free", "100.12345678")
                .append("total", "122624.12345678")
                .append("delta", "50.12345678")
                .append("reason", "ORDER")
                .append("eventTime", 1564745798939L)
                .append("receivedAt", 1564745798940000L));
  }
}
