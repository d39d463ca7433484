package io.tickwire.connector.ws;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.connector.pace.RateLimiter;
import io.tickwire.connector.pace.RateWindow;
import io.tickwire.connector.rest.VenueErrors;
import io.tickwire.connector.rest.VenueException;
import io.tickwire.connector.testing.ClientMessage;
import io.tickwire.connector.testing.RecordingListener;
import io.tickwire.connector.testing.ScriptedWsServer;
import io.tickwire.connector.testing.ServerConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One WebSocket session against the scripted server: the wire-level duties of a venue client. */
class WsSessionIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static WsClient client;
  private ScriptedWsServer server;

  @BeforeAll
  static void client() {
    client = new WsClient("test", 1);
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  @BeforeEach
  void server() {
    server = ScriptedWsServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void deliversTextAndBinaryMessagesExactlyAndSendsText() throws Exception {
    RecordingListener events = new RecordingListener();
    WsSession session =
        client.connect("s1", server.url("/stream?streams=a"), WsOptions.defaults(), events);
    assertThat(events.awaitOpen()).isSameAs(session);
    ServerConnection connection = server.takeConnection(WAIT);
    assertThat(connection.query()).containsEntry("streams", "a");

    connection.sendText("{\"stream\":\"a\",\"data\":1}");
    byte[] binary = "{\"type\":\"trade\"}".getBytes(StandardCharsets.UTF_8);
    connection.sendBinary(binary);
    RecordingListener.Message text = events.awaitMessage();
    RecordingListener.Message bin = events.awaitMessage();
    assertThat(text.text()).isEqualTo("{\"stream\":\"a\",\"data\":1}");
    assertThat(text.binary()).isFalse();
    assertThat(text.receivedAtMicros()).isGreaterThan(1_600_000_000_000_000L);
    assertThat(bin.payload()).isEqualTo(binary);
    assertThat(bin.binary()).isTrue();

    assertThat(session.send("{\"method\":\"SUBSCRIBE\"}")).isTrue();
    assertThat(connection.takeText(WAIT)).isEqualTo("{\"method\":\"SUBSCRIBE\"}");
  }

  @Test
  void joinsFragmentedMessages() throws Exception {
    RecordingListener events = new RecordingListener();
    client.connect("s1", server.url("/ws"), WsOptions.defaults(), events);
    events.awaitOpen();
    String big = "x".repeat(10_000);
    server.takeConnection(WAIT).sendFragmented(big, 1_000);
    assertThat(events.awaitMessage().text()).isEqualTo(big);
  }

  @Test
  void answersEveryPingWithAPongEchoingItsPayloadAndCountsItAgainstTheLimit() throws Exception {
    RateLimiter outbound =
        new RateLimiter(
            "connection_messages",
            List.of(RateWindow.parse("5/1s")),
            System::nanoTime,
            new SimpleMeterRegistry(),
            Tags.empty());
    RecordingListener events = new RecordingListener();
    client.connect("s1", server.url("/ws"), WsOptions.defaults().withOutbound(outbound), events);
    events.awaitOpen();
    ServerConnection connection = server.takeConnection(WAIT);

    connection.sendPing("payload-1".getBytes(StandardCharsets.UTF_8));
    connection.sendPing("payload-2".getBytes(StandardCharsets.UTF_8));

    ClientMessage first = connection.takeMessage(WAIT);
    ClientMessage second = connection.takeMessage(WAIT);
    assertThat(first.kind()).isEqualTo(ClientMessage.Kind.PONG);
    assertThat(first.text()).isEqualTo("payload-1");
    assertThat(second.text()).isEqualTo("payload-2");
    // burst 1 of the 5/1s bucket is gone and the second pong went into debt
    assertThat(outbound.tryAcquire(1)).isPositive();
  }

  @Test
  void reportsA429UpgradeWithItsRetryAfter() throws Exception {
    server.enqueueRejection(429, Map.of("Retry-After", "7"));
    RecordingListener events = new RecordingListener();
    client.connect("s1", server.url("/ws"), WsOptions.defaults(), events);
    CloseReason reason = events.awaitClosed();
    assertThat(reason.kind()).isEqualTo(CloseReason.Kind.REJECTED);
    assertThat(reason.code()).isEqualTo(429);
    assertThat(reason.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    assertThat(reason.cause()).isEqualTo("rejected_429");
    assertThat(reason.error()).isInstanceOf(VenueException.RateLimited.class);
    assertThat(VenueErrors.isRetriable(reason.error())).isTrue();
  }

  @Test
  void treatsA418WithoutRetryAfterAsABanOfSomeMinutes() throws Exception {
    server.enqueueRejection(418, Map.of());
    RecordingListener events = new RecordingListener();
    client.connect("s1", server.url("/ws"), WsOptions.defaults(), events);
    CloseReason reason = events.awaitClosed();
    assertThat(reason.code()).isEqualTo(418);
    assertThat(reason.retryAfter()).isEqualTo(VenueErrors.BAN_WITHOUT_RETRY_AFTER);
    assertThat(((VenueException.RateLimited) reason.error()).banned()).isTrue();
  }

  @Test
  void givesUpAnUpgradeThatNeverCompletesAfterTheConnectTimeout() throws Exception {
    server.stallUpgrades(true);
    RecordingListener events = new RecordingListener();
    client.connect(
        "s1",
        server.url("/ws"),
        WsOptions.defaults().withConnectTimeout(Duration.ofMillis(300)),
        events);
    assertThat(events.awaitClosed().kind()).isEqualTo(CloseReason.Kind.CONNECT_TIMEOUT);
  }

  @Test
  void failsWhenNothingListens() throws Exception {
    int port = server.port();
    server.close();
    RecordingListener events = new RecordingListener();
    client.connect(
        "s1", URI.create("ws://127.0.0.1:" + port + "/ws"), WsOptions.defaults(), events);
    assertThat(events.awaitClosed().kind()).isEqualTo(CloseReason.Kind.CONNECT_FAILED);
    server = ScriptedWsServer.start();
  }

  @Test
  void speaksTlsForWssUrls() throws Exception {
    // a plain-text server cannot complete a TLS handshake: the failure proves TLS was attempted
    RecordingListener events = new RecordingListener();
    client.connect(
        "s1", URI.create("wss://127.0.0.1:" + server.port() + "/ws"), WsOptions.defaults(), events);
    CloseReason reason = events.awaitClosed();
    assertThat(reason.kind()).isEqualTo(CloseReason.Kind.CONNECT_FAILED);
    assertThat(reason.error()).hasRootCauseInstanceOf(javax.net.ssl.SSLException.class);
  }

  @Test
  void closesAnIdleSession() throws Exception {
    RecordingListener events = new RecordingListener();
    client.connect(
        "s1",
        server.url("/ws"),
        WsOptions.defaults().withIdleTimeout(Duration.ofMillis(400)),
        events);
    events.awaitOpen();
    ServerConnection connection = server.takeConnection(WAIT);
    assertThat(events.awaitClosed().kind()).isEqualTo(CloseReason.Kind.IDLE);
    assertThat(connection.awaitClosed(WAIT)).isTrue();
  }

  @Test
  void sendsTheVenuesTextKeepAlive() throws Exception {
    RecordingListener events = new RecordingListener();
    client.connect(
        "s1",
        server.url("/websocket/v1"),
        WsOptions.defaults().withKeepAlive(KeepAlive.text("PING"), Duration.ofMillis(100)),
        events);
    events.awaitOpen();
    ServerConnection connection = server.takeConnection(WAIT);
    assertThat(connection.takeText(WAIT)).isEqualTo("PING");
    assertThat(connection.takeText(WAIT)).isEqualTo("PING");
  }

  @Test
  void negotiatesPermessageDeflateWhenBothSidesAgree() throws Exception {
    server.permessageDeflate(true);
    RecordingListener events = new RecordingListener();
    WsSession session =
        client.connect(
            "s1", server.url("/ws"), WsOptions.defaults().withPermessageDeflate(true), events);
    events.awaitOpen();
    ServerConnection connection = server.takeConnection(WAIT);
    assertThat(connection.offeredExtensions()).contains("permessage-deflate");
    assertThat(session.extensions()).contains("permessage-deflate");
    String payload = "{\"e\":\"depthUpdate\",\"b\":[" + "[\"0.0024\",\"10\"],".repeat(500) + "]}";
    connection.sendText(payload);
    assertThat(events.awaitMessage().text()).isEqualTo(payload);
  }

  @Test
  void reportsACloseFrameAndADroppedConnectionDifferently() throws Exception {
    RecordingListener first = new RecordingListener();
    client.connect("s1", server.url("/ws"), WsOptions.defaults(), first);
    first.awaitOpen();
    server.takeConnection(WAIT).close(1001, "going away");
    CloseReason closed = first.awaitClosed();
    assertThat(closed.kind()).isEqualTo(CloseReason.Kind.REMOTE_CLOSED);
    assertThat(closed.code()).isEqualTo(1001);
    assertThat(closed.detail()).isEqualTo("going away");

    RecordingListener second = new RecordingListener();
    client.connect("s2", server.url("/ws"), WsOptions.defaults(), second);
    second.awaitOpen();
    server.takeConnection(WAIT).drop();
    assertThat(second.awaitClosed().kind()).isEqualTo(CloseReason.Kind.CONNECTION_LOST);
  }

  @Test
  void closesWithACloseFrameWhenAskedTo() throws Exception {
    RecordingListener events = new RecordingListener();
    WsSession session = client.connect("s1", server.url("/ws"), WsOptions.defaults(), events);
    events.awaitOpen();
    ServerConnection connection = server.takeConnection(WAIT);
    session.close("done");
    assertThat(events.awaitClosed().kind()).isEqualTo(CloseReason.Kind.LOCAL);
    assertThat(connection.takeMessage(WAIT).kind()).isEqualTo(ClientMessage.Kind.CLOSE);
    assertThat(session.send("late")).isFalse();
  }
}
