package io.tickwire.sim.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpbitJwtTest {

  private final AccountSpec account = new AccountSpec("access", "secret", Map.of("KRW", "1000"));
  private final UpbitJwt jwt = new UpbitJwt(SimConfig.builder().accounts(List.of(account)).build());

  @Test
  void aTokenSignedWithTheSecretIsAccepted() throws Exception {
    String token = UpbitJwt.sign("access", "secret", "n1", null);
    String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));

    assertThat(header).isEqualTo("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
    assertThat(jwt.verify("Bearer " + token, null)).isEqualTo(account);
  }

  @Test
  void queryHashMustMatchTheQuery() throws Exception {
    String query = "market=KRW-BTC&side=bid&volume=0.01&price=100000000&ord_type=limit";
    String token = UpbitJwt.sign("access", "secret", "n2", UpbitJwt.queryHash(query));

    assertThat(jwt.verify("Bearer " + token, query)).isEqualTo(account);
    String other = UpbitJwt.sign("access", "secret", "n3", UpbitJwt.queryHash(query));
    assertThatThrownBy(() -> jwt.verify("Bearer " + other, query.replace("0.01", "1")))
        .isInstanceOfSatisfying(
            UpbitJwt.Refused.class, e -> assertThat(e.name).isEqualTo("invalid_query_payload"));
    assertThat(UpbitJwt.queryHash("a=1")).hasSize(128);
  }

  @Test
  void wrongSecretUnknownKeyReusedNonceAndGarbageAreRefused() throws Exception {
    jwt.verify("Bearer " + UpbitJwt.sign("access", "secret", "same", null), null);

    assertThatThrownBy(
            () -> jwt.verify("Bearer " + UpbitJwt.sign("access", "wrong", "n4", null), null))
        .isInstanceOfSatisfying(
            UpbitJwt.Refused.class, e -> assertThat(e.name).isEqualTo("jwt_verification"));
    assertThatThrownBy(
            () -> jwt.verify("Bearer " + UpbitJwt.sign("nobody", "secret", "n5", null), null))
        .isInstanceOfSatisfying(
            UpbitJwt.Refused.class, e -> assertThat(e.name).isEqualTo("invalid_access_key"));
    assertThatThrownBy(
            () -> jwt.verify("Bearer " + UpbitJwt.sign("access", "secret", "same", null), null))
        .isInstanceOfSatisfying(
            UpbitJwt.Refused.class, e -> assertThat(e.name).isEqualTo("nonce_used"));
    assertThatThrownBy(() -> jwt.verify("Bearer not.a.jwt", null))
        .isInstanceOfSatisfying(
            UpbitJwt.Refused.class, e -> assertThat(e.name).isEqualTo("jwt_verification"));
    assertThatThrownBy(() -> jwt.verify(null, null)).isInstanceOf(UpbitJwt.Refused.class);
  }
}
