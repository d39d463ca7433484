package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.model.SimClock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The worked signing examples of the Binance documentation, as test vectors. */
class BinanceAuthTest {

  static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  static final String REST_PAYLOAD =
      "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

  private final SimConfig config =
      SimConfig.builder()
          .accounts(java.util.List.of(new AccountSpec(API_KEY, SECRET, Map.of())))
          .build();

  @Test
  void restExampleSignsToTheDocumentedSignature() {
    assertThat(BinanceAuth.hmacSha256(SECRET, REST_PAYLOAD))
        .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
  }

  @Test
  void percentEncodedRestExampleSignsToTheDocumentedSignature() {
    String encoded =
        "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    assertThat(BinanceAuth.hmacSha256(SECRET, encoded))
        .isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
  }

  @Test
  void wsApiPayloadSortsEveryParameterButTheSignature() throws Exception {
    var params =
        new ObjectMapper()
            .readTree(
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"type\":\"LIMIT\",\"timeInForce\":\"GTC\","
                    + "\"quantity\":\"0.01000000\",\"price\":\"52000.00\",\"recvWindow\":100,"
                    + "\"timestamp\":1645423376532,\"apiKey\":\""
                    + API_KEY
                    + "\",\"signature\":\"x\"}");

    String payload = BinanceAuth.wsApiPayload(params);

    assertThat(payload)
        .isEqualTo(
            "apiKey="
                + API_KEY
                + "&price=52000.00&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT"
                + "&timeInForce=GTC&timestamp=1645423376532&type=LIMIT");
    assertThat(BinanceAuth.hmacSha256(SECRET, payload))
        .isEqualTo("aa1b5712c094bc4e57c05a1a5c1fd8d88dcd628338ea863fec7b88e59fe2db24");
  }

  @Test
  void signatureIsTakenOutOfTheQueryByteForByte() {
    assertThat(BinanceAuth.withoutSignature("a=1&signature=abc&b=%20x")).isEqualTo("a=1&b=%20x");
    assertThat(BinanceAuth.withoutSignature("signature=abc")).isEmpty();
    assertThat(BinanceAuth.withoutSignature("")).isEmpty();
  }

  @Test
  void restVerificationAcceptsTheRightSignatureAndRejectsOthers() {
    long now = System.currentTimeMillis();
    BinanceAuth auth = new BinanceAuth(config, new SimClock(now, 1, true));
    String query = "symbol=BTCUSDT&side=BUY&timestamp=" + now;
    String good = BinanceAuth.hmacSha256(SECRET, query);
    Map<String, String> params =
        new LinkedHashMap<>(Map.of("timestamp", Long.toString(now), "signature", good));

    assertThat(auth.verifyRest(API_KEY, query + "&signature=" + good, "", params).apiKey())
        .isEqualTo(API_KEY);
    assertThat(
            auth.verifyRest(API_KEY, query + "&signature=" + good.toUpperCase(), "", params)
                .apiKey())
        .isEqualTo(API_KEY);

    params.put("signature", "00" + good.substring(2));
    assertThatThrownBy(
            () -> auth.verifyRest(API_KEY, query + "&signature=00" + good.substring(2), "", params))
        .isInstanceOfSatisfying(
            BinanceError.class,
            e -> {
              assertThat(e.code).isEqualTo(-1022);
              assertThat(e.json())
                  .isEqualTo(
                      "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
            });
  }

  @Test
  void bodyAndQueryAreSignedConcatenatedWithoutSeparator() {
    long now = System.currentTimeMillis();
    BinanceAuth auth = new BinanceAuth(config, new SimClock(now, 1, true));
    String query = "symbol=BTCUSDT";
    String body = "side=BUY&timestamp=" + now;
    String signature = BinanceAuth.hmacSha256(SECRET, query + body);
    Map<String, String> params = Map.of("timestamp", Long.toString(now), "signature", signature);

    assertThat(auth.verifyRest(API_KEY, query, body + "&signature=" + signature, params).apiKey())
        .isEqualTo(API_KEY);
  }

  @Test
  void keysAndTimestampsAreChecked() {
    long now = System.currentTimeMillis();
    BinanceAuth auth = new BinanceAuth(config, new SimClock(now, 1, true));

    assertThatThrownBy(() -> auth.account(null))
        .isInstanceOfSatisfying(BinanceError.class, e -> assertThat(e.code).isEqualTo(-2014));
    assertThatThrownBy(() -> auth.account("nobody"))
        .isInstanceOfSatisfying(BinanceError.class, e -> assertThat(e.code).isEqualTo(-2015));
    assertThatThrownBy(() -> auth.checkTimestamp(Long.toString(now - 6000), null))
        .hasMessage("Timestamp for this request is outside of the recvWindow.");
    assertThatThrownBy(() -> auth.checkTimestamp(Long.toString(now + 5000), null))
        .hasMessage("Timestamp for this request was 1000ms ahead of the server's time.");
    assertThatThrownBy(() -> auth.checkTimestamp(Long.toString(now), "70000"))
        .isInstanceOfSatisfying(BinanceError.class, e -> assertThat(e.code).isEqualTo(-1131));
    auth.checkTimestamp(Long.toString(now - 6000), "10000");
    auth.checkTimestamp(Long.toString(now * 1000), null); // microseconds
    assertThat(auth.account(API_KEY).apiKey()).isEqualTo(API_KEY);
  }
}
