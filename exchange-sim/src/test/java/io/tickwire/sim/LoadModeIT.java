package io.tickwire.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Load mode delivers the configured stream of synthetic trades, each stamped with its send time;
 * throughput itself is measured by the benchmark, not here.
 */
class LoadModeIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void loadStreamsCarryContiguousIdsAndTheirSendTime() throws Exception {
    try (ExchangeSim sim =
            ExchangeSim.start(SimConfig.builder().loadRate(20_000).loadInstruments(10).build());
        WsClient ws =
            WsClient.connect(
                URI.create(
                    sim.wsBaseUrl()
                        + "/stream?streams=load0000usdt@trade/load0007usdt@aggTrade"))) {
      Map<String, Long> lastId = new HashMap<>();
      long start = System.currentTimeMillis();
      for (int i = 0; i < 2000; i++) {
        String[] sd = Frames.unwrap(ws.next(Frames.WAIT).text());
        JsonNode data = JSON.readTree(sd[1]);
        boolean agg = sd[0].endsWith("@aggTrade");
        assertThat(sd[1])
            .matches(
                agg
                    ? "\\{\"e\":\"aggTrade\",\"E\":\\d{13},\"s\":\"LOAD0007USDT\",\"a\":\\d+,\"p\":\"\\d+\\.\\d{8}\",\"q\":\"\\d+\\.\\d{8}\",\"f\":\\d+,\"l\":\\d+,\"T\":\\d{13},\"m\":true,\"M\":true\\}"
                    : "\\{\"e\":\"trade\",\"E\":\\d{13},\"s\":\"LOAD0000USDT\",\"t\":\\d+,\"p\":\"\\d+\\.\\d{8}\",\"q\":\"\\d+\\.\\d{8}\",\"T\":\\d{13},\"m\":true,\"M\":true\\}");
        long id = data.get(agg ? "a" : "t").asLong();
        Long previous = lastId.put(sd[0], id);
        if (previous != null) {
          assertThat(id).isEqualTo(previous + 1);
        }
        assertThat(data.get("E").asLong()).isBetween(start - 1000, System.currentTimeMillis());
      }
      assertThat(lastId).hasSize(2);
      assertThat(sim.load().sent()).isGreaterThanOrEqualTo(2000);
      assertThat(new Http(sim).get("/api/v3/exchangeInfo?symbol=LOAD0003USDT").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void usdmLoadStreamsHaveTheUsdmShape() {
    try (ExchangeSim sim =
            ExchangeSim.start(SimConfig.builder().loadRate(5_000).loadInstruments(2).build());
        WsClient ws =
            WsClient.connect(URI.create(sim.wsBaseUrl() + "/market/ws/load0001usdt@aggTrade"))) {
      assertThat(ws.next(Frames.WAIT).text())
          .matches(
              "\\{\"e\":\"aggTrade\",\"E\":\\d{13},\"s\":\"LOAD0001USDT\",\"a\":\\d+,\"p\":\"\\d+\\.\\d{2}\",\"q\":\"\\d+\\.\\d{3}\",\"f\":\\d+,\"l\":\\d+,\"T\":\\d{13},\"m\":true\\}");
      sim.load().rate(0);
      assertThat(sim.load().rate()).isZero();
    }
  }
}
