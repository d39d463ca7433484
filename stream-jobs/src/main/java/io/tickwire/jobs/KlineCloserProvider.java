package io.tickwire.jobs;

/** {@code tickwire run --target} for one stream job; see {@link Job#KLINE_CLOSER}. */
public final class KlineCloserProvider extends JobsProvider {

  public KlineCloserProvider() {
    super(Job.KLINE_CLOSER);
  }
}
