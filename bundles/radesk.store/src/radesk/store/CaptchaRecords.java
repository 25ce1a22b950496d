package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Captchas inside a transaction: an id and the hash of its answer, used up by the first attempt. */
public final class CaptchaRecords {

	private CaptchaRecords() {
	}

	public static void insert(Connection c, String id, String answerHash, String clientAddress, Instant expiresAt)
			throws SQLException {
		Rows.update(c, "insert into captcha (id, answer_hash, client_address, expires_at) values (?, ?, ?, ?)", id, answerHash,
				clientAddress, expiresAt);
	}

	/** Whether the answer is right and in time; the captcha is used up either way. */
	public static boolean solve(Connection c, String id, String answerHash, Instant now) throws SQLException {
		boolean solved = Rows.update(c, "delete from captcha where id = ? and answer_hash = ? and expires_at > ?", id, answerHash,
				now) == 1;
		if (!solved) {
			Rows.update(c, "delete from captcha where id = ?", id);
		}
		return solved;
	}

	public static int sweep(Connection c, Instant now) throws SQLException {
		return Rows.update(c, "delete from captcha where expires_at <= ?", now);
	}

	/** The captchas from {@code clientAddress} still open. */
	public static int fromAddress(Connection c, String clientAddress, Instant now) throws SQLException {
		return Rows.one(c, "select count(*) from captcha where client_address = ? and expires_at > ?", rs -> rs.getInt(1),
				clientAddress, now).orElse(0);
	}
}
