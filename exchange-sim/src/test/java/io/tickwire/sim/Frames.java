package io.tickwire.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.sim.client.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Collects combined-stream frames by stream and checks their exact shapes. */
final class Frames {

  static final Duration WAIT = Duration.ofSeconds(60);

  private Frames() {}

  /** The stream of a combined frame and its data, checking the wrapper is exactly Binance's. */
  static String[] unwrap(String frame) {
    assertThat(frame).startsWith("{\"stream\":\"").endsWith("}");
    int end = frame.indexOf("\",\"data\":");
    String stream = frame.substring("{\"stream\":\"".length(), end);
    String data = frame.substring(end + "\",\"data\":".length(), frame.length() - 1);
    assertThat(frame).isEqualTo("{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
    return new String[] {stream, data};
  }

  /**
   * Reads combined frames until every stream in {@code wanted} has one; returns the first of each.
   */
  static Map<String, String> firstOfEach(WsClient ws, Set<String> wanted) {
    Map<String, String> first = new LinkedHashMap<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!first.keySet().containsAll(wanted)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no frame within "
                + WAIT
                + " for "
                + wanted.stream().filter(w -> !first.containsKey(w)).toList());
      }
      WsClient.Frame f = ws.next(WAIT);
      if (f.kind() == WsClient.Kind.TEXT) {
        String[] sd = unwrap(f.text());
        first.putIfAbsent(sd[0], sd[1]);
      }
    }
    return first;
  }

  static void assertShape(String payload, Pattern shape) {
    assertThat(shape.matcher(payload).matches())
        .as("payload %s has the shape %s", payload, shape.pattern())
        .isTrue();
  }

  static void assertShapes(Map<String, String> payloads, Map<String, Pattern> shapes) {
    shapes.forEach((stream, shape) -> assertShape(payloads.get(stream), shape));
  }

  /** Every text frame up to and including the Binance reply with this id (JSON text). */
  static List<String> untilReply(WsClient ws, String id) {
    List<String> seen = new ArrayList<>();
    while (true) {
      String t = ws.next(WAIT).text();
      seen.add(t);
      if (t.endsWith("\"id\":" + id + "}")) {
        return seen;
      }
    }
  }

  /**
   * Sends LIST_SUBSCRIPTIONS on a Binance connection and returns what arrived before its reply: on
   * a manual clock, everything the last advance produced.
   */
  static List<String> fence(WsClient ws) {
    ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"fence\"}");
    List<String> frames = untilReply(ws, "\"fence\"");
    return frames.subList(0, frames.size() - 1);
  }
}
