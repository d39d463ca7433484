package io.tickwire.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real Redis server as a child process: the system {@code redis-server} when it is on the PATH,
 * otherwise the binary bundled by embedded-redis. Persistence is off. The process is killed when
 * this JVM exits, so nothing is left behind, but only after whoever started it had {@link
 * #EXIT_GRACE} to stop it in order (services first). The system binary runs in its own session
 * (`setsid`) so a Ctrl-C in the terminal reaches this JVM only, not Redis ahead of the services
 * still writing to it. Neither binary has RedisTimeSeries.
 */
public final class LocalRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LocalRedis.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final boolean system;
  private Process process;
  private RedisServer embedded;
  private final Thread killOnExit = new Thread(this::stopAtExit, "local-redis-stop");
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** How long the exit hook lets an orderly shutdown stop Redis before it kills it. */
  static final Duration EXIT_GRACE = Duration.ofSeconds(20);

  private LocalRedis(int port, boolean system) {
    this.port = port;
    this.system = system;
  }

  /** Starts Redis on {@code port} (0 picks a free one). */
  public static LocalRedis start(int port) {
    LocalRedis redis = new LocalRedis(Ports.orFree(port), systemRedisServer() != null);
    Runtime.getRuntime().addShutdownHook(redis.killOnExit);
    redis.start();
    return redis;
  }

  public String host() {
    return "localhost";
  }

  public int port() {
    return port;
  }

  /** {@code redis://localhost:<port>}. */
  public String url() {
    return "redis://localhost:" + port;
  }

  /** Which binary runs: {@code redis-server (PATH)} or {@code embedded-redis}. */
  public String flavour() {
    return system ? "redis-server (PATH)" : "embedded-redis";
  }

  /** Starts the server again after {@link #stop()}, on the same port (empty: no persistence). */
  public synchronized void start() {
    if (process != null || embedded != null) {
      return;
    }
    List<String> settings =
        List.of(
            "--port",
            Integer.toString(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "no",
            "--daemonize",
            "no");
    try {
      if (system) {
        Path logFile = Files.createTempFile("tickwire-redis-", ".log");
        List<String> command = new java.util.ArrayList<>();
        Path setsid = onPath("setsid");
        if (setsid != null) {
          command.add(setsid.toString());
        }
        command.add(systemRedisServer().toString());
        command.addAll(settings);
        process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
      } else {
        embedded =
            RedisServer.newRedisServer()
                .port(port)
                .setting("bind 127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        embedded.start();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Redis on port " + port, e);
    }
    awaitPong();
    log.info("Redis ({}) listening on {}", flavour(), url());
  }

  /** Stops the server (its data is gone: persistence is off). */
  public synchronized void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      process = null;
    }
    if (embedded != null) {
      try {
        embedded.stop();
      } catch (IOException e) {
        log.warn("could not stop embedded Redis", e);
      }
      embedded = null;
    }
    stopped.countDown();
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to: it stops the server anyway
    }
  }

  /** True when a Redis server at host:port answers PING. */
  public static boolean answersPing(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[7];
      int read = in.readNBytes(reply, 0, 7);
      return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private void awaitPong() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!answersPing("127.0.0.1", port)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            "redis-server exited with " + process.exitValue() + " (port " + port + " in use?)");
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw new IllegalStateException(
            "Redis did not answer PING on port " + port + " within " + START_TIMEOUT);
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting Redis", e);
      }
    }
  }

  private void stopAtExit() {
    try {
      stopped.await(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
  }

  private static Path systemRedisServer() {
    return onPath("redis-server");
  }

  private static Path onPath(String binary) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, binary);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
