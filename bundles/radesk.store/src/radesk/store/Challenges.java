package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Challenges for a card to sign, inside a transaction: rows, so every server of one RA shares them. */
public final class Challenges {

	private Challenges() {
	}

	public static void insert(Connection c, String challenge, Instant expiresAt) throws SQLException {
		Rows.update(c, "insert into card_challenge (challenge, expires_at) values (?, ?)", challenge, expiresAt);
	}

	/**
	 * Uses the challenge up, whatever comes next, and says whether it was open and unexpired: of two
	 * attempts racing with the same challenge, exactly one deletes the row.
	 */
	public static boolean useUp(Connection c, String challenge, Instant now) throws SQLException {
		boolean fresh = Rows.update(c, "delete from card_challenge where challenge = ? and expires_at > ?", challenge, now) == 1;
		if (!fresh) {
			Rows.update(c, "delete from card_challenge where challenge = ?", challenge);
		}
		return fresh;
	}

	/** Removes the expired ones; how many there were. */
	public static int sweep(Connection c, Instant now) throws SQLException {
		return Rows.update(c, "delete from card_challenge where expires_at <= ?", now);
	}
}
