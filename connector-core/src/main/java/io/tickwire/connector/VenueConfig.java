package io.tickwire.connector;

import io.tickwire.connector.pace.RateWindow;
import io.tickwire.kit.config.Settings;
import io.tickwire.model.Venue;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One venue's parsed settings (see {@link VenueSettings} for the variables).
 *
 * @param venueId the id events carry: the venue id plus the deployment suffix, if any
 * @param initialStreams stream names from {@code <PREFIX>_STREAMS}, written to the control topic at
 *     start-up
 * @param settings every parsed setting, for the venue module's own extra settings
 */
public record VenueConfig(
    Venue venue,
    String venueId,
    String prefix,
    URI wsUrl,
    URI restUrl,
    List<String> initialStreams,
    int maxStreamsPerConnection,
    List<RateWindow> connectionMessageLimits,
    List<RateWindow> connectionAttemptLimits,
    List<RateWindow> restWeightLimits,
    int restConcurrency,
    Duration restTimeout,
    Duration maxConnectionLifetime,
    Duration idleTimeout,
    Duration streamSilenceTimeout,
    Duration keepAliveInterval,
    boolean permessageDeflate,
    Settings settings) {

  public VenueConfig {
    initialStreams = List.copyOf(initialStreams);
  }
}
