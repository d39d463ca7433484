package io.tickwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.sim.ExchangeSim;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimCommandIT {

  @Test
  void startsTheSimulatorAndSaysWhereItListens() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Console console =
        new Console(new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of());
    SimCommand command = new SimCommand();
    Args args =
        Args.parse(
            List.of("--port", "0", "--host", "127.0.0.1", "--upbit", "none"),
            command.options(),
            command.flags());
    try (ExchangeSim sim = SimCommand.start(args, console)) {
      String banner = out.toString(StandardCharsets.UTF_8);
      assertThat(banner)
          .contains("tickwire sim: listening on 127.0.0.1:" + sim.port())
          .contains(sim.wsBaseUrl() + "/ws/<stream>")
          .contains(sim.httpBaseUrl() + "/admin/status");
      HttpResponse<String> info =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(sim.httpBaseUrl() + "/api/v3/exchangeInfo"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(info.statusCode()).isEqualTo(200);
      assertThat(info.body()).contains("\"symbol\":\"BTCUSDT\"");
      assertThat(sim.config().instruments()).hasSize(10);
    }
  }
}
