package io.tickwire.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.model.SimClock;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binance request signing, verified the way the venue does: REST signs the query string followed by
 * the body exactly as sent (so values must be percent-encoded before signing); the WebSocket API
 * signs every parameter but {@code signature}, sorted by name, joined {@code k=v&k=v}. Timestamps
 * must be within {@code recvWindow} (default 5000, at most 60000 ms) and at most 1 s ahead of the
 * server.
 */
public final class BinanceAuth {

  private final SimConfig config;
  private final SimClock clock;

  BinanceAuth(SimConfig config, SimClock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** Lower-case hex HMAC-SHA256 of {@code payload} with {@code secret}. */
  public static String hmacSha256(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The account of an {@code X-MBX-APIKEY} value. */
  AccountSpec account(String apiKey) {
    if (apiKey == null || apiKey.isBlank()) {
      throw BinanceError.badApiKeyFormat();
    }
    AccountSpec account = config.account(apiKey);
    if (account == null) {
      throw BinanceError.rejectedKey();
    }
    return account;
  }

  /**
   * Verifies a signed REST request and returns its account.
   *
   * @param params decoded parameters of query and body (query wins)
   */
  AccountSpec verifyRest(
      String apiKey, String rawQuery, String rawBody, Map<String, String> params) {
    AccountSpec account = account(apiKey);
    String signature = params.get("signature");
    if (signature == null || signature.isEmpty()) {
      throw BinanceError.mandatory("signature");
    }
    String payload = withoutSignature(rawQuery) + withoutSignature(rawBody);
    if (!constantTimeEquals(hmacSha256(account.secretKey(), payload), signature)) {
      throw BinanceError.badSignature();
    }
    checkTimestamp(params.get("timestamp"), params.get("recvWindow"));
    return account;
  }

  /** Verifies WebSocket API params (an object) and returns the account of their apiKey. */
  AccountSpec verifyWsApi(JsonNode params) {
    JsonNode key = params == null ? null : params.get("apiKey");
    if (key == null) {
      throw BinanceError.mandatory("apiKey");
    }
    AccountSpec account = account(key.asText());
    JsonNode signature = params.get("signature");
    if (signature == null || signature.asText().isEmpty()) {
      throw BinanceError.mandatory("signature");
    }
    if (!constantTimeEquals(
        hmacSha256(account.secretKey(), wsApiPayload(params)), signature.asText())) {
      throw BinanceError.badSignature();
    }
    checkTimestamp(text(params.get("timestamp")), text(params.get("recvWindow")));
    return account;
  }

  private static String text(JsonNode n) {
    return n == null ? null : n.asText();
  }

  /** {@code k=v&...} of every parameter but {@code signature}, sorted by name. */
  public static String wsApiPayload(JsonNode params) {
    Map<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : params.properties()) {
      if (!e.getKey().equals("signature")) {
        JsonNode v = e.getValue();
        sorted.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
      }
    }
    List<String> pairs = new ArrayList<>();
    sorted.forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join("&", pairs);
  }

  /** The raw query or body with the {@code signature=...} pair taken out, byte for byte. */
  static String withoutSignature(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : raw.split("&", -1)) {
      if (!pair.startsWith("signature=")) {
        kept.add(pair);
      }
    }
    return String.join("&", kept);
  }

  private static boolean constantTimeEquals(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        given.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The timing rule. The server time is the wall clock; with a scaled market clock the simulated
   * time is accepted too, so clients that sync with {@code /api/v3/time} are not rejected.
   */
  void checkTimestamp(String timestampText, String recvWindowText) {
    if (timestampText == null || timestampText.isEmpty()) {
      throw BinanceError.mandatory("timestamp");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampText);
    } catch (NumberFormatException e) {
      throw BinanceError.illegal("timestamp");
    }
    double window = 5000;
    if (recvWindowText != null) {
      try {
        window = Double.parseDouble(recvWindowText);
      } catch (NumberFormatException e) {
        throw BinanceError.illegal("recvWindow");
      }
    }
    if (window > 60000 || window < 0) {
      throw new BinanceError(400, -1131, "recvWindow must be less than 60000");
    }
    if (timestamp > 100_000_000_000_000L) {
      timestamp /= 1000; // microseconds
    }
    long wall = System.currentTimeMillis();
    long sim = clock.now();
    if (withinWindow(timestamp, wall, window) || withinWindow(timestamp, sim, window)) {
      return;
    }
    if (timestamp >= wall + 1000 && timestamp >= sim + 1000) {
      throw new BinanceError(
          400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
    }
    throw new BinanceError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
  }

  private static boolean withinWindow(long timestamp, long serverTime, double window) {
    return timestamp < serverTime + 1000 && serverTime - timestamp <= window;
  }
}
