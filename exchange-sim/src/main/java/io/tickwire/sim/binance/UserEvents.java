package io.tickwire.sim.binance;

/** Where account events go: spot WebSocket API subscriptions, USD-M listen-key streams. */
interface UserEvents {

  void spot(String apiKey, String eventJson);

  void futures(String apiKey, String eventJson);
}
