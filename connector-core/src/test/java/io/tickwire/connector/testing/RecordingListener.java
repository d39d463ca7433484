package io.tickwire.connector.testing;

import io.tickwire.connector.ws.CloseReason;
import io.tickwire.connector.ws.WsListener;
import io.tickwire.connector.ws.WsSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Records a client session's events on a blocking queue, in the style of OkHttp's
 * WebSocketRecorder: tests take the next event with a timeout and fail with what they got instead.
 */
public final class RecordingListener implements WsListener {

  /** A message the session received. */
  public record Message(byte[] payload, boolean binary, long receivedAtMicros) {
    public String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  private record Open(WsSession session) {}

  private record Closed(CloseReason reason) {}

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

  @Override
  public void onOpen(WsSession session) {
    events.add(new Open(session));
  }

  @Override
  public void onMessage(WsSession session, byte[] payload, boolean binary, long receivedAtMicros) {
    events.add(new Message(payload, binary, receivedAtMicros));
  }

  @Override
  public void onClosed(WsSession session, CloseReason reason) {
    events.add(new Closed(reason));
  }

  public WsSession awaitOpen() throws InterruptedException {
    return next(Open.class).session();
  }

  public Message awaitMessage() throws InterruptedException {
    return next(Message.class);
  }

  public CloseReason awaitClosed() throws InterruptedException {
    return next(Closed.class).reason();
  }

  private <T> T next(Class<T> type) throws InterruptedException {
    Object event = events.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no " + type.getSimpleName() + " event within " + TIMEOUT);
    }
    if (!type.isInstance(event)) {
      throw new AssertionError("expected " + type.getSimpleName() + " but got " + event);
    }
    return type.cast(event);
  }
}
