package io.tickwire.jobs;

/** {@code tickwire run --target} for one stream job; see {@link Job#BOOK_AGGREGATOR}. */
public final class BookAggregatorProvider extends JobsProvider {

  public BookAggregatorProvider() {
    super(Job.BOOK_AGGREGATOR);
  }
}
