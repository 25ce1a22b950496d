package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Subscribers inside a transaction. */
public final class Subscribers {

	private static final String COLUMNS = "id, account, national_id, name, email, ra_unit, pseudonym, password_hash,"
			+ " password_strikes, suspended, request_id, row_version";

	private Subscribers() {
	}

	public static long insert(Connection c, RequestRow request, String account, String pseudonym, String passwordHash,
			Instant at) throws SQLException {
		return Rows.insert(c, "insert into subscriber (account, national_id, name, email, ra_unit, pseudonym, password_hash,"
				+ " request_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", account, request.nationalId(),
				request.applicantName(), request.email(), request.raUnit(), pseudonym, passwordHash, request.id(), at);
	}

	private static Optional<SubscriberRow> where(Connection c, String condition, Object value) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from subscriber where " + condition, rs -> new SubscriberRow(rs.getLong(1),
				rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
				rs.getString(8), rs.getInt(9), rs.getBoolean(10), rs.getLong(11), rs.getInt(12)), value);
	}

	public static Optional<SubscriberRow> find(Connection c, long id) throws SQLException {
		return where(c, "id = ?", id);
	}

	public static Optional<SubscriberRow> byAccount(Connection c, String account) throws SQLException {
		return where(c, "account = ?", account);
	}

	public static Optional<SubscriberRow> byNationalId(Connection c, String nationalId) throws SQLException {
		return where(c, "national_id = ?", nationalId);
	}

	public static void passwordOutcome(Connection c, SubscriberRow row, int strikes, boolean suspended) throws SQLException {
		Rows.updateVersioned(c, "subscriber " + row.id(), "update subscriber set password_strikes = ?, suspended = ?,"
				+ " row_version = row_version + 1 where id = ? and row_version = ?", strikes, suspended, row.id(), row.version());
	}

	public static void newPassword(Connection c, SubscriberRow row, String hash) throws SQLException {
		Rows.updateVersioned(c, "subscriber " + row.id(), "update subscriber set password_hash = ?, password_strikes = 0,"
				+ " suspended = false, row_version = row_version + 1 where id = ? and row_version = ?", hash, row.id(), row.version());
	}
}
