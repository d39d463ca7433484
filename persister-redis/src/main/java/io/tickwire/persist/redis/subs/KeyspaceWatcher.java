package io.tickwire.persist.redis.subs;

import io.tickwire.kit.Backoff;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Learns of changes to {@code *-subs} keys from Redis keyspace notifications ({@code
 * __keyspace@<db>__:<key>}), on its own connection and thread. Notifications are fire-and-forget
 * (none arrive while disconnected), so the bridge still rescans all keys now and then; this only
 * makes changes take effect at once. Whether notifications are on is checked (and, when allowed,
 * turned on) at every (re)connect: a restarted Redis forgets a {@code CONFIG SET}.
 */
final class KeyspaceWatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KeyspaceWatcher.class);

  /** Keyspace events ({@code K}) of string commands ({@code $}), DEL/RENAME ({@code g}), expiry. */
  static final String NEEDED = "K$gx";

  private final RedisClient redis;
  private final int database;
  private final boolean mayEnable;
  private final Consumer<String> changed;
  private final Runnable subscribed;
  private final Thread thread;
  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
  private volatile boolean running = true;
  private volatile boolean active;
  private volatile JedisPubSub pubSub;

  /**
   * @param changed called with the name of each changed key
   * @param subscribed called after each (re)subscription: changes in between were missed
   */
  KeyspaceWatcher(
      RedisClient redis,
      int database,
      boolean mayEnable,
      Consumer<String> changed,
      Runnable subscribed) {
    this.redis = redis;
    this.database = database;
    this.mayEnable = mayEnable;
    this.changed = changed;
    this.subscribed = subscribed;
    this.thread = new Thread(this::run, "redis-subs-notifications");
    thread.setDaemon(true);
  }

  /**
   * Whether the server sends the notifications needed, turning them on first when allowed.
   *
   * @throws JedisException when Redis cannot be reached
   */
  static boolean notificationsOn(RedisClient redis, boolean mayEnable) {
    String flags = flags(redis);
    if (sufficient(flags)) {
      return true;
    }
    if (!mayEnable) {
      return false;
    }
    try {
      redis.configSet("notify-keyspace-events", merged(flags));
      log.info("turned on Redis keyspace notifications ({}) to watch *-subs keys", merged(flags));
      return true;
    } catch (JedisDataException refused) {
      log.info(
          "cannot turn on Redis keyspace notifications ({}); polling *-subs keys instead",
          refused.getMessage());
      return false;
    }
  }

  static boolean sufficient(String flags) {
    boolean keyspace = flags.indexOf('K') >= 0;
    boolean all = flags.indexOf('A') >= 0;
    return keyspace && (all || flags.indexOf('$') >= 0 && flags.indexOf('g') >= 0);
  }

  static String merged(String flags) {
    StringBuilder merged = new StringBuilder(flags);
    for (char c : NEEDED.toCharArray()) {
      if (merged.indexOf(String.valueOf(c)) < 0) {
        merged.append(c);
      }
    }
    return merged.toString();
  }

  private static String flags(RedisClient redis) {
    Object reply =
        redis.executeCommand(
            new CommandArguments(Protocol.Command.CONFIG).add("GET").add("notify-keyspace-events"));
    if (reply instanceof List<?> list && list.size() >= 2 && list.get(1) instanceof byte[] value) {
      return SafeEncoder.encode(value);
    }
    return "";
  }

  void start() {
    thread.start();
  }

  /** True while subscribed with notifications on: the bridge may then rescan rarely. */
  boolean active() {
    return active;
  }

  private void run() {
    String prefix = "__keyspace@" + database + "__:";
    while (running) {
      try {
        if (!notificationsOn(redis, mayEnable)) {
          active = false;
          sleep(Duration.ofSeconds(30)); // an operator may turn them on later
          continue;
        }
        JedisPubSub listener =
            new JedisPubSub() {
              @Override
              public void onPSubscribe(String pattern, int subscribedChannels) {
                active = true;
                backoff.reset();
                subscribed.run();
              }

              @Override
              public void onPMessage(String pattern, String channel, String message) {
                changed.accept(channel.substring(prefix.length()));
              }
            };
        pubSub = listener;
        redis.psubscribe(listener, prefix + "*" + SubsKey.SUFFIX);
      } catch (JedisException e) {
        if (running) {
          log.debug("keyspace notifications interrupted: {}", e.toString());
        }
      } finally {
        active = false;
      }
      if (running) {
        sleep(backoff.next());
      }
    }
  }

  private void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    JedisPubSub listener = pubSub;
    if (listener != null && listener.isSubscribed()) {
      try {
        listener.punsubscribe();
      } catch (JedisException ignored) {
        // the connection is gone already
      }
    }
    thread.interrupt();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
