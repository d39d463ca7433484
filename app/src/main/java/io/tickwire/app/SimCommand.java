package io.tickwire.app;

import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.InstrumentSpec;
import io.tickwire.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tickwire sim}: runs the exchange simulator (Binance spot, USD-M and Upbit on one port)
 * until Ctrl-C, so connectors, demos and tools can be pointed at it.
 */
final class SimCommand implements Command {

  @Override
  public String name() {
    return "sim";
  }

  @Override
  public String summary() {
    return "run the Binance + Upbit exchange simulator (default port 8765)";
  }

  @Override
  public String usage() {
    return """
        Usage: tickwire sim [options]

        Serves Binance spot (/ws, /stream, /ws-api/v3, /api/v3), Binance USD-M (/public, /market,
        /private, /fapi) and Upbit (/websocket/v1, /websocket/v1/private, /v1) on one port, from a
        deterministic simulated market, until Ctrl-C. Faults: HTTP admin API under /admin
        (see exchange-sim/README.md).

          --port <n>            port to listen on (default 8765; 0 picks a free one)
          --host <addr>         address to bind (default 0.0.0.0)
          --seed <n>            market seed: the same seed gives the same messages (default 1)
          --time-scale <x>      market clock speed-up: 60 closes 1m candles every second (default 1)
          --start-time <iso>    simulated start instant, e.g. 2026-01-01T00:00:00Z (default now)
          --spot <list>         Binance spot symbols (default BTCUSDT,ETHUSDT,BNBUSDT,SOLUSDT,XRPUSDT)
          --usdm <list>         Binance USD-M symbols (same default)
          --upbit <list>        Upbit markets (default KRW-BTC,KRW-ETH,KRW-XRP,KRW-SOL,KRW-USDT)
                                Each entry is SYMBOL or SYMBOL:price:tickSize:stepSize for symbols
                                without built-in defaults, e.g. DOGEUSDT:0.15:0.00001:1; 'none'
                                serves no instrument of that venue.
          --account <key:secret>  API key and secret of the simulated account (default: the demo
                                account in exchange-sim/README.md); balances are the demo's
          --load-rate <n>       load mode: messages per second per connection on the synthetic
                                LOAD0000USDT... @trade/@aggTrade streams (default 0: off)
          --load-instruments <n>  how many load instruments exist (default 100)
          --replay <file>       play a recording (exchange-sim recording format) to subscribers
          --replay-speed <x>    1 keeps the recorded timing, 2 is twice as fast, 0 as fast as possible
          --replay-loop         replay the recording again and again
        """;
  }

  @Override
  public Set<String> options() {
    return Set.of(
        "port",
        "host",
        "seed",
        "time-scale",
        "start-time",
        "spot",
        "usdm",
        "upbit",
        "account",
        "load-rate",
        "load-instruments",
        "replay",
        "replay-speed");
  }

  @Override
  public Set<String> flags() {
    return Set.of("replay-loop");
  }

