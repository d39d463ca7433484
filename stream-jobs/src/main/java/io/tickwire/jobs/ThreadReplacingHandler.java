package io.tickwire.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a stream thread that died of an unexpected exception, so one failure does not stop the
 * job. Each distinct failure is logged once with its stack trace; a failure that keeps repeating (a
 * broker refusing the job, say) is only counted ({@code stream_jobs_thread_replacements_total})
 * instead of flooding the log.
 */
final class ThreadReplacingHandler implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ThreadReplacingHandler.class);

  private final String job;
  private final Counter replacements;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  ThreadReplacingHandler(String job, MeterRegistry meters) {
    this.job = job;
    this.replacements =
        Counter.builder("stream.jobs.thread.replacements")
            .description("Stream threads replaced after an uncaught exception")
            .tag("job", job)
            .register(meters);
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable exception) {
    replacements.increment();
    if (seen.add(signature(exception))) {
      log.error(
          "{}: a stream thread failed; replacing it (the same failure again is only counted)",
          job,
          exception);
    }
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  private static String signature(Throwable exception) {
    Throwable root = exception;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    StackTraceElement[] frames = root.getStackTrace();
    return root.getClass().getName()
        + ':'
        + root.getMessage()
        + '@'
        + (frames.length == 0 ? "" : frames[0].toString());
  }
}
