package io.tickwire.kit.config;

import java.util.Collection;

/** Renders the settings of a service as the {@code --settings} listing. */
public final class SettingsHelp {

  private SettingsHelp() {}

  public static String describe(String title, Collection<Setting<?>> settings) {
    StringBuilder out = new StringBuilder(title).append('\n');
    int width = settings.stream().mapToInt(s -> s.name().length()).max().orElse(0);
    for (Setting<?> s : settings) {
      out.append("  ")
          .append(pad(s.name(), width))
          .append("  ")
          .append(s.description())
          .append('\n');
      out.append("  ").append(pad("", width)).append("  ").append(s.expected());
      if (s.defaultValue() != null) {
        out.append("; default ").append(s.isSecret() ? "(hidden)" : "'" + s.defaultValue() + "'");
      } else if (s.required()) {
        out.append("; required");
      } else {
        out.append("; optional");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
