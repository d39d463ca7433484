package io.tickwire.connector.rest;

import java.net.http.HttpHeaders;

/** A successful REST answer: status, headers (e.g. Binance's used-weight header) and body. */
public record RestResponse(int status, HttpHeaders headers, byte[] body) {

  /** A header value, or null. */
  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }
}