  @Override
  public int run(Args args, Console console) throws Exception {
    CountDownLatch stopped = new CountDownLatch(1);
    ExchangeSim sim = start(args, console);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  console.out().println("tickwire sim: stopping...");
                  sim.close();
                  stopped.countDown();
                },
                "tickwire-sim-stop"));
    stopped.await();
    return 0;
  }

  /** Starts the simulator the options describe and prints where it listens. */
  static ExchangeSim start(Args args, Console console) {
    SimConfig config = config(args);
    Path replay = args.option("replay").map(Path::of).orElse(null);
    if (replay != null && !Files.isReadable(replay)) {
      throw new Args.UsageException("--replay " + replay + ": no such readable file");
    }
    double speed = decimal(args, "replay-speed", 1);
    ExchangeSim sim = ExchangeSim.start(config);
    if (replay != null) {
      sim.replay(replay, speed, args.flag("replay-loop"));
    }
    console.out().print(banner(sim, replay));
    return sim;
  }

  static SimConfig config(Args args) {
    SimConfig.Builder b =
        SimConfig.builder()
            .host(args.option("host").orElse("0.0.0.0"))
            .port(args.intOption("port", 8765))
            .seed(longOption(args, "seed", 1))
            .timeScale(decimal(args, "time-scale", 1));
    args.option("start-time")
        .ifPresent(
            t -> {
              try {
                b.startTime(Instant.parse(t));
              } catch (DateTimeParseException e) {
                throw new Args.UsageException(
                    "--start-time expects an instant such as 2026-01-01T00:00:00Z, got '"
                        + t
                        + "'");
              }
            });
    List<InstrumentSpec> instruments = new ArrayList<>();
    instruments.addAll(instruments(args, "spot", Venue.BINANCE_SPOT));
    instruments.addAll(instruments(args, "usdm", Venue.BINANCE_USDM));
    instruments.addAll(instruments(args, "upbit", Venue.UPBIT));
    if (instruments.isEmpty()) {
      throw new Args.UsageException(
          "at least one instrument is needed (--spot, --usdm or --upbit)");
    }
    b.instruments(instruments);
    args.option("account")
        .ifPresent(
            a -> {
              int colon = a.indexOf(':');
              if (colon <= 0 || colon == a.length() - 1) {
                throw new Args.UsageException("--account expects <apiKey>:<secretKey>");
              }
              b.accounts(
                  List.of(
                      new AccountSpec(
                          a.substring(0, colon),
                          a.substring(colon + 1),
                          AccountSpec.DEMO.balances())));
            });
    b.loadRate(args.intOption("load-rate", 0));
    b.loadInstruments(args.intOption("load-instruments", 100));
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new Args.UsageException(e.getMessage());
    }
  }

  /** The venue's instruments from {@code --spot BTCUSDT,DOGEUSDT:0.15:0.00001:1}. */
  static List<InstrumentSpec> instruments(Args args, String option, Venue venue) {
    List<InstrumentSpec> defaults =
        SimConfig.defaultInstruments().stream().filter(i -> i.venue() == venue).toList();
    String value = args.option(option).orElse(null);
    if (value == null) {
      return defaults;
    }
    List<InstrumentSpec> out = new ArrayList<>();
    if (value.trim().equalsIgnoreCase("none")) {
      return out;
    }
    for (String entry : value.split(",")) {
      String[] parts = entry.trim().split(":");
      String symbol = parts[0].toUpperCase(Locale.ROOT);
      try {
        if (parts.length == 1) {
          out.add(
              defaults.stream()
                  .filter(d -> d.symbol().equals(symbol))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          new Args.UsageException(
                              "--"
                                  + option
                                  + " "
                                  + symbol
                                  + ": no built-in defaults; give "
                                  + symbol
                                  + ":<price>:<tickSize>:<stepSize>")));
        } else if (parts.length == 4) {
          out.add(
              venue == Venue.UPBIT
                  ? InstrumentSpec.upbit(symbol, parts[1], parts[2], parts[3])
                  : InstrumentSpec.binance(venue, symbol, parts[1], parts[2], parts[3]));
        } else {
          throw new Args.UsageException(
              "--" + option + " " + entry + ": expected SYMBOL or SYMBOL:price:tickSize:stepSize");
        }
      } catch (IllegalArgumentException e) {
        throw new Args.UsageException("--" + option + " " + entry + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static double decimal(Args args, String name, double dflt) {
    return args.option(name)
        .map(
            v -> {
              try {
                return Double.parseDouble(v);
              } catch (NumberFormatException e) {
                throw new Args.UsageException("--" + name + " expects a number, got '" + v + "'");
              }
            })
        .orElse(dflt);
  }

  private static long longOption(Args args, String name, long dflt) {
    return args.option(name)
        .map(
            v -> {
              try {
                return Long.parseLong(v);
              } catch (NumberFormatException e) {
                throw new Args.UsageException("--" + name + " expects an integer, got '" + v + "'");
              }
            })
        .orElse(dflt);
  }

  static String banner(ExchangeSim sim, Path replay) {
    SimConfig c = sim.config();
    String ws = sim.wsBaseUrl();
    String http = sim.httpBaseUrl();
    Map<Venue, Long> counts =
        c.instruments().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    InstrumentSpec::venue,
                    java.util.TreeMap::new,
                    java.util.stream.Collectors.counting()));
    StringBuilder b = new StringBuilder();
    b.append("tickwire sim: listening on ")
        .append(c.host())
        .append(':')
        .append(sim.port())
        .append('\n');
    b.append("  Binance spot   ")
        .append(ws)
        .append("/ws/<stream>  ")
        .append(ws)
        .append("/stream?streams=..  ")
        .append(ws)
        .append("/ws-api/v3  ")
        .append(http)
        .append("/api/v3/...\n");
    b.append("  Binance USD-M  ")
        .append(ws)
        .append("/public|market|private/ws/<stream>  ")
        .append(http)
        .append("/fapi/...\n");
    b.append("  Upbit          ")
        .append(ws)
        .append("/websocket/v1  ")
        .append(ws)
        .append("/websocket/v1/private  ")
        .append(http)
        .append("/v1/...\n");
    b.append("  Admin          ")
        .append(http)
        .append("/admin/status  (faults: exchange-sim/README.md)\n");
    b.append(
        String.format(
            "  seed %d, time scale %sx, instruments %s, accounts %s%n",
            c.seed(),
            SimConfig.plain(c.timeScale()),
            counts,
            c.accounts().stream().map(AccountSpec::accountId).toList()));
    if (c.loadRate() > 0) {
      b.append("  load mode: ")
          .append(c.loadRate())
          .append(" msg/s per connection on load0000usdt@trade ... load")
          .append(String.format("%04d", c.loadInstruments() - 1))
          .append("usdt@aggTrade\n");
    }
    if (replay != null) {
      b.append("  replaying ").append(replay).append('\n');
    }
    b.append("Ctrl-C stops it.\n");
    return b.toString();
  }
}
