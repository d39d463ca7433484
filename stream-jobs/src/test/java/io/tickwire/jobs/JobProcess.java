package io.tickwire.jobs;

import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

/**
 * A stream-jobs target in a JVM of its own, as {@code tickwire run --target <name>} runs it, so a
 * test can kill it without warning ({@link Process#destroyForcibly()}: SIGKILL, no shutdown hook,
 * no commit, no flush).
 */
public final class JobProcess {

  private JobProcess() {}

  /** Starts {@code target} in a new JVM with {@code env}, its output going to {@code log}. */
  public static Process start(String target, Map<String, String> env, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            JobProcess.class.getName(),
            target);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return builder.start();
  }

  public static void main(String[] args) throws Exception {
    ServiceProvider provider =
        ServiceLoader.load(ServiceProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.name().equals(args[0]))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no target " + args[0]));
    ServiceHost host = ServiceHost.start(List.of(provider), System.getenv()).closeOnShutdown();
    System.out.println("started " + provider.name() + " in " + new File(".").getAbsolutePath());
    new CountDownLatch(1).await(); // until killed
    host.close();
  }
}
