package io.tickwire.persist.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VenueSymbolTest {

  private static VenueSymbol of(String json) {
    return VenueSymbol.of(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsVenueAndNativeSymbolSkippingEverythingElse() {
    assertThat(
            of(
                "{\"x\":{\"venue\":\"nested\"},\"venue\":\"upbit\",\"symbol\":\"BTC-KRW\","
                    + "\"levels\":[[\"1\",\"2\"]],\"nativeSymbol\":\"KRW-BTC\",\"n\":1}"))
        .isEqualTo(new VenueSymbol("upbit", "KRW-BTC"));
  }

  @Test
  void refusesWhatIsNotOneCompleteEvent() {
    assertThatThrownBy(() -> of("{\"venue\":\"upbit\",\"nativeSymbol\":\"KRW-BTC\""))
        .hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> of("[1]")).hasMessage("not a JSON object");
    assertThatThrownBy(() -> of("{\"venue\":\"upbit\"}"))
        .hasMessage("missing venue or nativeSymbol");
    assertThatThrownBy(() -> of("{\"venue\":\"upbit\",\"nativeSymbol\":\"A\"} {}"))
        .hasMessage("trailing content after the JSON object");
  }
}
