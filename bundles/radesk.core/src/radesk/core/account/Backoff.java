package radesk.core.account;

import java.time.Duration;
import java.time.Instant;

/**
 * Staff sign-in failures slow the next attempt instead of suspending the account (security review
 * H5): nobody on the network can lock staff out. Per account at one client address, the first
 * {@value #FREE_PER_ACCOUNT} failures are free, then each doubles the wait from one second up to
 * {@link #CEILING}; per client address (whatever account it tries), {@value #FREE_PER_ADDRESS}
 * are free. A right password clears the account's count at that address. The person at their own
 * workstation is not slowed by an attacker elsewhere.
 */
public record Backoff(int failures, Instant lastFailure) {

	public static final int FREE_PER_ACCOUNT = 3;
	public static final int FREE_PER_ADDRESS = 50;
	public static final Duration CEILING = Duration.ofMinutes(5);
	/** Failures older than this are forgotten. */
	public static final Duration MEMORY = Duration.ofMinutes(30);

	/**
	 * Until when the next attempt waits, unchecked; empty while fewer than {@code free} failures
	 * were counted (whatever the time of the last one, so a clock running late never holds anyone).
	 */
	public java.util.Optional<Instant> slowedUntil(int free) {
		if (failures < free) {
			return java.util.Optional.empty();
		}
		int doublings = Math.min(failures - free, 20);
		Duration wait = Duration.ofSeconds(1L << doublings);
		return java.util.Optional.of(lastFailure.plus(wait.compareTo(CEILING) > 0 ? CEILING : wait));
	}
}
