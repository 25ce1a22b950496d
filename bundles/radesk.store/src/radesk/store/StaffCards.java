package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import radesk.core.revocation.RevocationReason;

/** Staff cards inside a transaction (table {@code staff_card}, migration V13). */
public final class StaffCards {

	/** A staff card: recorded, then personalized and certified, then active, until revoked. */
	public enum State {
		PERSONALIZING, ACTIVE, REVOKED
	}

	/** One staff card; {@code certificate} (DER) and its serial once the CA certified the card's key. */
	public record Row(String serial, String account, State state, byte[] soPinSealed, byte[] authKey, byte[] certificate,
			String certificateSerial, Instant notAfter, String issuedBy, Instant createdAt, int version) {
	}

	private static final String COLUMNS = "serial, account, state, so_pin_sealed, auth_key, certificate, certificate_serial,"
			+ " not_after, issued_by, created_at, row_version";

	private StaffCards() {
	}

	private static Rows.Mapper<Row> mapper() {
		return rs -> new Row(rs.getString(1), rs.getString(2), State.valueOf(rs.getString(3)), rs.getBytes(4), rs.getBytes(5),
				rs.getBytes(6), rs.getString(7), Rows.instant(rs, "not_after"), rs.getString(9), Rows.instant(rs, "created_at"),
				rs.getInt(11));
	}

	/**
	 * Locks the person's staff row for this transaction: issuing and activating their cards queue
	 * behind each other, so two racing issuances never leave two active cards.
	 */
	public static void lockHolder(Connection c, String account) throws SQLException {
		Rows.one(c, "select account from staff where account = ? for update", rs -> rs.getString(1), account);
	}

	public static void insert(Connection c, String serial, String account, byte[] soPinSealed, String issuedBy, Instant at)
			throws SQLException {
		Rows.update(c, "insert into staff_card (serial, account, state, so_pin_sealed, issued_by, created_at)"
				+ " values (?, ?, 'PERSONALIZING', ?, ?, ?)", serial, account, soPinSealed, issuedBy, at);
	}

	public static Optional<Row> find(Connection c, String serial) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from staff_card where serial = ?", mapper(), serial);
	}

	/** The account's cards, newest first. */
	public static List<Row> ofAccount(Connection c, String account) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from staff_card where account = ? order by created_at desc, serial", mapper(),
				account);
	}

	/** Every active card (the staff list shows each person's). */
	public static List<Row> active(Connection c) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from staff_card where state = 'ACTIVE'", mapper());
	}

	/** The card's authentication key and the certificate the CA issued for it. */
	public static void certified(Connection c, Row row, byte[] authKey, byte[] certificate, String certificateSerial,
			Instant notAfter) throws SQLException {
		Rows.updateVersioned(c, "staff card " + row.serial(), "update staff_card set auth_key = ?, certificate = ?,"
				+ " certificate_serial = ?, not_after = ?, row_version = row_version + 1 where serial = ? and row_version = ?",
				authKey, certificate, certificateSerial, notAfter, row.serial(), row.version());
	}

	public static void activate(Connection c, Row row) throws SQLException {
		Rows.updateVersioned(c, "staff card " + row.serial(), "update staff_card set state = 'ACTIVE', row_version = row_version + 1"
				+ " where serial = ? and row_version = ? and state = 'PERSONALIZING'", row.serial(), row.version());
	}

	public static void revoke(Connection c, Row row, RevocationReason reason, Instant at) throws SQLException {
		Rows.updateVersioned(c, "staff card " + row.serial(), "update staff_card set state = 'REVOKED', revoked_at = ?,"
				+ " revocation_reason = ?, row_version = row_version + 1 where serial = ? and row_version = ?", at, reason,
				row.serial(), row.version());
		Revocations.changed(c);
	}

	/** One sign-in without the staff card until {@code until} (null: none), set by the host's recovery command. */
	public static void waiver(Connection c, String account, Instant until) throws SQLException {
		Rows.update(c, "update staff set card_waiver_until = ? where account = ?", until, account);
	}

	/** Uses the account's waiver up if it is open at {@code now}: of two racing sign-ins, one gets it. */
	public static boolean useWaiver(Connection c, String account, Instant now) throws SQLException {
		return Rows.update(c, "update staff set card_waiver_until = null where account = ? and card_waiver_until > ?", account,
				now) == 1;
	}

	/** Whether the account has a waiver open at {@code now} (read only: no hash is spent on an account without). */
	public static boolean hasWaiver(Connection c, String account, Instant now) throws SQLException {
		return Rows.one(c, "select 1 from staff where account = ? and card_waiver_until > ?", rs -> true, account, now).isPresent();
	}
}
