package io.tickwire.persist.redis.subs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.model.Json;
import io.tickwire.model.StreamNames;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.SymbolMapper;
import io.tickwire.model.Venue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code <venue>-<channel>-subs} key: writing a JSON array of native symbols to it asks for
 * those streams. The rule:
 *
 * <ul>
 *   <li>{@code <venue>} is a venue id, with a deployment suffix if any ({@code binance-spot},
 *       {@code binance-usdm-sandbox}, {@code upbit}); {@code <channel>} is everything after the
 *       last {@code -} and never contains one.
 *   <li>Binance venues: {@code <channel>} is the stream name after the {@code @}, each element a
 *       symbol: {@code binance-spot-kline_1m-subs = ["BTCUSDT"]} asks for {@code btcusdt@kline_1m};
 *       likewise {@code trade}, {@code aggTrade}, {@code bookTicker}, {@code depth20@100ms}, {@code
 *       markPrice@1s}.
 *   <li>Upbit: {@code <channel>} is the type (with a candle interval), each element a market code
 *       (with an order book size): {@code upbit-orderbook-subs = ["KRW-BTC.15"]} asks for {@code
 *       orderbook:KRW-BTC.15}; {@code upbit-candle.1m-subs = ["KRW-BTC"]} for {@code
 *       candle.1m:KRW-BTC}.
 * </ul>
 *
 * The resulting stream names go through {@link StreamNames}, like every other writer of the control
 * topic, so a stream has the same compaction key whoever asks for it.
 */
record SubsKey(String key, String venue, String channel) {

  static final String SUFFIX = "-subs";
  static final String EXPECTED =
      "expected a JSON array of native symbols such as [\"BTCUSDT\",\"ETHUSDT\"]"
          + " (Upbit: [\"KRW-BTC\"])";

  /** The key as a subs key, or empty when it is not one of tickwire's (another venue, no -subs). */
  static Optional<SubsKey> parse(String key) {
    if (!key.endsWith(SUFFIX)) {
      return Optional.empty();
    }
    String body = key.substring(0, key.length() - SUFFIX.length());
    int dash = body.lastIndexOf('-');
    if (dash <= 0 || dash == body.length() - 1) {
      return Optional.empty();
    }
    String venue = body.substring(0, dash);
    try {
      Venue.of(venue);
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
    return Optional.of(new SubsKey(key, venue, body.substring(dash + 1)));
  }

  /** The {@code requestedBy} of the streams this key asks for. */
  String requester() {
    return "redis:" + key;
  }

  /**
   * The streams a value asks for, in order, each once.
   *
   * @throws IllegalArgumentException explaining what is wrong with the value; nothing of it applies
   */
  List<SubscriptionRequest> requests(String value, long now) {
    JsonNode array;
    try {
      array = Json.mapper().readTree(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the value is not JSON (" + e.getOriginalMessage() + "); " + EXPECTED);
    }
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException(
          "the value is "
              + (array == null
                  ? "empty"
                  : "a JSON " + array.getNodeType().name().toLowerCase(Locale.ROOT))
              + ", "
              + EXPECTED);
    }
    Map<String, SubscriptionRequest> requests = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode element = array.get(i);
      if (!element.isTextual() || element.asText().isBlank()) {
        problems.add("element " + (i + 1) + " (" + element + ") is not a symbol");
        continue;
      }
      try {
        SubscriptionRequest request = request(element.asText().trim(), now);
        requests.putIfAbsent(request.key(), request);
      } catch (IllegalArgumentException e) {
        problems.add("element " + (i + 1) + " (" + element + "): " + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return List.copyOf(requests.values());
  }

  private SubscriptionRequest request(String symbol, long now) {
    Venue base = Venue.of(venue);
    if (base == Venue.UPBIT) {
      return StreamNames.fromUpbit(
          venue, channel + ":" + symbol.toUpperCase(Locale.ROOT), requester(), null, now);
    }
    return StreamNames.fromBinance(
        venue,
        symbol.toLowerCase(Locale.ROOT) + "@" + channel,
        SymbolMapper.forVenue(base),
        requester(),
        null,
        now);
  }
}
