package io.tickwire.jobs;

/** {@code tickwire run --target} for one stream job; see {@link Job#PREMIUM}. */
public final class PremiumProvider extends JobsProvider {

  public PremiumProvider() {
    super(Job.PREMIUM);
  }
}
