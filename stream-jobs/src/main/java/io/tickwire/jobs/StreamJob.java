package io.tickwire.jobs;

import io.tickwire.model.Topic;
import java.util.List;
import org.apache.kafka.streams.Topology;

/**
 * One Kafka Streams application of this module, ready to run: its target name, its application id
 * (already under the deployment's topic prefix), its topology and the (prefixed) topics it reads
 * and writes, which are created before it starts.
 */
public record StreamJob(
    String name, String applicationId, Topology topology, List<Topic<?, ?>> topics) {

  public StreamJob {
    topics = List.copyOf(topics);
  }
}
