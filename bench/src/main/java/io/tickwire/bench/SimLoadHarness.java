package io.tickwire.bench;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many messages per second exchange-sim's load mode sustains to one WebSocket client on this
 * machine, and the send-to-receive latency of those messages (from the {@code E} send stamp). The
 * simulator and the client run in this one JVM, each on its own event loop thread.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.tickwire.bench.SimLoadHarness [rates] [seconds] [streams]
 *   rates    comma-separated target rates in messages/s, or 'max' (default 200000,400000,max)
 *   seconds  measured seconds per rate, after 5 s of warm-up (default 10)
 *   streams  load streams on the one connection (default 100)
 * </pre>
 */
public final class SimLoadHarness {

  private static final int MAX_RATE = 50_000_000;

  private SimLoadHarness() {}

  public static void main(String[] args) throws Exception {
    List<String> rates =
        Arrays.asList((args.length > 0 ? args[0] : "200000,400000,max").split(","));
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int streams = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    System.out.printf(
        "exchange-sim load mode, one client, %d streams, %d s per rate, %d cores%n",
        streams, seconds, Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "%-10s %14s %10s %8s %8s %8s %10s %16s%n",
        "target",
        "received/s",
        "skipped/s",
        "p50 ms",
        "p99 ms",
        "max ms",
        "cpu cores",
        "msgs/cpu-second");
    run(MAX_RATE, 5, streams); // JIT warm-up of both sides, not reported
    for (String rate : rates) {
      int r = rate.equals("max") ? MAX_RATE : Integer.parseInt(rate);
      Result result = run(r, seconds, streams);
      // at 'max' the generator offers far more than any client reads: skipped is not meaningful
      System.out.printf(
          "%-10s %,14.0f %10s %8d %8d %8d %10.2f %,16.0f%n",
          rate,
          result.perSecond,
          r == MAX_RATE ? "-" : String.format("%,.0f", result.skippedPerSecond),
          result.p50,
          result.p99,
          result.max,
          result.cores,
          result.perSecond / Math.max(0.01, result.cores));
    }
  }

  /**
   * One run. {@code cores}: CPU time this JVM used (simulator and client together) per second of
   * the run; on a shared machine it shows how much of the figure was limited by other tenants.
   */
  record Result(
      double perSecond, double skippedPerSecond, long p50, long p99, long max, double cores) {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static Result run(int rate, int seconds, int streams) throws Exception {
    SimConfig config =
        SimConfig.builder()
            .loadRate(rate)
            .loadInstruments(streams)
            // the market model is not part of the measurement
            .instruments(SimConfig.defaultInstruments().subList(0, 1))
            .build();
    EventLoopGroup clientLoop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    AtomicLong received = new AtomicLong();
    // latency histogram in 1 ms buckets up to 10 s
    AtomicLongArray histogram = new AtomicLongArray(10_001);
    try (ExchangeSim sim = ExchangeSim.start(config)) {
      StringJoiner names = new StringJoiner("/");
      for (int i = 0; i < streams; i++) {
        names.add(String.format("load%04dusdt@trade", i));
      }
      WsClient.Options options =
          new WsClient.Options()
              .group(clientLoop)
              .consumer(
                  frame -> {
                    long now = System.currentTimeMillis();
                    long sent = eventTime(frame);
                    received.incrementAndGet();
                    if (sent > 0) {
                      histogram.incrementAndGet((int) Math.min(10_000, Math.max(0, now - sent)));
                    }
                  });
      try (WsClient ws =
          WsClient.connect(URI.create(sim.wsBaseUrl() + "/stream?streams=" + names), options)) {
        Thread.sleep(5000); // warm-up: a benchmark, not a test
        long skipped0 = sim.load().skipped();
        for (int i = 0; i < histogram.length(); i++) {
          histogram.set(i, 0);
        }
        long start = System.nanoTime();
        long cpu0 = processCpuNanos();
        long count0 = received.get();
        Thread.sleep(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cores = (processCpuNanos() - cpu0) / 1e9 / elapsed;
        long count = received.get() - count0;
        long skipped = sim.load().skipped() - skipped0;
        if (!ws.isOpen()) {
          throw new IllegalStateException("the simulator closed the connection during the run");
        }
        return new Result(
            count / elapsed,
            skipped / elapsed,
            percentile(histogram, 0.5),
            percentile(histogram, 0.99),
            percentile(histogram, 1.0),
            cores);
      }
    } finally {
      clientLoop.shutdownGracefully().syncUninterruptibly();
    }
  }

  /** The {@code "E":<millis>} of a frame, read from its bytes without parsing the JSON. */
  static long eventTime(WebSocketFrame frame) {
    ByteBuf b = frame.content();
    int end = b.writerIndex();
    for (int i = b.readerIndex(); i < end - 4; i++) {
      if (b.getByte(i) == '"'
          && b.getByte(i + 1) == 'E'
          && b.getByte(i + 2) == '"'
          && b.getByte(i + 3) == ':') {
        long v = 0;
        for (int k = i + 4; k < end; k++) {
          byte c = b.getByte(k);
          if (c < '0' || c > '9') {
            return v;
          }
          v = v * 10 + (c - '0');
        }
      }
    }
    return -1;
  }

  static long percentile(AtomicLongArray histogram, double p) {
    long total = 0;
    for (int i = 0; i < histogram.length(); i++) {
      total += histogram.get(i);
    }
    long target = (long) Math.ceil(total * p);
    long seen = 0;
    for (int i = 0; i < histogram.length(); i++) {
      seen += histogram.get(i);
      if (seen >= target && total > 0) {
        return i;
      }
    }
    return -1;
  }
}
