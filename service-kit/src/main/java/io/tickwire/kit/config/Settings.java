package io.tickwire.kit.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed, immutable setting values. {@link #parse} reads every declared setting from the
 * environment at once and reports all problems together, so an operator fixes a deployment in one
 * round instead of one variable per restart.
 */
public final class Settings {

  private final Map<String, Object> values;
  private final Map<String, String> env;

  private Settings(Map<String, Object> values, Map<String, String> env) {
    this.values = values;
    this.env = env;
  }

  /**
   * Parses every setting; throws one {@link ConfigException} naming each missing or malformed
   * variable. Settings declared twice (shared by several services) are parsed once.
   */
  public static Settings parse(Collection<Setting<?>> declared, Map<String, String> env) {
    Map<String, Object> values = new HashMap<>();
    Map<String, Setting<?>> byName = new LinkedHashMap<>();
    declared.forEach(s -> byName.putIfAbsent(s.name(), s));
    List<ConfigException.Problem> problems = new ArrayList<>();
    for (Setting<?> setting : byName.values()) {
      String raw = env.get(setting.name());
      boolean unset = raw == null || raw.isBlank();
      if (unset && setting.defaultValue() == null) {
        if (setting.required()) {
          problems.add(
              new ConfigException.Problem(
                  setting.name(), "is required, expected " + setting.expected()));
        }
        continue;
      }
      String text = unset ? setting.defaultValue() : raw;
      try {
        values.put(setting.name(), setting.parse(text));
      } catch (IllegalArgumentException e) {
        String shown = setting.isSecret() ? "(hidden)" : "'" + text + "'";
        problems.add(
            new ConfigException.Problem(
                setting.name(),
                shown
                    + " is "
                    + e.getMessage()
                    + ", expected "
                    + setting.expected()
                    + (unset ? " (this is the default value)" : "")));
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new Settings(Map.copyOf(values), Map.copyOf(env));
  }

  /** The value of a setting that has a default or is required. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    Object value = values.get(setting.name());
    if (value == null) {
      throw new IllegalStateException(
          setting.name() + " has no value: declare it with the service or give it a default");
    }
    return (T) value;
  }

  /** The value of an optional setting, empty when unset. */
  @SuppressWarnings("unchecked")
  public <T> Optional<T> find(Setting<T> setting) {
    return Optional.ofNullable((T) values.get(setting.name()));
  }

  /**
   * Raw variables with a prefix, for pass-through families such as {@code KAFKA_PRODUCER_*}. Keys
   * are returned without the prefix.
   */
  public Map<String, String> withPrefix(String prefix) {
    Map<String, String> found = new LinkedHashMap<>();
    env.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length())
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> found.put(e.getKey().substring(prefix.length()), e.getValue()));
    return found;
  }
}
