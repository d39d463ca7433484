package io.tickwire.sim;

import io.tickwire.sim.client.WsClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Public entry to {@link Frames} for tests in sub-packages. */
public final class FramesAccess {

  public static final Duration WAIT = Frames.WAIT;

  private FramesAccess() {}

  public static String[] unwrap(String frame) {
    return Frames.unwrap(frame);
  }

  public static Map<String, String> firstOfEach(WsClient ws, Set<String> wanted) {
    return Frames.firstOfEach(ws, wanted);
  }

  public static java.util.List<String> untilReply(WsClient ws, String id) {
    return Frames.untilReply(ws, id);
  }

  public static java.util.List<String> fence(WsClient ws) {
    return Frames.fence(ws);
  }

  public static void assertShape(String payload, Pattern shape) {
    Frames.assertShape(payload, shape);
  }

  public static void assertShapes(Map<String, String> payloads, Map<String, Pattern> shapes) {
    Frames.assertShapes(payloads, shapes);
  }
}
