package io.tickwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.kit.ServiceProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An umbrella target and the targets it includes are never hosted twice in one process. */
class ServiceRegistryTest {

  private final ServiceRegistry registry = ServiceRegistry.load();

  @Test
  void everyTargetIsListedButTheDefaultRunHostsEachJobOnce() {
    assertThat(names(registry.all()))
        .contains("stream-jobs", "kline-closer", "book-aggregator", "premium", "echo-test");
    assertThat(names(registry.defaults()))
        .contains("stream-jobs", "echo-test")
        .doesNotContain("kline-closer", "book-aggregator", "premium");
  }

  @Test
  void selectingAnUmbrellaAndOneOfItsTargetsHostsTheUmbrellaOnly() {
    assertThat(names(registry.select(List.of("premium", "stream-jobs", "kline-closer"))))
        .containsExactly("stream-jobs");
    assertThat(names(registry.select(List.of("premium", "kline-closer"))))
        .containsExactly("kline-closer", "premium");
  }

  private static List<String> names(List<ServiceProvider> providers) {
    return providers.stream().map(ServiceProvider::name).toList();
  }
}
