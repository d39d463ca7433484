package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every control reply and error of Binance market-stream connections, byte for byte. */
class BinanceControlTest {

  private static BinanceControl.Request parse(String text) {
    return BinanceControl.parse(text);
  }

  @Test
  void subscribeParsesStreamsAndTheId() {
    var r =
        parse(
            "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":1}");

    assertThat(r.error()).isNull();
    assertThat(r.method()).isEqualTo(BinanceControl.Method.SUBSCRIBE);
    assertThat(r.params()).containsExactly("btcusdt@aggTrade", "btcusdt@depth");
    assertThat(BinanceControl.ok(r.id())).isEqualTo("{\"result\":null,\"id\":1}");
  }

  @Test
  void idsMayBeIntegersStringsOrNull() {
    assertThat(parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":-9223372036854775808}").id())
        .isEqualTo("-9223372036854775808");
    assertThat(parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"abc123\"}").id())
        .isEqualTo("\"abc123\"");
    assertThat(parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":null}").id()).isEqualTo("null");
    assertThat(BinanceControl.list(List.of("btcusdt@aggTrade"), "3"))
        .isEqualTo("{\"result\":[\"btcusdt@aggTrade\"],\"id\":3}");
  }

  @Test
  void badIdsAreRefused() {
    String expected =
        "{\"code\":2,\"msg\":\"Invalid request: request ID must be an unsigned integer\"}";
    assertThat(parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1.5}").error()).isEqualTo(expected);
    assertThat(parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"has space\"}").error())
        .isEqualTo(expected);
    assertThat(
            parse("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"" + "a".repeat(37) + "\"}").error())
        .isEqualTo(expected);
    assertThat(parse("{\"method\":\"LIST_SUBSCRIPTIONS\"}").error()).isEqualTo(expected);
  }

  @Test
  void propertiesGetAndSet() {
    var set = parse("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}");
    assertThat(set.error()).isNull();
    assertThat(set.value()).isTrue();
    assertThat(BinanceControl.result("true", "2")).isEqualTo("{\"result\":true,\"id\":2}");
    assertThat(parse("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":2}").error())
        .isNull();
  }

  @Test
  void propertyErrorsAreTheDocumentedOnes() {
    assertThat(parse("{\"method\":\"SET_PROPERTY\",\"params\":[\"colour\",true],\"id\":5}").error())
        .isEqualTo("{\"code\":0,\"msg\":\"Unknown property\",\"id\":5}");
    assertThat(parse("{\"method\":\"GET_PROPERTY\",\"params\":[\"colour\"],\"id\":\"x\"}").error())
        .isEqualTo("{\"code\":0,\"msg\":\"Unknown property\",\"id\":\"x\"}");
    assertThat(
            parse("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",\"yes\"],\"id\":5}")
                .error())
        .isEqualTo("{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\"}");
    assertThat(parse("{\"method\":\"SET_PROPERTY\",\"params\":[1,true],\"id\":5}").error())
        .isEqualTo("{\"code\":2,\"msg\":\"Invalid request: property name must be a string\"}");
    assertThat(parse("{\"method\":\"GET_PROPERTY\",\"id\":5}").error())
        .isEqualTo("{\"code\":2,\"msg\":\"Invalid request: property name must be a string\"}");
    assertThat(
            parse("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true,1],\"id\":5}")
                .error())
        .isEqualTo("{\"code\":2,\"msg\":\"Invalid request: too many parameters\"}");
    assertThat(
            parse("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}").error())
        .isEqualTo("{\"code\":2,\"msg\":\"Invalid request: too many parameters\"}");
  }

  @Test
  void unknownMethodNamesTheVariantAndItsColumn() {
    String text = "{\"method\":\"SUBSCRIBEX\",\"params\":[],\"id\":1}";

    assertThat(parse(text).error())
        .isEqualTo(
            "{\"code\":2,\"msg\":\"Invalid request: unknown variant `SUBSCRIBEX`, expected one of "
                + "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` "
                + "at line 1 column 22\"}");
  }

  @Test
  void missingMethodAndInvalidJson() {
    String noMethod = "{\"params\":[\"btcusdt@trade\"],\"id\":1}";
    assertThat(parse(noMethod).error())
        .isEqualTo(
            "{\"code\":2,\"msg\":\"Invalid request: missing field `method` at line 1 column "
                + noMethod.length()
                + "\"}");
    assertThat(parse("hello").error())
        .isEqualTo("{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}");
    assertThat(parse("{\"method\":").error())
        .startsWith("{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column ");
  }
}
