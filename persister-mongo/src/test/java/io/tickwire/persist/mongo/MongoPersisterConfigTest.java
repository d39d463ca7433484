package io.tickwire.persist.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Settings;
import io.tickwire.persist.mongo.MongoPersisterConfig.TradeFilter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoPersisterConfigTest {

  private static MongoPersisterConfig parse(Map<String, String> env) {
    return MongoPersisterConfig.from(Settings.parse(MongoPersisterConfig.ALL, env));
  }

  @Test
  void byDefaultNoTradesAreKeptAndTheyExpireAfterAWeek() {
    MongoPersisterConfig config = parse(Map.of());

    assertThat(config.trades().none()).isTrue();
    assertThat(config.trades().keeps("binance-spot:BTC-USDT")).isFalse();
    assertThat(config.tradesRetention()).hasDays(7);
    assertThat(config.database()).isEqualTo("tickwire");
    assertThat(config.timeSeries()).isTrue();
    assertThat(MongoWriter.topics(config.trades())).doesNotContain(io.tickwire.model.Topics.TRADES);
  }

  @Test
  void tradesAreKeptPerInstrumentPerVenueOrForAll() {
    TradeFilter some = parse(Map.of("MONGO_TRADES", "binance-spot:BTC-USDT, upbit:*")).trades();

    assertThat(some.keeps("binance-spot:BTC-USDT")).isTrue();
    assertThat(some.keeps("binance-spot:ETH-USDT")).isFalse();
    assertThat(some.keeps("binance-usdm:BTC-USDT")).isFalse();
    assertThat(some.keeps("upbit:BTC-KRW")).isTrue();
    assertThat(some.keeps(null)).isFalse();
    assertThat(parse(Map.of("MONGO_TRADES", "*")).trades().keeps("binance-usdm:XRP-USDT")).isTrue();
  }

  @Test
  void badValuesStopStartUpNamingTheVariableWithoutShowingTheUri() {
    assertThatThrownBy(
            () ->
                parse(
                    Map.of(
                        "MONGO_TRADES", "BTC-USDT",
                        "MONGO_URI", "postgres://user:secret@db",
                        "MONGO_DATABASE", "a.b")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("MONGO_TRADES: 'BTC-USDT' is 'BTC-USDT' is not <venue>:<SYMBOL>")
        .hasMessageContaining("MONGO_URI: (hidden) is not a mongodb:// or mongodb+srv:// URI")
        .hasMessageContaining("MONGO_DATABASE: 'a.b' is not letters, digits")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> parse(Map.of("MONGO_TRADES", "kraken:BTC-USD")))
        .hasMessageContaining("unknown venue 'kraken'");
    assertThatThrownBy(() -> parse(Map.of("MONGO_TRADES", "upbit:KRW-btc")))
        .hasMessageContaining("symbol 'KRW-btc' is not canonical");
  }
}
