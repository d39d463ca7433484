package io.tickwire.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Venue;
import io.tickwire.sim.DropMode;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.client.WsClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExchangeSimExtensionIT {

  @RegisterExtension
  static final ExchangeSimExtension SIM =
      ExchangeSimExtension.start(SimConfig.builder().timeScale(10).build());

  @Test
  void theSimulatorServesStreamsRestAndFaults() throws Exception {
    try (WsClient ws = WsClient.connect(SIM.ws("/ws/btcusdt@aggTrade"))) {
      assertThat(ws.next(Duration.ofSeconds(60)).text()).startsWith("{\"e\":\"aggTrade\"");
      SIM.faults().dropAll(Venue.BINANCE_SPOT, DropMode.CLEAN);
      assertThat(ws.awaitClosed(Duration.ofSeconds(60))).isEqualTo(1001);
    }
    HttpResponse<String> time =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(SIM.http("/api/v3/time")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(time.body()).startsWith("{\"serverTime\":");
    assertThat(SIM.market().lastAggTradeId(Venue.BINANCE_SPOT, "BTCUSDT")).isPositive();
    assertThat(SIM.port()).isPositive();
  }
}
