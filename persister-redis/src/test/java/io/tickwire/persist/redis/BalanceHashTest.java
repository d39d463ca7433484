package io.tickwire.persist.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Balance;
import io.tickwire.model.Balance.AssetBalance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BalanceHashTest {

  private static Balance spot(Balance.Kind kind, long time, AssetBalance... assets) {
    return new Balance("binance-spot", "4db7ef", kind, List.of(assets), null, time, 0);
  }

  @Test
  void spotUpdateMergesIntoWhatIsStoredAndComputesTotals() {
    BalanceHash hash =
        BalanceHash.read(
            "{\"BTC\":\"1.0\",\"ETH\":\"2\"}",
            "{\"BTC\":\"0.5\",\"ETH\":\"0\"}",
            "{\"BTC\":\"1.5\",\"ETH\":\"2\"}");
    hash.apply(
        spot(
            Balance.Kind.UPDATE,
            1564034571105L,
            new AssetBalance("BTC", "0.9", "0.60", null, null)));

    assertThat(hash.fieldsToSet())
        .containsExactly(
            Map.entry("free", "{\"BTC\":\"0.9\",\"ETH\":\"2\"}"),
            Map.entry("used", "{\"BTC\":\"0.60\",\"ETH\":\"0\"}"),
            Map.entry("total", "{\"BTC\":\"1.50\",\"ETH\":\"2\"}"),
            Map.entry("BTC", "{\"free\":\"0.9\",\"used\":\"0.60\",\"total\":\"1.50\"}"),
            Map.entry("timestamp", "1564034571105"),
            Map.entry("datetime", "2019-07-25T06:02:51.105Z"));
    assertThat(hash.fieldsToDelete()).isEmpty();
  }

  @Test
  void snapshotReplacesAndDropsAssetsItNoLongerLists() {
    BalanceHash hash = BalanceHash.read("{\"BTC\":\"1\",\"DOGE\":\"5\"}", "{}", null);
    hash.apply(spot(Balance.Kind.SNAPSHOT, 0L, new AssetBalance("BTC", "2", "0", null, null)));

    assertThat(hash.fieldsToSet())
        .containsEntry("free", "{\"BTC\":\"2\"}")
        .containsEntry("total", "{\"BTC\":\"2\"}")
        .containsEntry("datetime", "1970-01-01T00:00:00.000Z")
        .doesNotContainKey("DOGE");
    assertThat(hash.fieldsToDelete()).containsExactly("DOGE");
  }

  @Test
  void futuresWalletBalanceGivesUsedAsTotalMinusFree() {
    BalanceHash hash = BalanceHash.read(null, null, null);
    hash.apply(
        new Balance(
            "binance-usdm",
            "4db7ef",
            Balance.Kind.UPDATE,
            List.of(
                new AssetBalance("USDT", "100.12345678", null, "122624.12345678", "50.12345678")),
            "ORDER",
            1L,
            0));

    assertThat(hash.fieldsToSet())
        .containsEntry(
            "USDT",
            "{\"free\":\"100.12345678\",\"used\":\"122524.00000000\",\"total\":\"122624.12345678\"}");
  }

  @Test
  void aDeltaAloneChangesNothingSoAReplayCannotDoubleCount() {
    BalanceHash hash = BalanceHash.read("{\"BTC\":\"1\"}", "{\"BTC\":\"0\"}", "{\"BTC\":\"1\"}");
    hash.apply(spot(Balance.Kind.DELTA, 5L, new AssetBalance("BTC", null, null, null, "0.5")));
    hash.apply(spot(Balance.Kind.DELTA, 5L, new AssetBalance("BTC", null, null, null, "0.5")));

    assertThat(hash.fieldsToSet())
        .containsEntry("free", "{\"BTC\":\"1\"}")
        .doesNotContainKey("BTC");
  }

  @Test
  void applyingTheSameUpdateTwiceGivesTheSameHash() {
    Balance update = spot(Balance.Kind.UPDATE, 9L, new AssetBalance("ETH", "3", "1", null, null));
    BalanceHash once = BalanceHash.read(null, null, null);
    once.apply(update);
    BalanceHash twice = BalanceHash.read(null, null, null);
    twice.apply(update);
    twice.apply(update);

    assertThat(twice.fieldsToSet()).isEqualTo(once.fieldsToSet());
  }
}
