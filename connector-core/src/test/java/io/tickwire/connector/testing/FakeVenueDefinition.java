package io.tickwire.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.ConnectorServiceProvider;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.VenueDefinition;
import io.tickwire.connector.VenueModule;
import io.tickwire.connector.VenueResources;
import io.tickwire.connector.VenueSettings;
import io.tickwire.connector.pace.WeightPacedScheduler;
import io.tickwire.model.Json;
import io.tickwire.model.StreamNames;
import io.tickwire.model.Venue;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake venue as a venue module: settings {@code FAKE_*} (venue id binance-spot, so its raw
 * topic is raw.binance-spot.v1), trade backfill from the fake exchange's REST endpoint through the
 * weight-paced scheduler. {@link Provider} makes it a connector service.
 */
public final class FakeVenueDefinition implements VenueDefinition {

  public static final VenueSettings SETTINGS =
      VenueSettings.builder(
              "FAKE",
              Venue.BINANCE_SPOT,
              (venueId, stream, requestedBy, now) ->
                  StreamNames.fromBinance(
                      venueId, stream, FakeVenue.SYMBOLS, requestedBy, null, now))
          .wsUrl("ws://127.0.0.1:9")
          .restUrl("http://127.0.0.1:9")
          .streamsExample("btcusdt@trade,btcusdt@depth@100ms")
          .maxStreamsPerConnection(1024)
          .connectionMessageLimits("5/1s")
          .connectionAttemptLimits("300/5m")
          .restWeightLimits("1200/1m")
          .build();

  private final FakeVenue.Options options;

  public FakeVenueDefinition(FakeVenue.Options options) {
    this.options = options;
  }

  @Override
  public VenueSettings settings() {
    return SETTINGS;
  }

  @Override
  public VenueModule create(VenueResources resources) {
    String venueId = resources.config().venueId();
    VenueModule module = VenueModule.of(new FakeVenue(venueId, options));
    if (!options.backfill()) {
      return module;
    }
    return module.withBackfiller(
        (stream, request, from, to) ->
            resources
                .restScheduler()
                .submit(
                    "trades:" + stream + ":" + from,
                    1,
                    WeightPacedScheduler.Priority.BACKFILL,
                    () -> {
                      JsonNode trades =
                          Json.mapper()
                              .readTree(
                                  resources
                                      .rest()
                                      .get(
                                          "/trades?stream="
                                              + stream
                                              + "&fromId="
                                              + from
                                              + "&toId="
                                              + to)
                                      .body());
                      List<Normalized> items = new ArrayList<>();
                      for (JsonNode trade : trades) {
                        items.add(FakeVenue.backfilled(venueId, stream, trade));
                      }
                      return items;
                    }));
  }

  /** {@code connector-fake}: the fake venue as a hosted service. */
  public static final class Provider extends ConnectorServiceProvider {
    private final FakeVenue.Options options;

    public Provider(FakeVenue.Options options) {
      this.options = options;
    }

    @Override
    public String name() {
      return "connector-fake";
    }

    @Override
    public String description() {
      return "test connector for the fake venue";
    }

    @Override
    public int healthPortOffset() {
      return 97;
    }

    @Override
    protected List<VenueDefinition> venues() {
      return List.of(new FakeVenueDefinition(options));
    }
  }
}
