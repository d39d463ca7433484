package io.tickwire.app;

import io.tickwire.kit.ServiceProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The services this distribution can host, found through {@link ServiceLoader}: each service module
 * lists its provider in {@code META-INF/services/io.tickwire.kit.ServiceProvider}.
 */
final class ServiceRegistry {

  private final Map<String, ServiceProvider> byName = new LinkedHashMap<>();

  private ServiceRegistry(List<ServiceProvider> providers) {
    providers.stream()
        .sorted(Comparator.comparingInt(ServiceProvider::healthPortOffset))
        .forEach(p -> byName.put(p.name(), p));
  }

  static ServiceRegistry load() {
    List<ServiceProvider> providers = new ArrayList<>();
    ServiceLoader.load(ServiceProvider.class).forEach(providers::add);
    return new ServiceRegistry(providers);
  }

  List<ServiceProvider> all() {
    return List.copyOf(byName.values());
  }

  /**
   * What {@code tickwire run} hosts without {@code --target}: every service once, leaving out the
   * targets an umbrella target already runs ({@link ServiceProvider#includes()}).
   */
  List<ServiceProvider> defaults() {
    return withoutIncluded(all());
  }

  /**
   * The named services, in registry order.
   *
   * @throws Args.UsageException naming an unknown target and listing the known ones
   */
  List<ServiceProvider> select(List<String> names) {
    List<ServiceProvider> selected = new ArrayList<>();
    for (String name : names) {
      ServiceProvider provider = byName.get(name);
      if (provider == null) {
        throw new Args.UsageException(
            "unknown target '" + name + "'; known targets: " + String.join(", ", byName.keySet()));
      }
      if (!selected.contains(provider)) {
        selected.add(provider);
      }
    }
    selected.sort(Comparator.comparingInt(ServiceProvider::healthPortOffset));
    return withoutIncluded(selected);
  }

  private static List<ServiceProvider> withoutIncluded(List<ServiceProvider> providers) {
    return providers.stream()
        .filter(p -> providers.stream().noneMatch(other -> other.includes().contains(p.name())))
        .toList();
  }
}
