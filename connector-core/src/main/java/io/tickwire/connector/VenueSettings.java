package io.tickwire.connector;

import io.tickwire.connector.pace.RateWindow;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one venue, all named {@code <PREFIX>_...} ({@code BINANCE_SPOT_WS_URL}, {@code
 * UPBIT_STREAMS}, ...), with defaults the venue module gives from the venue's documented limits.
 * The venue module declares it once:
 *
 * <pre>{@code
 * static final VenueSettings SETTINGS =
 *     VenueSettings.builder("BINANCE_SPOT", Venue.BINANCE_SPOT, BinanceSpot::parseStream)
 *         .wsUrl("wss://stream.binance.com:9443").restUrl("https://api.binance.com")
 *         .streamsExample("btcusdt@aggTrade,btcusdt@depth@100ms")
 *         .maxStreamsPerConnection(1024).connectionMessageLimits("5/1s")
 *         .connectionAttemptLimits("300/5m").restWeightLimits("6000/1m")
 *         .build();
 * }</pre>
 */
public final class VenueSettings {

  private final String prefix;
  private final Venue venue;
  private final Setting<URI> wsUrl;
  private final Setting<URI> restUrl;
  private final Setting<List<String>> streams;
  private final Setting<String> venueSuffix;
  private final Setting<Integer> maxStreamsPerConnection;
  private final Setting<List<RateWindow>> connectionMessageLimits;
  private final Setting<List<RateWindow>> connectionAttemptLimits;
  private final Setting<List<RateWindow>> restWeightLimits;
  private final Setting<Integer> restConcurrency;
  private final Setting<Duration> restTimeout;
  private final Setting<Duration> maxConnectionLifetime;
  private final Setting<Duration> idleTimeout;
  private final Setting<Duration> streamSilenceTimeout;
  private final Setting<Duration> keepAliveInterval;
  private final Setting<Boolean> permessageDeflate;
  private final List<Setting<?>> extra;
  private final StreamParser parser;

  private VenueSettings(Builder b) {
    this.parser = b.parser;
    this.prefix = b.prefix;
    this.venue = b.venue;
    String name = b.venue.id();
    this.wsUrl =
        Setting.uri(b.prefix + "_WS_URL", name + " WebSocket base URL", "ws", "wss")
            .defaultValue(b.wsUrl);
    this.restUrl =
        Setting.uri(b.prefix + "_REST_URL", name + " REST base URL", "http", "https")
            .defaultValue(b.restUrl);
    StreamParser parser = b.parser;
    this.streams =
        Setting.list(
                b.prefix + "_STREAMS",
                name
                    + " streams to serve from start-up (written to control.subscriptions.v1),"
                    + " e.g. "
                    + b.streamsExample)
            .map(
                list -> {
                  list.forEach(s -> parser.parse(name, s, "settings", 0));
                  return list;
                },
                name + " stream names such as " + b.streamsExample)
            .defaultValue("");
    this.venueSuffix =
        Setting.string(
                b.prefix + "_VENUE_SUFFIX",
                "Suffix of the venue id in events and keys for a testnet or sandbox deployment"
                    + " (e.g. 'sandbox' gives "
                    + name
                    + "-sandbox)")
            .validate(s -> s.matches("[a-z0-9]{1,20}"), "1-20 lower-case letters or digits")
            .optional();
    this.maxStreamsPerConnection =
        Setting.integer(
                b.prefix + "_MAX_STREAMS_PER_CONNECTION", name + " streams per connection at most")
            .range(1, 100_000)
            .defaultValue(Integer.toString(b.maxStreamsPerConnection));
    this.connectionMessageLimits =
        limits(
            b.prefix + "_CONNECTION_MESSAGE_LIMITS",
            "Messages we may send per connection (control messages, pongs, keep-alives), e.g."
                + " 5/1s or 5/1s,100/1m",
            b.connectionMessageLimits);
    this.connectionAttemptLimits =
        limits(
            b.prefix + "_CONNECTION_ATTEMPT_LIMITS",
            "WebSocket connection attempts per IP, e.g. 300/5m",
            b.connectionAttemptLimits);
    this.restWeightLimits =
        limits(
            b.prefix + "_REST_WEIGHT_LIMITS",
            "REST request weight per IP that snapshots, backfills and audits share, e.g. 6000/1m",
            b.restWeightLimits);
    this.restConcurrency =
        Setting.integer(b.prefix + "_REST_CONCURRENCY", name + " REST calls in flight at most")
            .range(1, 64)
            .defaultValue("4");
    this.restTimeout =
        Setting.duration(b.prefix + "_REST_TIMEOUT", name + " REST call timeout")
            .positive()
            .defaultValue("10s");
    this.maxConnectionLifetime =
        Setting.duration(
                b.prefix + "_MAX_CONNECTION_LIFETIME",
                "The venue closes connections after this long; each is replaced (make-before-break)"
                    + " somewhat earlier")
            .positive()
            .defaultValue(b.maxConnectionLifetime);
    this.idleTimeout =
        Setting.duration(
                b.prefix + "_IDLE_TIMEOUT",
                "A connection on which nothing (not even a ping) arrived for this long is replaced")
            .positive()
            .defaultValue(b.idleTimeout);
    this.streamSilenceTimeout =
        Setting.duration(
                b.prefix + "_STREAM_SILENCE_TIMEOUT",
                "A stream the venue pushes on a fixed cadence (depth, tickers, klines, mark"
                    + " prices) with no message for this long is marked stale and its connection"
                    + " replaced")
            .positive()
            .defaultValue(b.streamSilenceTimeout);
    this.keepAliveInterval =
        Setting.duration(
                b.prefix + "_KEEPALIVE_INTERVAL",
                "How often the connector sends the venue's keep-alive; 0s sends none")
            .defaultValue(b.keepAliveInterval);
    this.permessageDeflate =
        Setting.bool(
                b.prefix + "_PERMESSAGE_DEFLATE",
                "Offer permessage-deflate compression on " + name + " WebSocket connections")
            .defaultValue(Boolean.toString(b.permessageDeflate));
    this.extra = List.copyOf(b.extra);
  }

