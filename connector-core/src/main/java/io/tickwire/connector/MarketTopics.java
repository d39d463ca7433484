package io.tickwire.connector;

import io.tickwire.model.Bbo;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Kline;
import io.tickwire.model.Liquidation;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.Ticker;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;

/** The {@code md.*} topic of each normalized market event type. */
public final class MarketTopics {

  private MarketTopics() {}

  @SuppressWarnings("unchecked")
  public static <E extends MarketEvent> Topic<String, E> of(E event) {
    Topic<String, ?> topic;
    if (event instanceof Trade) {
      topic = Topics.TRADES;
    } else if (event instanceof BookEvent) {
      topic = Topics.BOOK;
    } else if (event instanceof Ticker) {
      topic = Topics.TICKERS;
    } else if (event instanceof Bbo) {
      topic = Topics.BBO;
    } else if (event instanceof Kline) {
      topic = Topics.KLINES;
    } else if (event instanceof MarkPrice) {
      topic = Topics.MARK_PRICES;
    } else if (event instanceof Liquidation) {
      topic = Topics.LIQUIDATIONS;
    } else {
      throw new IllegalArgumentException("no md topic for " + event.getClass().getSimpleName());
    }
    return (Topic<String, E>) topic;
  }
}
