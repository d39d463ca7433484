package io.tickwire.connector;

import io.micrometer.core.instrument.MeterRegistry;
import io.tickwire.connector.pace.WeightPacedScheduler;
import io.tickwire.connector.rest.RestClient;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the core gives a venue module when it builds its {@link VenueModule}: the venue's parsed
 * settings, a REST client on {@code <PREFIX>_REST_URL}, the weight-paced scheduler every REST call
 * of the venue must go through ({@code <PREFIX>_REST_WEIGHT_LIMITS}), timers, a clock and meters.
 * The core closes them.
 */
public record VenueResources(
    VenueConfig config,
    RestClient rest,
    WeightPacedScheduler restScheduler,
    ScheduledExecutorService timers,
    Clock clock,
    MeterRegistry meters) {}
