package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import radesk.core.access.Actor;
import radesk.core.access.Role;

/** Sessions inside a transaction, found by the SHA-256 of their token (the token itself is never stored). */
public final class SessionRecords {

	/** A session as found: who, and since when it was last used. */
	public record Row(Actor actor, Instant lastUse, Instant endsAt) {
	}

	private SessionRecords() {
	}

	public static void insert(Connection c, String tokenHash, String kind, Actor actor, String clientAddress, String certificate,
			Instant now, Instant endsAt) throws SQLException {
		Rows.update(c, "insert into session (token_hash, kind, account, role, workstation, client_address, certificate, created_at,"
				+ " last_use, ends_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tokenHash, kind, actor.account(), actor.role(),
				actor.workstation(), clientAddress, certificate, now, now, endsAt);
	}

	public static Optional<Row> find(Connection c, String tokenHash, String kind) throws SQLException {
		return Rows.one(c, "select account, role, workstation, last_use, ends_at from session where token_hash = ? and kind = ?",
				rs -> new Row(new Actor(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)), Rows.instant(rs, "last_use"),
						Rows.instant(rs, "ends_at")), tokenHash, kind);
	}

	/** Marks a use; false when the session is gone meanwhile (ended by a log-out that won the race). */
	public static boolean touch(Connection c, String tokenHash, Instant now) throws SQLException {
		return Rows.update(c, "update session set last_use = ? where token_hash = ?", now, tokenHash) == 1;
	}

	public static boolean delete(Connection c, String tokenHash) throws SQLException {
		return Rows.update(c, "delete from session where token_hash = ?", tokenHash) == 1;
	}

	/** Ends every session of a person of that kind but {@code keep} (null: every one); how many. */
	public static int endAll(Connection c, String kind, String account, String keep) throws SQLException {
		return keep == null ? Rows.update(c, "delete from session where kind = ? and account = ?", kind, account)
				: Rows.update(c, "delete from session where kind = ? and account = ? and token_hash <> ?", kind, account, keep);
	}

	/** Ends the card sessions opened with this certificate (its 憑證識別碼). */
	public static int endForCertificate(Connection c, String identifier) throws SQLException {
		return Rows.update(c, "delete from session where certificate = ?", identifier);
	}

	/** Removes the sessions idle since {@code idleBefore} or past their end. */
	public static int sweep(Connection c, Instant idleBefore, Instant now) throws SQLException {
		return Rows.update(c, "delete from session where last_use < ? or ends_at <= ?", idleBefore, now);
	}

	/** The sessions from {@code clientAddress} still in force: used within the idle time, not ended. */
	public static int fromAddress(Connection c, String clientAddress, Instant idleBefore, Instant now) throws SQLException {
		return Rows.one(c, "select count(*) from session where client_address = ? and last_use >= ? and ends_at > ?",
				rs -> rs.getInt(1), clientAddress, idleBefore, now).orElse(0);
	}

	/** Ends the oldest sessions of a person beyond {@code keep} of them (a new log-in pushes the oldest out). */
	public static void keepNewest(Connection c, String kind, String account, int keep) throws SQLException {
		Rows.update(c, "delete from session where token_hash in (select token_hash from session where kind = ? and account = ?"
				+ " order by created_at desc offset ? rows)", kind, account, keep);
	}
}
