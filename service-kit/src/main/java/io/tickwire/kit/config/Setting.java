package io.tickwire.kit.config;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting, declared once: the environment variable it is read from, its type, default,
 * validation and a one-line description. A setting without a default is required. Secret settings
 * never show their value in listings or error messages.
 *
 * <pre>{@code
 * static final Setting<Integer> PORT =
 *     Setting.integer("GATEWAY_PORT", "Port of the client WebSocket endpoint").range(0, 65535).defaultValue("8080");
 * }</pre>
 */
public final class Setting<T> {

  private final String name;
  private final String description;
  private final String type;
  private final Function<String, T> parser;
  private final String defaultValue;
  private final boolean required;
  private final boolean secret;

  private Setting(
      String name,
      String description,
      String type,
      Function<String, T> parser,
      String defaultValue,
      boolean required,
      boolean secret) {
    this.name = Objects.requireNonNull(name);
    this.description = Objects.requireNonNull(description);
    this.type = type;
    this.parser = parser;
    this.defaultValue = defaultValue;
    this.required = required;
    this.secret = secret;
  }

  // ---- types ---------------------------------------------------------------------------------

  public static Setting<String> string(String name, String description) {
    return new Setting<>(name, description, "a text", value -> value, null, true, false);
  }

  public static Setting<Integer> integer(String name, String description) {
    return new Setting<>(
        name,
        description,
        "an integer",
        value -> parseNumber(value, Integer::valueOf),
        null,
        true,
        false);
  }

  public static Setting<Long> longInteger(String name, String description) {
    return new Setting<>(
        name,
        description,
        "an integer",
        value -> parseNumber(value, Long::valueOf),
        null,
        true,
        false);
  }

  public static Setting<Double> decimal(String name, String description) {
    return new Setting<>(
        name,
        description,
        "a number",
        value -> parseNumber(value, Double::valueOf),
        null,
        true,
        false);
  }

  public static Setting<Boolean> bool(String name, String description) {
    return new Setting<>(
        name, description, "true or false", Setting::parseBoolean, null, true, false);
  }

  /** A duration such as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 24h}, {@code 2d}. */
  public static Setting<Duration> duration(String name, String description) {
    return new Setting<>(
        name,
        description,
        "a duration such as 500ms, 30s, 5m, 24h",
        Setting::parseDuration,
        null,
        true,
        false);
  }

  /** A comma-separated list; blanks around entries are ignored, an empty value is an empty list. */
  public static Setting<List<String>> list(String name, String description) {
    return new Setting<>(
        name, description, "a comma-separated list", Setting::parseList, null, true, false);
  }

  public static <E extends Enum<E>> Setting<E> oneOf(
      String name, String description, Class<E> type) {
    String choices =
        Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
            .collect(Collectors.joining(", "));
    return new Setting<>(
        name,
        description,
        "one of " + choices,
        value -> {
          for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
              return constant;
            }
          }
          throw new IllegalArgumentException("unknown");
        },
        null,
        true,
        false);
  }

  /** An absolute URI with one of the given schemes, e.g. {@code ws}/{@code wss}. */
  public static Setting<URI> uri(String name, String description, String... schemes) {
    List<String> allowed = List.of(schemes);
    String expected = "a URI starting with " + String.join("://, ", allowed) + "://";
    return new Setting<>(
        name,
        description,
        expected,
        value -> {
          URI uri;
          try {
            uri = URI.create(value.trim());
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI");
          }
          if (uri.getScheme() == null
              || !allowed.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("of the wrong scheme");
          }
          if (uri.getHost() == null) {
            throw new IllegalArgumentException("missing a host");
          }
          return uri;
        },
        null,
        true,
        false);
  }

  /** A list of {@code host:port} pairs such as {@code localhost:9092,broker2:9092}. */
  public static Setting<String> hostPorts(String name, String description) {
    Pattern hostPort = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}");
    return new Setting<>(
        name,
        description,
        "host:port[,host:port...]",
        value -> {
          List<String> entries = parseList(value);
          for (String entry : entries) {
            if (!hostPort.matcher(entry).matches()) {
              throw new IllegalArgumentException(
                  entries.size() == 1 ? "missing a port" : "missing a port in '" + entry + "'");
            }
          }
          return String.join(",", entries);
        },
        null,
        true,
        false);
  }

  // ---- refinements (each returns a new setting) ------------------------------------------------

  /** The value used when the variable is unset or blank; the setting becomes optional. */
  public Setting<T> defaultValue(String value) {
    return new Setting<>(name, description, type, parser, value, false, secret);
  }

  /** Unset is allowed and yields no value ({@link Settings#find}). */
  public Setting<T> optional() {
    return new Setting<>(name, description, type, parser, null, false, secret);
  }

  public Setting<T> secret() {
    return new Setting<>(name, description, type, parser, defaultValue, required, true);
  }

  /** Adds a check; {@code expected} completes "expected ..." in the error message. */
  public Setting<T> validate(Predicate<T> check, String expected) {
    Function<String, T> base = parser;
    return new Setting<>(
        name,
        description,
        type + ", " + expected,
        value -> {
          T parsed = base.apply(value);
          if (!check.test(parsed)) {
            throw new IllegalArgumentException("not " + expected);
          }
          return parsed;
        },
        defaultValue,
        required,
        secret);
  }

  /** For integers: an inclusive range. */
  @SuppressWarnings("unchecked")
  public Setting<T> range(long min, long max) {
    return validate(
        value -> ((Number) value).longValue() >= min && ((Number) value).longValue() <= max,
        "between " + min + " and " + max);
  }

  /** For durations: strictly positive. */
  public Setting<T> positive() {
    return validate(
        value ->
            value instanceof Duration d
                ? !d.isNegative() && !d.isZero()
                : ((Number) value).doubleValue() > 0,
        "greater than zero");
  }

  /** Maps the parsed value, e.g. to check entries of a list; a thrown message is reported. */
  public <R> Setting<R> map(Function<T, R> mapper, String expected) {
    Function<String, T> base = parser;
    return new Setting<>(
        name,
        description,
        type + ", " + expected,
        value -> mapper.apply(base.apply(value)),
        defaultValue,
        required,
        secret);
  }

  // ---- accessors -----------------------------------------------------------------------------

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** What a valid value looks like, for listings and error messages. */
  public String expected() {
    return type;
  }

  public String defaultValue() {
    return defaultValue;
  }

  public boolean required() {
    return required;
  }

  public boolean isSecret() {
    return secret;
  }

  T parse(String raw) {
    return parser.apply(raw);
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- parsers -------------------------------------------------------------------------------

  private static <N> N parseNumber(String value, Function<String, N> parse) {
    try {
      return parse.apply(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number");
    }
  }

  private static Boolean parseBoolean(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off" -> false;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  static Duration parseDuration(String value) {
    String trimmed = value.trim();
    Matcher m = DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(trimmed);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration");
    }
  }

  private static List<String> parseList(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
