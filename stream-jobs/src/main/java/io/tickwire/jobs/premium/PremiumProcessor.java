package io.tickwire.jobs.premium;

import static io.tickwire.jobs.Decimals.plain;

import io.micrometer.core.instrument.Counter;
import io.tickwire.jobs.RejectedRecordException;
import io.tickwire.jobs.StoreContents;
import io.tickwire.model.Instrument;
import io.tickwire.model.Premium;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest quote of each role per base asset (and the USDT-KRW rate) and, on each tick,
 * publishes the premium of every asset whose three quotes are usable (a valid book no older than
 * the age limit) and whose mids changed since its last publication.
 */
final class PremiumProcessor implements Processor<String, Quote, String, Premium> {

  private static final String FX_KEY = "FX";
  private static final BigDecimal BPS = BigDecimal.valueOf(10_000);

  private final PremiumConfig config;
  private final Counter publishedCount;
  private final Map<String, Quote> quotes = new HashMap<>();
  private final Map<String, String> published = new HashMap<>();
  private ProcessorContext<String, Premium> context;
  private KeyValueStore<String, Quote> quoteStore;
  private KeyValueStore<String, String> publishedStore;

  PremiumProcessor(PremiumConfig config, Counter publishedCount) {
    this.config = config;
    this.publishedCount = publishedCount;
  }

  @Override
  public void init(ProcessorContext<String, Premium> context) {
    this.context = context;
    this.quoteStore = context.getStateStore(PremiumJob.QUOTES_STORE);
    this.publishedStore = context.getStateStore(PremiumJob.PUBLISHED_STORE);
    quotes.clear();
    published.clear();
    StoreContents.forEach(quoteStore, quotes::put);
    StoreContents.forEach(publishedStore, published::put);
    context.schedule(config.cadence(), PunctuationType.WALL_CLOCK_TIME, this::publish);
  }

  @Override
  public void process(Record<String, Quote> record) {
    Quote quote = record.value();
    if (quote == null) {
      return;
    }
    if (quote.mid() != null) {
      try {
        if (new BigDecimal(quote.mid()).signum() <= 0) {
          throw new RejectedRecordException("book top " + quote.symbol() + " has a mid <= 0");
        }
      } catch (NumberFormatException e) {
        throw new RejectedRecordException(
            "book top " + quote.symbol() + " has a mid that is not decimal: " + quote.mid());
      }
    }
    String key = key(quote.role(), quote.base());
    quotes.put(key, quote);
    quoteStore.put(key, quote);
  }

  private static String key(Quote.Role role, String base) {
    return role == Quote.Role.FX ? FX_KEY : role + ":" + base;
  }

  private void publish(long now) {
    long maxAge = config.maxAge().toMillis();
    Quote fx = quotes.get(FX_KEY);
    if (fx == null || !fx.usable(now, maxAge)) {
      return;
    }
    for (Map.Entry<String, Quote> entry : quotes.entrySet()) {
      Quote local = entry.getValue();
      if (local.role() != Quote.Role.LOCAL || !local.usable(now, maxAge)) {
        continue;
      }
      Quote reference = quotes.get(key(Quote.Role.REFERENCE, local.base()));
      if (reference == null || !reference.usable(now, maxAge)) {
        continue;
      }
      String inputs = local.mid() + '/' + reference.mid() + '/' + fx.mid();
      if (inputs.equals(published.get(local.base()))) {
        continue;
      }
      context.forward(
          new Record<>(
              Instrument.key(local.venue(), local.symbol()),
              premium(local, reference, fx, now),
              now));
      published.put(local.base(), inputs);
      publishedStore.put(local.base(), inputs);
      publishedCount.increment();
    }
  }

  /** mid / (referenceMid x fxMid) - 1, in basis points rounded to 0.01. */
  static Premium premium(Quote local, Quote reference, Quote fx, long now) {
    BigDecimal mid = new BigDecimal(local.mid());
    BigDecimal implied = new BigDecimal(reference.mid()).multiply(new BigDecimal(fx.mid()));
    BigDecimal bps = mid.subtract(implied).multiply(BPS).divide(implied, 2, RoundingMode.HALF_EVEN);
    return new Premium(
        local.venue(),
        local.symbol(),
        local.nativeSymbol(),
        local.base(),
        plain(bps),
        local.mid(),
        reference.venue(),
        reference.symbol(),
        reference.mid(),
        fx.symbol(),
        fx.mid(),
        plain(implied),
        local.sourceTime(),
        reference.sourceTime(),
        fx.sourceTime(),
        now);
  }
}
