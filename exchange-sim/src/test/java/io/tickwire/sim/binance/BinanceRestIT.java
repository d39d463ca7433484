package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.model.Venue;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.Http;
import io.tickwire.sim.RestLimits;
import io.tickwire.sim.SimConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Binance REST: time, exchangeInfo, depth weights and limits, aggTrades backfill, klines. */
class BinanceRestIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static ExchangeSim sim;
  static Http http;

  @BeforeAll
  static void start() {
    sim =
        ExchangeSim.start(
            SimConfig.builder()
                .autoAdvance(false)
                .startTime(Instant.parse("2026-03-01T00:00:00Z"))
                .build());
    http = new Http(sim);
    sim.market().advance(Duration.ofMinutes(3));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void serverTimeIsTheSimulatedClock() throws Exception {
    assertThat(json(http.get("/api/v3/time")).get("serverTime").asLong())
        .isEqualTo(sim.market().now());
    assertThat(http.get("/fapi/v1/time").body())
        .isEqualTo("{\"serverTime\":" + sim.market().now() + "}");
    assertThat(http.get("/api/v3/ping").body()).isEqualTo("{}");
  }

  @Test
  void exchangeInfoListsSymbolsWithTheirFilters() throws Exception {
    JsonNode spot =
        json(http.get("/api/v3/exchangeInfo?symbols=%5B%22BTCUSDT%22,%22XRPUSDT%22%5D"));
    assertThat(spot.get("symbols")).hasSize(2);
    JsonNode btc = spot.get("symbols").get(0);
    assertThat(btc.get("symbol").asText()).isEqualTo("BTCUSDT");
    assertThat(btc.get("baseAsset").asText()).isEqualTo("BTC");
    assertThat(btc.get("filters").get(0).get("tickSize").asText()).isEqualTo("0.01000000");
    assertThat(btc.get("filters").get(1).get("stepSize").asText()).isEqualTo("0.00001000");
    JsonNode usdm = json(http.get("/fapi/v1/exchangeInfo"));
    assertThat(usdm.get("symbols")).hasSize(5);
    assertThat(usdm.get("symbols").get(0).get("contractType").asText()).isEqualTo("PERPETUAL");
    assertThat(usdm.get("symbols").get(0).get("pricePrecision").asInt()).isEqualTo(1);

    HttpResponse<String> bad = http.get("/api/v3/exchangeInfo?symbol=DOGEUSDT");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
  }

  @Test
  void aggTradesPageForwardFromAnIdWithoutHoles() throws Exception {
    long last = sim.market().lastAggTradeId(Venue.BINANCE_SPOT, "BTCUSDT");
    JsonNode recent = json(http.get("/api/v3/aggTrades?symbol=BTCUSDT&limit=5"));
    assertThat(recent).hasSize(5);
    assertThat(recent.get(4).get("a").asLong()).isEqualTo(last);

    long from = last - 300;
    JsonNode page =
        json(
            http.get(
                "/fapi/v1/aggTrades?symbol=BTCUSDT&fromId="
                    + (sim.market().lastAggTradeId(Venue.BINANCE_USDM, "BTCUSDT") - 300)
                    + "&limit=1000"));
    assertThat(page).hasSize(301);
    for (int i = 1; i < page.size(); i++) {
      assertThat(page.get(i).get("a").asLong()).isEqualTo(page.get(i - 1).get("a").asLong() + 1);
      assertThat(page.get(i).get("f").asLong()).isEqualTo(page.get(i - 1).get("l").asLong() + 1);
      assertThat(page.get(i).has("M")).isFalse();
    }
    JsonNode spotPage =
        json(http.get("/api/v3/aggTrades?symbol=BTCUSDT&fromId=" + from + "&limit=3"));
    assertThat(spotPage.get(0).get("a").asLong()).isEqualTo(from);
    assertThat(spotPage.get(0).toString())
        .matches(
            "\\{\"a\":\\d+,\"p\":\"\\d+\\.\\d{8}\",\"q\":\"\\d+\\.\\d{8}\",\"f\":\\d+,\"l\":\\d+,\"T\":\\d{13},\"m\":(true|false),\"M\":true\\}");
  }

  @Test
  void klinesListClosedCandlesAndTheOpenOne() throws Exception {
    JsonNode klines = json(http.get("/api/v3/klines?symbol=ETHUSDT&interval=1m&limit=3"));
    assertThat(klines).hasSize(3);
    assertThat(klines.get(1).get(0).asLong()).isEqualTo(klines.get(0).get(6).asLong() + 1);
    assertThat(klines.get(2).get(0).asLong())
        .isEqualTo(Instant.parse("2026-03-01T00:03:00Z").toEpochMilli());
    assertThat(http.get("/api/v3/klines?symbol=ETHUSDT&interval=7m").body())
        .isEqualTo("{\"code\":-1120,\"msg\":\"Invalid interval.\"}");
  }

  @Test
  void weightOverTheLimitGets429ThenABan() {
    // an hour-long window so the count never rolls over during the test
    try (ExchangeSim limited =
        ExchangeSim.start(
            sim.config().toBuilder()
                .restLimits(
                    new RestLimits(60, 30, Duration.ofHours(1), 10, 2, Duration.ofMinutes(2)))
                .build())) {
      overTheLimit(new Http(limited));
    }
  }

  private static void overTheLimit(Http http) {
    // USD-M: 30 weight per window; limit=100 weighs 5
    int ok = 0;
    HttpResponse<String> r;
    while ((r = http.get("/fapi/v1/depth?symbol=BTCUSDT&limit=100")).statusCode() == 200) {
      ok++;
      assertThat(r.headers().firstValue("X-MBX-USED-WEIGHT-1H")).hasValue(Integer.toString(5 * ok));
    }
    assertThat(ok).isEqualTo(6);
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    assertThat(r.body())
        .isEqualTo(
            "{\"code\":-1003,\"msg\":\"Too much request weight used; current limit is 30 request weight per 1 HOUR. "
                + "Please use WebSocket Streams for live updates to avoid polling the API.\"}");
    assertThat(http.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5").statusCode()).isEqualTo(429);
    HttpResponse<String> banned = http.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5");
    assertThat(banned.statusCode()).isEqualTo(418);
    assertThat(banned.body()).contains("\"code\":-1003").contains("IP banned until");
    assertThat(Long.parseLong(banned.headers().firstValue("Retry-After").orElseThrow()))
        .isEqualTo(120);
    // spot counts its own weight
    assertThat(http.get("/api/v3/depth?symbol=BTCUSDT&limit=5").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownEndpointsAndMissingParameters() {
    assertThat(http.get("/api/v3/depth").body())
        .isEqualTo(
            "{\"code\":-1102,\"msg\":\"Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.\"}");
    assertThat(http.get("/api/v3/nothing").statusCode()).isEqualTo(404);
  }
}
