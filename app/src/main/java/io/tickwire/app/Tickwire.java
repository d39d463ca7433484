package io.tickwire.app;

import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.ConfigException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code tickwire} command line. */
public final class Tickwire {

  private Tickwire() {}

  public static void main(String[] args) {
    int code = execute(Arrays.asList(args), Console.system());
    if (code != 0 || !(args.length > 0 && args[0].equals("run"))) {
      System.exit(code);
    }
  }

  /** Runs one command line; returns the exit code. */
  static int execute(List<String> argv, Console console) {
    ServiceRegistry registry = ServiceRegistry.load();
    Map<String, Command> commands = commands(registry);
    if (argv.isEmpty()
        || argv.get(0).equals("--help")
        || argv.get(0).equals("-h")
        || argv.get(0).equals("help")) {
      console.out().print(help(commands, registry));
      return argv.isEmpty() ? 2 : 0;
    }
    Command command = commands.get(argv.get(0));
    if (command == null) {
      console.err().println("tickwire: unknown command '" + argv.get(0) + "'. Try tickwire --help");
      return 2;
    }
    List<String> rest = argv.subList(1, argv.size());
    if (rest.contains("--help") || rest.contains("-h")) {
      console.out().print(command.usage());
      return 0;
    }
    try {
      Args args = Args.parse(rest, command.options(), command.flags());
      return command.run(args, console);
    } catch (Args.UsageException e) {
      console.err().println("tickwire " + command.name() + ": " + e.getMessage());
      console.err().print(command.usage());
      return 2;
    } catch (ConfigException e) {
      console.err().println("tickwire " + command.name() + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      console.err().println("tickwire " + command.name() + " failed: " + e);
      return 1;
    }
  }

  private static Map<String, Command> commands(ServiceRegistry registry) {
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command c : List.of(new RunCommand(registry), new TopicsCommand(), new SimCommand())) {
      commands.put(c.name(), c);
    }
    return commands;
  }

  private static String help(Map<String, Command> commands, ServiceRegistry registry) {
    StringBuilder out =
        new StringBuilder(
            """
            tickwire: crypto market data from Binance and Upbit, on Kafka.

            Usage: tickwire <command> [options]      tickwire <command> --help for details

            Commands:
            """);
    commands
        .values()
        .forEach(c -> out.append(String.format("  %-10s %s%n", c.name(), c.summary())));
    out.append("\nServices (tickwire run --target <name>):\n");
    for (ServiceProvider p : registry.all()) {
      out.append(
          String.format(
              "  %-24s :%-5d %s%n", p.name(), 9400 + p.healthPortOffset(), p.description()));
    }
    if (registry.all().isEmpty()) {
      out.append("  (none registered yet)\n");
    }
    out.append(
        """

        Settings come from environment variables; tickwire run --target <name> --settings lists them.
        """);
    return out.toString();
  }
}
