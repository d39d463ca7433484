package io.tickwire.sim.binance;

import io.tickwire.sim.json.Json;

/** A Binance API error: HTTP status, error code and message ({@code {"code":-1121,...}}). */
final class BinanceError extends RuntimeException {

  final int status;
  final int code;

  BinanceError(int status, int code, String msg) {
    super(msg, null, false, false);
    this.status = status;
    this.code = code;
  }

  String json() {
    return Json.object().num("code", code).str("msg", getMessage()).end().toString();
  }

  static BinanceError mandatory(String param) {
    return new BinanceError(
        400,
        -1102,
        "Mandatory parameter '" + param + "' was not sent, was empty/null, or malformed.");
  }

  static BinanceError badSymbol() {
    return new BinanceError(400, -1121, "Invalid symbol.");
  }

  static BinanceError badApiKeyFormat() {
    return new BinanceError(401, -2014, "API-key format invalid.");
  }

  static BinanceError rejectedKey() {
    return new BinanceError(401, -2015, "Invalid API-key, IP, or permissions for action.");
  }

  static BinanceError badSignature() {
    return new BinanceError(400, -1022, "Signature for this request is not valid.");
  }

  static BinanceError insufficientBalance() {
    return new BinanceError(400, -2010, "Account has insufficient balance for requested action.");
  }

  static BinanceError illegal(String param) {
    return new BinanceError(400, -1100, "Illegal characters found in parameter '" + param + "'.");
  }
}
