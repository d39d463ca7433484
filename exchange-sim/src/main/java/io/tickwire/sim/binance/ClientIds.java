package io.tickwire.sim.binance;

import java.util.SplittableRandom;

/** Client order ids the venue makes up when a request has none: 22 letters and digits. */
final class ClientIds {

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private final SplittableRandom random;

  ClientIds(long seed) {
    this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
  }

  String next() {
    StringBuilder b = new StringBuilder(22);
    for (int i = 0; i < 22; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
