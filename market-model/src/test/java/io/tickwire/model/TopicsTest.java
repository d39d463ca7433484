package io.tickwire.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

  @Test
  void everyArchitectureTopicIsRegisteredOnce() {
    assertThat(Topics.all())
        .extracting(Topic::name)
        .doesNotHaveDuplicates()
        .contains(
            "raw.binance-spot.v1",
            "raw.binance-usdm.v1",
            "raw.upbit.v1",
            "md.trades.v1",
            "md.tickers.v1",
            "md.bbo.v1",
            "md.book.v1",
            "md.klines.v1",
            "md.mark-prices.v1",
            "md.liquidations.v1",
            "md.status.v1",
            "md.klines.closed.v1",
            "md.book.top.v1",
            "md.premium.v1",
            "user.orders.v1",
            "user.balances.v1",
            "user.positions.v1",
            "user.account-events.v1",
            "control.subscriptions.v1",
            "deadletter.v1");
  }

  @Test
  void controlTopicIsCompactedAndKeepsForever() {
    assertThat(Topics.SUBSCRIPTIONS.configs())
        .containsEntry("cleanup.policy", "compact")
        .containsEntry("retention.ms", "-1");
    assertThat(Topics.TRADES.configs())
        .isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "604800000"));
  }

  @Test
  void prefixPrecedesTheNameAndKeepsEverythingElse() {
    Topic<String, Trade> staged = Topics.TRADES.withPrefix("staging.");

    assertThat(staged.name()).isEqualTo("staging.md.trades.v1");
    assertThat(staged.partitions()).isEqualTo(Topics.TRADES.partitions());
    assertThat(staged.valueSerde()).isSameAs(Topics.TRADES.valueSerde());
    assertThat(Topics.TRADES.withPrefix("")).isSameAs(Topics.TRADES);
  }

  @Test
  void rawTopicsCarryExactBytes() {
    byte[] frame = "{\"e\":\"trade\",\"p\":\"0.10\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(Topics.raw(Venue.UPBIT).valueSerde().serializer().serialize("t", frame))
        .isEqualTo(frame);
    assertThat(Topics.raw(Venue.BINANCE_SPOT).name()).isEqualTo("raw.binance-spot.v1");
  }

  @Test
  void subscriptionKeyListsParamsInNameOrder() {
    SubscriptionRequest depth =
        new SubscriptionRequest(
            "binance-spot",
            "depth",
            "BTC-USDT",
            Map.of("speed", "100ms", "levels", "20"),
            "cli",
            null,
            1);

    assertThat(depth.key()).isEqualTo("binance-spot|depth|BTC-USDT|20|100ms");
    assertThat(depth.expired(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void deadLettersKeepTextAsTextAndBinaryAsBase64() {
    DeadLetter text =
        DeadLetter.ofFrame(
            "s", "upbit", "trade", "c1", "bad", "{\"x\"".getBytes(StandardCharsets.UTF_8), 1);
    DeadLetter binary =
        DeadLetter.ofRecord("s", "md.trades.v1", 0, 42, "bad", new byte[] {(byte) 0xff, 0}, 1);

    assertThat(text.payload()).isEqualTo("{\"x\"");
    assertThat(text.payloadEncoding()).isEqualTo(DeadLetter.Encoding.UTF8);
    assertThat(binary.payload()).isEqualTo("/wA=");
    assertThat(binary.payloadEncoding()).isEqualTo(DeadLetter.Encoding.BASE64);
    assertThat(binary.originOffset()).isEqualTo(42L);
  }
}
