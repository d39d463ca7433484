package io.tickwire.sim.upbit;

/** An Upbit REST error: HTTP status and {@code {"error":{"name":..,"message":..}}}. */
final class UpbitError extends RuntimeException {

  final int status;
  final String name;

  UpbitError(int status, String name, String message) {
    super(message, null, false, false);
    this.status = status;
    this.name = name;
  }

  String json() {
    return UpbitRequest.error(name, getMessage());
  }
}
