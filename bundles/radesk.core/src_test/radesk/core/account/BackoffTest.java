package radesk.core.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BackoffTest {

	private static final Instant LAST = Instant.parse("2026-12-06T02:00:00Z");

	private static Duration wait(int failures, int free) {
		return new Backoff(failures, LAST).slowedUntil(free).map(until -> Duration.between(LAST, until)).orElse(Duration.ZERO);
	}

	@Test
	void theFirstFailuresAreFreeThenEachDoublesTheWaitUpToTheCeiling() {
		assertEquals(Duration.ZERO, wait(1, Backoff.FREE_PER_ACCOUNT));
		assertEquals(Duration.ZERO, wait(2, Backoff.FREE_PER_ACCOUNT));
		assertEquals(Duration.ofSeconds(1), wait(3, Backoff.FREE_PER_ACCOUNT));
		assertEquals(Duration.ofSeconds(2), wait(4, Backoff.FREE_PER_ACCOUNT));
		assertEquals(Duration.ofSeconds(64), wait(9, Backoff.FREE_PER_ACCOUNT));
		assertEquals(Backoff.CEILING, wait(12, Backoff.FREE_PER_ACCOUNT));
		assertEquals(Backoff.CEILING, wait(5_000, Backoff.FREE_PER_ACCOUNT), "no overflow, never a lock-out");
		assertEquals(Duration.ZERO, wait(49, Backoff.FREE_PER_ADDRESS), "an address (an office behind one router) has more free tries");
		assertEquals(Duration.ofSeconds(1), wait(50, Backoff.FREE_PER_ADDRESS));
	}
}
