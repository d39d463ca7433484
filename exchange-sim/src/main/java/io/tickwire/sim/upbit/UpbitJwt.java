package io.tickwire.sim.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Upbit authentication: a JWT ({@code {"alg":"HS512","typ":"JWT"}}; HS256 is accepted too) signed
 * with the secret key, whose payload carries {@code access_key}, a fresh {@code nonce} and, when
 * the request has parameters, {@code query_hash} (SHA-512 hex of the query string) with {@code
 * query_hash_alg: SHA512}.
 */
public final class UpbitJwt {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** Why a token was refused: Upbit's error name and message. */
  static final class Refused extends Exception {
    final String name;

    Refused(String name, String message) {
      super(message, null, false, false);
      this.name = name;
    }
  }

  private final SimConfig config;

  /** Nonces already used, per access key (bounded: the oldest are forgotten). */
  private final Map<String, Set<String>> nonces = new LinkedHashMap<>();

  UpbitJwt(SimConfig config) {
    this.config = config;
  }

  /** An HS512 token for a request; {@code queryHash} may be null. Used by tests and tools. */
  public static String sign(String accessKey, String secretKey, String nonce, String queryHash) {
    String header =
        ENCODER.encodeToString(
            "{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    Json payload = Json.object().str("access_key", accessKey).str("nonce", nonce);
    if (queryHash != null) {
      payload.str("query_hash", queryHash).str("query_hash_alg", "SHA512");
    }
    String body = ENCODER.encodeToString(payload.end().bytes());
    String signingInput = header + "." + body;
    return signingInput + "." + ENCODER.encodeToString(hmac("HmacSHA512", secretKey, signingInput));
  }

  /** SHA-512 hex of a query string, as {@code query_hash} carries it. */
  public static String queryHash(String query) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-512").digest(query.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(String algorithm, String secret, String input) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Verifies an {@code Authorization} header value.
   *
   * @param query the request's query string, or null when it has no parameters
   */
  AccountSpec verify(String authorization, String query) throws Refused {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      throw new Refused("jwt_verification", "Failed to verify Jwt token.");
    }
    String[] parts = authorization.substring(7).trim().split("\\.");
    if (parts.length != 3) {
      throw new Refused("jwt_verification", "Failed to verify Jwt token.");
    }
    JsonNode header;
    JsonNode payload;
    try {
      header = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
      payload = MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (Exception e) {
      throw new Refused("jwt_verification", "Failed to verify Jwt token.");
    }
    String alg = header.path("alg").asText();
    String algorithm =
        switch (alg) {
          case "HS512" -> "HmacSHA512";
          case "HS256" -> "HmacSHA256";
          default -> throw new Refused("jwt_verification", "Failed to verify Jwt token.");
        };
    AccountSpec account = config.account(payload.path("access_key").asText());
    if (account == null) {
      throw new Refused("invalid_access_key", "Invalid access key.");
    }
    byte[] expected = hmac(algorithm, account.secretKey(), parts[0] + "." + parts[1]);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw new Refused("jwt_verification", "Failed to verify Jwt token.");
    }
    if (!MessageDigest.isEqual(expected, given)) {
      throw new Refused("jwt_verification", "Failed to verify Jwt token.");
    }
    String nonce = payload.path("nonce").asText("");
    if (nonce.isEmpty()) {
      throw new Refused("invalid_query_payload", "Invalid query payload: nonce is missing.");
    }
    if (query != null && !query.isEmpty()) {
      String hash = payload.path("query_hash").asText("");
      if (!hash.equalsIgnoreCase(queryHash(query))) {
        throw new Refused(
            "invalid_query_payload", "Invalid query payload: query_hash does not match.");
      }
    }
    synchronized (nonces) {
      Set<String> used =
          nonces.computeIfAbsent(
              account.apiKey(),
              k ->
                  Collections.newSetFromMap(
                      new LinkedHashMap<>() {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                          return size() > 100_000;
                        }
                      }));
      if (!used.add(nonce)) {
        throw new Refused("nonce_used", "Nonce already used.");
      }
    }
    return account;
  }
}
