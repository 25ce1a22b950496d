package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** A subscriber's e-mail address and its state: confirmed, undeliverable; the pending confirmation code. */
public final class Mailboxes {

	public record Mailbox(long subscriberId, String email, String language, Instant verifiedAt, String undeliverable) {

		/** Whether notices may go to it (and it may be written into a certificate). */
		public boolean usable() {
			return verifiedAt != null && undeliverable == null;
		}
	}

	public record Pending(long subscriberId, String email, String codeHash, Instant expiresAt, int attempts) {
	}

	private Mailboxes() {
	}

	public static Optional<Mailbox> of(Connection c, long subscriberId) throws SQLException {
		return Rows.one(c, "select id, email, language, email_verified_at, email_undeliverable from subscriber where id = ?",
				rs -> new Mailbox(rs.getLong(1), rs.getString(2), rs.getString(3), Rows.instant(rs, "email_verified_at"), rs.getString(5)),
				subscriberId);
	}

	public static void language(Connection c, long subscriberId, String language) throws SQLException {
		Rows.update(c, "update subscriber set language = ? where id = ?", language, subscriberId);
	}

	/** A new code for the address (in place of any earlier one). */
	public static void pending(Connection c, long subscriberId, String email, String codeHash, Instant expiresAt) throws SQLException {
		Rows.update(c, "delete from email_verification where subscriber_id = ?", subscriberId);
		Rows.update(c, "insert into email_verification (subscriber_id, email, code_hash, expires_at) values (?, ?, ?, ?)", subscriberId,
				email, codeHash, expiresAt);
	}

	public static Optional<Pending> pending(Connection c, long subscriberId) throws SQLException {
		return Rows.one(c, "select subscriber_id, email, code_hash, expires_at, attempts from email_verification where subscriber_id = ?",
				rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), Rows.instant(rs, "expires_at"), rs.getInt(5)),
				subscriberId);
	}

	public static void attempted(Connection c, long subscriberId) throws SQLException {
		Rows.update(c, "update email_verification set attempts = attempts + 1 where subscriber_id = ?", subscriberId);
	}

	/** The address confirmed: the code is gone, a bounce forgotten. */
	public static void verified(Connection c, long subscriberId, String email, Instant at) throws SQLException {
		Rows.update(c, "delete from email_verification where subscriber_id = ?", subscriberId);
		Rows.update(c, "update subscriber set email = ?, email_verified_at = ?, email_undeliverable = null where id = ?", email, at,
				subscriberId);
	}

	/** A hard bounce: no more notices to it until it is confirmed again. */
	public static void undeliverable(Connection c, long subscriberId, String why) throws SQLException {
		Rows.update(c, "update subscriber set email_undeliverable = ? where id = ?",
				why.length() > 300 ? why.substring(0, 300) : why, subscriberId);
	}
}