  private static Setting<List<RateWindow>> limits(String name, String description, String def) {
    return Setting.list(name, description)
        .map(RateWindow::parseAll, "limits such as 5/1s,300/5m")
        .defaultValue(def);
  }

  public static Builder builder(String prefix, Venue venue, StreamParser parser) {
    return new Builder(prefix, venue, parser);
  }

  public String prefix() {
    return prefix;
  }

  public Venue venue() {
    return venue;
  }

  /** Every setting of the venue, the venue module's extra ones last. */
  public List<Setting<?>> all() {
    List<Setting<?>> all =
        new ArrayList<>(
            List.of(
                wsUrl,
                restUrl,
                streams,
                venueSuffix,
                maxStreamsPerConnection,
                connectionMessageLimits,
                connectionAttemptLimits,
                restWeightLimits,
                restConcurrency,
                restTimeout,
                maxConnectionLifetime,
                idleTimeout,
                streamSilenceTimeout,
                keepAliveInterval,
                permessageDeflate));
    all.addAll(extra);
    return all;
  }

  public VenueConfig parse(Settings settings) {
    return new VenueConfig(
        venue,
        venue.id(settings.find(venueSuffix).orElse(null)),
        prefix,
        settings.get(wsUrl),
        settings.get(restUrl),
        settings.get(streams),
        settings.get(maxStreamsPerConnection),
        settings.get(connectionMessageLimits),
        settings.get(connectionAttemptLimits),
        settings.get(restWeightLimits),
        settings.get(restConcurrency),
        settings.get(restTimeout),
        settings.get(maxConnectionLifetime),
        settings.get(idleTimeout),
        settings.get(streamSilenceTimeout),
        settings.get(keepAliveInterval),
        settings.get(permessageDeflate),
        settings);
  }

  /**
   * The subscription requests of {@code <PREFIX>_STREAMS}, as written to the control topic at
   * start-up (no lease: they stay until a tombstone removes them).
   */
  public List<io.tickwire.model.SubscriptionRequest> initialRequests(
      VenueConfig config, String requestedBy, long now) {
    return config.initialStreams().stream()
        .map(s -> parser.parse(config.venueId(), s, requestedBy, now))
        .toList();
  }

  /** Defaults from the venue's documentation; every value can be overridden by its variable. */
  public static final class Builder {
    private final String prefix;
    private final Venue venue;
    private final StreamParser parser;
    private String wsUrl;
    private String restUrl;
    private String streamsExample = "";
    private int maxStreamsPerConnection = 1024;
    private String connectionMessageLimits = "5/1s";
    private String connectionAttemptLimits = "300/5m";
    private String restWeightLimits = "1200/1m";
    private String maxConnectionLifetime = "24h";
    private String idleTimeout = "60s";
    private String streamSilenceTimeout = "30s";
    private String keepAliveInterval = "0s";
    private boolean permessageDeflate;
    private final List<Setting<?>> extra = new ArrayList<>();

    private Builder(String prefix, Venue venue, StreamParser parser) {
      this.prefix = prefix;
      this.venue = venue;
      this.parser = parser;
    }

    public Builder wsUrl(String url) {
      this.wsUrl = url;
      return this;
    }

    public Builder restUrl(String url) {
      this.restUrl = url;
      return this;
    }

    public Builder streamsExample(String example) {
      this.streamsExample = example;
      return this;
    }

    public Builder maxStreamsPerConnection(int max) {
      this.maxStreamsPerConnection = max;
      return this;
    }

    public Builder connectionMessageLimits(String limits) {
      this.connectionMessageLimits = limits;
      return this;
    }

    public Builder connectionAttemptLimits(String limits) {
      this.connectionAttemptLimits = limits;
      return this;
    }

    public Builder restWeightLimits(String limits) {
      this.restWeightLimits = limits;
      return this;
    }

    public Builder maxConnectionLifetime(String lifetime) {
      this.maxConnectionLifetime = lifetime;
      return this;
    }

    public Builder idleTimeout(String timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    public Builder streamSilenceTimeout(String timeout) {
      this.streamSilenceTimeout = timeout;
      return this;
    }

    public Builder keepAliveInterval(String interval) {
      this.keepAliveInterval = interval;
      return this;
    }

    public Builder permessageDeflate(boolean offer) {
      this.permessageDeflate = offer;
      return this;
    }

    /** The venue module's own settings (e.g. the book audit interval), listed with the rest. */
    public Builder extra(Setting<?>... settings) {
      extra.addAll(List.of(settings));
      return this;
    }

    public VenueSettings build() {
      if (wsUrl == null || restUrl == null) {
        throw new IllegalStateException(prefix + ": wsUrl and restUrl defaults are required");
      }
      return new VenueSettings(this);
    }
  }
}
