package io.tickwire.kit.kafka;

import java.util.List;

/** What provisioning did: topics created, topics that already matched, and differences found. */
public record ProvisionReport(
    List<String> created, List<String> matching, List<Mismatch> mismatches) {

  /** An existing topic whose setting differs from the registry; provisioning never changes it. */
  public record Mismatch(String topic, String property, String expected, String actual) {
    @Override
    public String toString() {
      return topic + ": " + property + " is " + actual + ", the registry expects " + expected;
    }
  }

  public ProvisionReport {
    created = List.copyOf(created);
    matching = List.copyOf(matching);
    mismatches = List.copyOf(mismatches);
  }

  public String summary() {
    StringBuilder out =
        new StringBuilder()
            .append(created.size())
            .append(" created, ")
            .append(matching.size())
            .append(" already as expected, ")
            .append(mismatches.size())
            .append(" differing");
    created.forEach(t -> out.append("\n  created ").append(t));
    mismatches.forEach(m -> out.append("\n  DIFFERS ").append(m));
    return out.toString();
  }
}
