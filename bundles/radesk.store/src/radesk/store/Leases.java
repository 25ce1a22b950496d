package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Job leases inside a transaction (table {@code job_lease}): one runner at a time among the RA's servers. */
public final class Leases {

	/** What asking for a lease came to. */
	public enum Outcome {
		/** Held by this runner already: renewed. */
		RENEWED,
		/** Free, or its holder let it lapse (gone, or killed): taken now; what it left half-done is ours to tidy. */
		TAKEN,
		/** Another runner holds it. */
		HELD_ELSEWHERE
	}

	private Leases() {
	}

	public static Outcome take(Connection c, String name, String holder, Instant now, Instant until) throws SQLException {
		if (Rows.update(c, "update job_lease set expires_at = ? where name = ? and holder = ? and expires_at > ?", until, name, holder,
				now) == 1) {
			return Outcome.RENEWED;
		}
		if (Rows.update(c, "update job_lease set holder = ?, expires_at = ? where name = ? and expires_at <= ?", holder, until, name,
				now) == 1) {
			return Outcome.TAKEN;
		}
		// two runners finding no lease at once: one insert wins, the other's does nothing (a failed
		// insert would end PostgreSQL's transaction, not only the statement)
		return Rows.update(c, "insert into job_lease (name, holder, expires_at) values (?, ?, ?) on conflict do nothing", name, holder,
				until) == 1 ? Outcome.TAKEN : Outcome.HELD_ELSEWHERE;
	}

	/** Lets the lease go (a clean stop): the next runner need not wait for it to lapse. */
	public static void release(Connection c, String name, String holder) throws SQLException {
		Rows.update(c, "delete from job_lease where name = ? and holder = ?", name, holder);
	}
}
