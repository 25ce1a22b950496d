package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import radesk.core.card.CardState;

/** Cards inside a transaction. */
public final class Cards {

	private static final String COLUMNS = "serial, state, subscriber_id, so_pin_sealed, pin_strikes, row_version, auth_key";

	private Cards() {
	}

	public static void insert(Connection c, String serial, long subscriberId, byte[] soPinSealed, String by, Instant at)
			throws SQLException {
		Rows.update(c, "insert into card (serial, state, subscriber_id, so_pin_sealed, personalized_by, personalized_at)"
				+ " values (?, ?, ?, ?, ?, ?)", serial, CardState.BLANK, subscriberId, soPinSealed, by, at);
	}

	private static Rows.Mapper<CardRow> mapper() {
		return rs -> new CardRow(rs.getString(1), CardState.valueOf(rs.getString(2)), (Long) rs.getObject(3, Long.class),
				rs.getBytes(4), rs.getInt(5), rs.getInt(6), rs.getBytes(7));
	}

	public static Optional<CardRow> find(Connection c, String serial) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from card where serial = ?", mapper(), serial);
	}

	public static List<CardRow> ofSubscriber(Connection c, long subscriberId) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from card where subscriber_id = ? order by serial", mapper(), subscriberId);
	}

	public static void move(Connection c, CardRow row, CardState to) throws SQLException {
		Rows.updateVersioned(c, "card " + row.serial(), "update card set state = ?, row_version = row_version + 1"
				+ " where serial = ? and row_version = ?", to, row.serial(), row.version());
	}

	/** The card's authentication key recorded (personalization, or an older card's counter visit). */
	public static void authenticationKey(Connection c, CardRow row, byte[] publicKey) throws SQLException {
		Rows.updateVersioned(c, "card " + row.serial(), "update card set auth_key = ?, row_version = row_version + 1"
				+ " where serial = ? and row_version = ?", publicKey, row.serial(), row.version());
	}

	/**
	 * Claims the card for the rest of the transaction: a second transaction that claims it too
	 * fails on commit (CONCURRENT_CHANGE) instead of acting on what the first is changing.
	 */
	public static void claim(Connection c, CardRow row) throws SQLException {
		Rows.updateVersioned(c, "card " + row.serial(), "update card set row_version = row_version + 1"
				+ " where serial = ? and row_version = ?", row.serial(), row.version());
	}

	public static void strikes(Connection c, CardRow row, int strikes, CardState state) throws SQLException {
		Rows.updateVersioned(c, "card " + row.serial(), "update card set pin_strikes = ?, state = ?, row_version = row_version + 1"
				+ " where serial = ? and row_version = ?", strikes, state, row.serial(), row.version());
	}
}
