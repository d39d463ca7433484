package io.tickwire.persist.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.kit.config.ConfigException;
import io.tickwire.kit.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedisPersisterConfigTest {

  @Test
  void defaultsFollowTheArchitecturePage() {
    RedisPersisterConfig config =
        RedisPersisterConfig.from(Settings.parse(RedisPersisterConfig.ALL, Map.of()));

    assertThat(config.redisUrl()).hasToString("redis://localhost:6379");
    assertThat(config.markPriceTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.orderBookTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.positionTtl()).isEqualTo(Duration.ofSeconds(300));
    assertThat(config.orderStreamMaxLength()).isEqualTo(1000);
    assertThat(config.cacheVenues()).isEqualTo(Set.of("binance-usdm", "upbit"));
    assertThat(config.klineStore()).isEqualTo(RedisPersisterConfig.KlineStore.AUTO);
  }

  @Test
  void cacheVenuesWhoseSymbolsCollideStopStartUpNamingTheVariable() {
    assertThatThrownBy(
            () ->
                Settings.parse(
                    RedisPersisterConfig.ALL,
                    Map.of(
                        "REDIS_CACHE_VENUES",
                        "binance-spot,binance-usdm",
                        "REDIS_URL",
                        "http://x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "REDIS_CACHE_VENUES: 'binance-spot,binance-usdm' is mixing venues whose native symbols"
                + " collide (binance-spot, binance-usdm)")
        .hasMessageContaining("REDIS_URL: (hidden) is of the wrong scheme")
        .hasMessageNotContaining("http://x");
    assertThatThrownBy(
            () -> Settings.parse(RedisPersisterConfig.ALL, Map.of("REDIS_CACHE_VENUES", "kraken")))
        .hasMessageContaining("REDIS_CACHE_VENUES: 'kraken' is naming an unknown venue 'kraken'");
  }
}
