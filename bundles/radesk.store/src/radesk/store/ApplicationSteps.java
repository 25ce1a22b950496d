package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * How far a certificate application on a card got. Written before each step that touches the
 * card or the CA, and removed when the certificate is on the card, so the next attempt after a
 * crash or a pulled card resumes from here.
 */
public final class ApplicationSteps {

	public enum Step {
		STARTED, KEY_ON_CARD, ISSUED
	}

	public record Progress(String cardSerial, long subscriberId, String keyId, String certificateSerial, Step step) {
	}

	private ApplicationSteps() {
	}

	public static Optional<Progress> find(Connection c, String cardSerial) throws SQLException {
		return Rows.one(c, "select card_serial, subscriber_id, key_id, certificate_serial, step from application_step"
				+ " where card_serial = ?", rs -> new Progress(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Step.valueOf(rs.getString(5))), cardSerial);
	}

	public static void save(Connection c, Progress p, Instant at) throws SQLException {
		if (Rows.update(c, "update application_step set subscriber_id = ?, key_id = ?, certificate_serial = ?, step = ?,"
				+ " updated_at = ? where card_serial = ?", p.subscriberId(), p.keyId(), p.certificateSerial(), p.step(), at,
				p.cardSerial()) == 0) {
			Rows.update(c, "insert into application_step (card_serial, subscriber_id, key_id, certificate_serial, step,"
					+ " updated_at) values (?, ?, ?, ?, ?, ?)", p.cardSerial(), p.subscriberId(), p.keyId(), p.certificateSerial(),
					p.step(), at);
		}
	}

	public static void done(Connection c, String cardSerial) throws SQLException {
		Rows.update(c, "delete from application_step where card_serial = ?", cardSerial);
	}
}
