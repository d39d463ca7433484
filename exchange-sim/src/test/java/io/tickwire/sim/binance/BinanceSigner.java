package io.tickwire.sim.binance;

/** Test access to the simulator's HMAC (the tests sign requests the way a client does). */
public final class BinanceSigner {

  private BinanceSigner() {}

  public static String sign(String secret, String payload) {
    return BinanceAuth.hmacSha256(secret, payload);
  }
}
