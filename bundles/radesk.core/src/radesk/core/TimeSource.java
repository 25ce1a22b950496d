package radesk.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The RA's one clock. In use it is the system's (UTC). A test run started with
 * {@code -Dradesk.test.clock=movable} may move it forward with {@link #advance} (session expiry,
 * renewal windows, challenge lifetimes) instead of sleeping, and put it back with {@link #reset};
 * without that property the clock cannot be moved at all.
 */
public final class TimeSource {

	private static final boolean MOVABLE = "movable".equals(System.getProperty("radesk.test.clock"));
	private static volatile Duration offset = Duration.ZERO;

	private TimeSource() {
	}

	/** Whether this is a test run (radesk.test.clock=movable): what only tests may do checks this too. */
	public static boolean testRun() {
		return MOVABLE;
	}

	public static Clock clock() {
		return MOVABLE ? new Moved(ZoneOffset.UTC) : Clock.systemUTC();
	}

	/** Moves the RA's time forward by {@code by} (tests only). */
	public static void advance(Duration by) {
		if (!MOVABLE) {
			throw new IllegalStateException("the RA's clock moves only in a test run (radesk.test.clock=movable)");
		}
		offset = offset.plus(by);
	}

	/** Back to the system's time (tests only). */
	public static void reset() {
		offset = Duration.ZERO;
	}

	private static final class Moved extends Clock {
		private final ZoneId zone;

		Moved(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return new Moved(other);
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(offset);
		}
	}
}
