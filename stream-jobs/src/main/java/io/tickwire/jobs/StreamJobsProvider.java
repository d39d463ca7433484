package io.tickwire.jobs;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code tickwire run --target stream-jobs}: every stream job in one service. */
public final class StreamJobsProvider extends JobsProvider {

  public StreamJobsProvider() {
    super(List.of(Job.values()));
  }

  @Override
  public String name() {
    return "stream-jobs";
  }

  @Override
  public String description() {
    return "Kafka Streams jobs: kline-closer, book-aggregator and premium";
  }

  @Override
  public int healthPortOffset() {
    return 4;
  }

  @Override
  public Set<String> includes() {
    return Stream.of(Job.values()).map(job -> job.target).collect(Collectors.toUnmodifiableSet());
  }
}
