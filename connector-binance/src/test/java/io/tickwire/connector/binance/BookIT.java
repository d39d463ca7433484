package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.book.OrderBook;
import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Json;
import io.tickwire.model.Level;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StatusMarker.Status;
import io.tickwire.model.Topics;
import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Maintained books on both markets: a gap in one book's updates (spot: skipped ids, {@code U >
 * last+1}; USD-M: lost events, {@code pu != last}) resyncs that book only, with {@code
 * gap_detected} then {@code resynced} and a fresh snapshot; the book a consumer rebuilds from
 * md.book.v1 then equals a later REST snapshot of the simulator at the same update id; audits
 * against the consistent simulator find nothing.
 */
class BookIT extends BinanceSimIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @RegisterExtension
  static final ExchangeSimExtension SIM = ExchangeSimExtension.start(SimConfig.defaults());

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Override
  ExchangeSimExtension sim() {
    return SIM;
  }

  @Test
  void aGapResyncsOnlyItsBookAndTheRebuiltBookEqualsALaterRestSnapshot() throws Exception {
    Map<String, String> env = env();
    env.put("BINANCE_SPOT_STREAMS", "btcusdt@depth@100ms,ethusdt@depth@100ms");
    env.put("BINANCE_USDM_STREAMS", "btcusdt@depth@100ms,ethusdt@depth@100ms");
    env.put("BINANCE_SPOT_BOOK_AUDIT_INTERVAL", "2s");
    env.put("BINANCE_USDM_BOOK_AUDIT_INTERVAL", "2s");
    ConnectorHarness connector = start(env);
    values(
        Topics.BOOK,
        all ->
            deltas(all, "binance-spot", "BTC-USDT") > 5
                && deltas(all, "binance-usdm", "BTC-USDT") > 5);

    SIM.faults().skipUpdateIds(Venue.BINANCE_SPOT, "BTCUSDT", 5);
    // USD-M ids are not contiguous anyway: only a lost event breaks its pu chain
    SIM.faults().dropBookUpdates(Venue.BINANCE_USDM, "BTCUSDT", 2);
    List<StatusMarker> markers =
        markers(
            m ->
                resynced(m, "binance-spot", "BTC-USDT") && resynced(m, "binance-usdm", "BTC-USDT"));
    for (String venue : List.of("binance-spot", "binance-usdm")) {
      List<Status> btc =
          markers.stream()
              .filter(m -> m.venue().equals(venue) && "BTC-USDT".equals(m.symbol()))
              .map(StatusMarker::status)
              .filter(s -> s == Status.GAP_DETECTED || s == Status.RESYNCED)
              .toList();
      assertThat(btc).as(venue).containsExactly(Status.GAP_DETECTED, Status.RESYNCED);
      assertThat(markers)
          .as("the other book of %s is untouched", venue)
          .noneMatch(
              m ->
                  m.venue().equals(venue)
                      && "ETH-USDT".equals(m.symbol())
                      && (m.status() == Status.GAP_DETECTED || m.status() == Status.RESYNCED));
    }

    for (Venue venue : List.of(Venue.BINANCE_SPOT, Venue.BINANCE_USDM)) {
      Snapshot rest = restSnapshot(venue, "BTCUSDT");
      List<BookEvent> events =
          values(
              Topics.BOOK,
              all ->
                  book(all, venue.id(), "BTC-USDT").stream()
                      .anyMatch(e -> e.lastUpdateId() >= rest.lastUpdateId()));
      OrderBook rebuilt = rebuild(book(events, venue.id(), "BTC-USDT"), rest.lastUpdateId());
      assertThat(rebuilt.lastUpdateId()).as(venue.id()).isEqualTo(rest.lastUpdateId());
      assertThat(rebuilt.firstDifference(rest.book(), 50)).as(venue.id()).isEmpty();
      // two snapshots in the topic: the first one and the one after the resync
      assertThat(book(events, venue.id(), "BTC-USDT"))
          .filteredOn(e -> e.kind() == BookEvent.Kind.SNAPSHOT)
          .hasSize(2);
    }
    assertThat(connector.count("connector.book.mismatches")).isZero();
    assertThat(connector.count("connector.resyncs")).isEqualTo(2);
  }

  private record Snapshot(long lastUpdateId, OrderBook book) {}

  /** The simulator's REST snapshot, as any client would fetch it. */
  private static Snapshot restSnapshot(Venue venue, String symbol) throws Exception {
    String path =
        (venue == Venue.BINANCE_SPOT ? "/api/v3/depth" : "/fapi/v1/depth")
            + "?symbol="
            + symbol
            + "&limit=1000";
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(SIM.http(path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode n = Json.mapper().readTree(response.body());
    long id = n.get("lastUpdateId").asLong();
    return new Snapshot(
        id,
        OrderBook.of(
            new BookEvent(
                venue.id(),
                "BTC-USDT",
                symbol,
                BookEvent.Kind.SNAPSHOT,
                null,
                null,
                id,
                null,
                levels(n.get("bids")),
                levels(n.get("asks")),
                null,
                null,
                0)));
  }

  private static List<Level> levels(JsonNode side) {
    List<Level> levels = new ArrayList<>();
    side.forEach(l -> levels.add(new Level(l.get(0).asText(), l.get(1).asText())));
    return levels;
  }

  /** The book a consumer builds from the topic: the last snapshot, then deltas up to {@code id}. */
  private static OrderBook rebuild(List<BookEvent> events, long id) {
    OrderBook book = null;
    for (BookEvent e : events) {
      if (e.lastUpdateId() > id) {
        break;
      }
      if (e.kind() == BookEvent.Kind.SNAPSHOT) {
        book = OrderBook.of(e);
      } else if (book != null) {
        book.apply(e);
      }
    }
    assertThat(book).isNotNull();
    return book;
  }

  private static List<BookEvent> book(List<BookEvent> all, String venue, String symbol) {
    return all.stream()
        .filter(e -> e.venue().equals(venue) && e.symbol().equals(symbol) && e.depth() == null)
        .toList();
  }

  private static long deltas(List<BookEvent> all, String venue, String symbol) {
    return book(all, venue, symbol).stream().filter(e -> e.kind() == BookEvent.Kind.DELTA).count();
  }

  private static boolean resynced(List<StatusMarker> markers, String venue, String symbol) {
    return markers.stream()
        .anyMatch(
            m ->
                m.venue().equals(venue)
                    && symbol.equals(m.symbol())
                    && m.status() == Status.RESYNCED);
  }
}
