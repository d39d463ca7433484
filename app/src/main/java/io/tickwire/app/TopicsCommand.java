package io.tickwire.app;

import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.kafka.ProvisionReport;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;

/** {@code tickwire topics apply|list}: provision the contract's topics, or list them. */
final class TopicsCommand implements Command {

  @Override
  public String name() {
    return "topics";
  }

  @Override
  public String summary() {
    return "create missing topics (apply) or list the registry (list)";
  }

  @Override
  public String usage() {
    return """
        Usage: tickwire topics apply | list

          apply  create every topic of the contract that is missing on KAFKA_BOOTSTRAP_SERVERS
                 (default localhost:9092, under TOPIC_PREFIX) and report existing topics whose
                 partitions, cleanup policy or retention differ; they are never changed.
                 Exit code 3 when some topic differs.
          list   print the topic registry: name, partitions, cleanup policy, retention, schema
        """;
  }

  @Override
  public int run(Args args, Console console) throws Exception {
    String action = args.positional().isEmpty() ? "" : args.positional().get(0);
    switch (action) {
      case "apply" -> {
        Settings.parse(CommonSettings.ALL, console.env());
        ProvisionReport report = RunCommand.provision(console.env());
        console.out().println("topics: " + report.summary());
        return report.mismatches().isEmpty() ? 0 : 3;
      }
      case "list" -> {
        console
            .out()
            .printf(
                "%-28s %10s  %-8s %12s  %s%n",
                "TOPIC", "PARTITIONS", "CLEANUP", "RETENTION", "SCHEMA");
        for (Topic<?, ?> t : Topics.all()) {
          console
              .out()
              .printf(
                  "%-28s %10d  %-8s %12s  %s%n",
                  t.name(),
                  t.partitions(),
                  t.cleanupPolicy().config(),
                  t.retention() == null ? "forever" : t.retention().toDays() + "d",
                  t.schema() == null ? "(raw bytes)" : t.schema() + ".schema.json");
        }
        return 0;
      }
      default -> throw new Args.UsageException("expected 'apply' or 'list'");
    }
  }
}
