package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Sign-in failures by scope ("account@address", "address"), inside a transaction. */
public final class Backoffs {

	/** Failures so far and when the last one was. */
	public record Failures(int count, Instant last) {
	}

	private Backoffs() {
	}

	public static Optional<Failures> of(Connection c, String scope) throws SQLException {
		return Rows.one(c, "select failures, last_failure from sign_in_backoff where scope = ?",
				rs -> new Failures(rs.getInt(1), Rows.instant(rs, "last_failure")), scope);
	}

	/**
	 * One more failure (an atomic increment: racing failures each count); failures older than
	 * {@code forgetBefore} are forgotten, so a count does not grow over months of honest typos.
	 */
	public static void failed(Connection c, String scope, Instant at, Instant forgetBefore) throws SQLException {
		if (Rows.update(c, "update sign_in_backoff set failures = case when last_failure < ? then 1 else failures + 1 end,"
				+ " last_failure = ? where scope = ?", forgetBefore, at, scope) == 0) {
			Rows.update(c, "insert into sign_in_backoff (scope, failures, last_failure) values (?, 1, ?)", scope, at);
		}
	}

	public static void cleared(Connection c, String scope) throws SQLException {
		Rows.update(c, "delete from sign_in_backoff where scope = ?", scope);
	}

	/** Every address's count for the account (its recovery on the server's host). */
	public static void clearedAccount(Connection c, String account) throws SQLException {
		Rows.update(c, "delete from sign_in_backoff where scope like ? escape '!'",
				"account:" + account.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "@%");
	}
}
