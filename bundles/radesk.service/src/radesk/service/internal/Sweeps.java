package radesk.service.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import radesk.store.Database;

/**
 * Expired captchas, sessions and card challenges deleted now and then (each kind at most every
 * {@value #EVERY_SECONDS} s in this process), in a transaction of their own and never in a
 * request's: two servers sweeping the same expired rows inside their requests' transactions
 * deadlocked each other on PostgreSQL (found by the P8 load), and a request must not fail for a
 * clean-up. A sweep that loses such a race is simply left to the next one; the hourly purge job
 * sweeps too. Counts and checks ignore expired rows, so nothing depends on a sweep having run.
 */
final class Sweeps {

	private static final long EVERY_SECONDS = 15;
	private static final System.Logger LOG = System.getLogger(Sweeps.class.getName());

	@FunctionalInterface
	interface Sweep {
		int run(Connection c) throws SQLException;
	}

	private final Map<String, AtomicLong> last = new ConcurrentHashMap<>();

	/** Sweeps {@code what} if its time has come and no other thread of this process is at it. */
	void due(Database db, String what, Sweep sweep) {
		AtomicLong at = last.computeIfAbsent(what, k -> new AtomicLong(System.nanoTime() - EVERY_SECONDS * 1_000_000_000L - 1));
		long before = at.get();
		long now = System.nanoTime();
		if (now - before <= EVERY_SECONDS * 1_000_000_000L || !at.compareAndSet(before, now)) {
			return;
		}
		try {
			db.inTransaction((Connection c) -> sweep.run(c));
		} catch (RuntimeException e) {
			LOG.log(System.Logger.Level.DEBUG, "sweeping " + what + " is left to the next time: " + e.getMessage());
		}
	}
}
