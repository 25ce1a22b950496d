package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outbox of 憑證展期通知 inside a transaction (table {@code notice}, migration V15). */
public final class Notices {

	/** A notice's way: see V15__notices.sql. */
	public enum State {
		QUEUED, SENDING, IN_DOUBT, SENT, FAILED, BOUNCED, CANCELLED
	}

	public record Row(long id, String certificateSerial, int stage, long subscriberId, String recipient, String language,
			State state, String messageId, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
			Instant sentAt, int sends) {
	}

	/**
	 * A certificate on its card ending within the horizon, not renewed, with its subscriber's
	 * address and what is known of it.
	 */
	public record Due(String certificateSerial, String identifier, Instant notAfter, long subscriberId, String name,
			String email, String language, boolean verified, String undeliverable) {
	}

	private static final String COLUMNS = "id, certificate_serial, stage, subscriber_id, recipient, language, state, message_id,"
			+ " attempts, next_attempt_at, last_error, created_at, sent_at, sends";

	/**
	 * No newer certificate on the same card than {@code c}'s (a renewal issued stops the notices, and
	 * takes the certificate off the counter's due list); a certificate with no card has none.
	 */
	static final String NOT_RENEWED = " and (c.card_serial is null or not exists (select 1 from certificate r"
			+ " where r.card_serial = c.card_serial and r.not_before > c.not_before and r.state <> 'REVOKED'))";

	private Notices() {
	}

	private static Rows.Mapper<Row> mapper() {
		return rs -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6),
				State.valueOf(rs.getString(7)), rs.getString(8), rs.getInt(9), Rows.instant(rs, "next_attempt_at"), rs.getString(11),
				Rows.instant(rs, "created_at"), Rows.instant(rs, "sent_at"), rs.getInt(14));
	}

	/**
	 * Certificates on their cards ending after {@code now} and up to {@code until}, not renewed, in
	 * order of their end (then serial) after {@code after} (null for the first page), at most
	 * {@code limit}: each page a range of the index on (state, not_after, serial), however many
	 * certificates the RA holds.
	 */
	public static List<Due> due(Connection c, Instant now, Instant until, Due after, int limit) throws SQLException {
		Instant from = after == null ? now : after.notAfter();
		String serial = after == null ? "" : after.certificateSerial();
		return Rows.list(c, "select c.serial, c.identifier, c.not_after, s.id, s.name, s.email, s.language,"
				+ " s.email_verified_at is not null, s.email_undeliverable from certificate c join subscriber s on s.id = c.subscriber_id"
				+ " where c.state = 'ON_CARD' and c.not_after > ? and c.not_after <= ?"
				+ " and (c.not_after > ? or (c.not_after = ? and c.serial > ?))" + NOT_RENEWED
				// state first, as in the index (it is fixed here): H2 then reads the index in order and sorts nothing
				+ " order by c.state, c.not_after, c.serial fetch first " + limit + " rows only",
				rs -> new Due(rs.getString(1), rs.getString(2), Rows.instant(rs, "not_after"), rs.getLong(4), rs.getString(5),
						rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9)),
				now, until, from, from, serial);
	}

	/** Whether the certificate may still be noticed: on its card, unexpired, not renewed. */
	public static boolean stillDue(Connection c, String certificateSerial, Instant now) throws SQLException {
		return Rows.one(c, "select 1 from certificate c where c.serial = ? and c.state = 'ON_CARD' and c.not_after >= ?" + NOT_RENEWED,
				rs -> true, certificateSerial, now).isPresent();
	}

	public static boolean exists(Connection c, String certificateSerial, int stage) throws SQLException {
		return Rows.one(c, "select 1 from notice where certificate_serial = ? and stage = ?", rs -> true, certificateSerial, stage)
				.isPresent();
	}

	public static void queue(Connection c, String certificateSerial, int stage, long subscriberId, String recipient,
			String language, String messageId, Instant now) throws SQLException {
		Rows.update(c, "insert into notice (certificate_serial, stage, subscriber_id, recipient, language, state, message_id,"
				+ " next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)", certificateSerial, stage, subscriberId,
				recipient, language, messageId, now, now);
	}

	/** Queued notices whose time has come, oldest first. */
	public static List<Row> ready(Connection c, Instant now, int limit) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from notice where state = 'QUEUED' and next_attempt_at <= ?"
				+ " order by state, next_attempt_at, id fetch first " + limit + " rows only", mapper(), now);
	}

	public static java.util.Optional<Row> find(Connection c, long id) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from notice where id = ?", mapper(), id);
	}

	public static List<Row> ofCertificate(Connection c, String certificateSerial) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from notice where certificate_serial = ? order by stage desc", mapper(),
				certificateSerial);
	}

	/** Moves the notice from {@code from} to {@code to}; false when it was not in {@code from} (someone else moved it). */
	public static boolean move(Connection c, long id, State from, State to, String error) throws SQLException {
		return Rows.update(c, "update notice set state = ?, last_error = ? where id = ? and state = ?", to, error, id, from) == 1;
	}

	/** SENDING begins: one more attempt, one more send of its life. */
	public static boolean sending(Connection c, long id) throws SQLException {
		return Rows.update(c, "update notice set state = 'SENDING', attempts = attempts + 1, sends = sends + 1 where id = ? and state = 'QUEUED'",
				id) == 1;
	}

	/** The server took it (250 after the final dot), from SENDING or IN_DOUBT. */
	public static boolean sent(Connection c, long id, Instant at) throws SQLException {
		return Rows.update(c, "update notice set state = 'SENT', sent_at = ?, last_error = null where id = ? and state in ('SENDING', 'IN_DOUBT')",
				at, id) == 1;
	}

	/**
	 * The final dot of the send numbered {@code sends} went out and its outcome was not recorded (the
	 * runner died): IN_DOUBT, from SENDING or — its claim lost with the runner — from QUEUED.
	 */
	public static boolean doubt(Connection c, long id, int sends, String why) throws SQLException {
		return Rows.update(c, "update notice set state = 'IN_DOUBT', last_error = ?, attempts = attempts + (? - sends), sends = ?"
				+ " where id = ? and (state = 'SENDING' and sends = ? or state = 'QUEUED' and sends < ?)", why, sends, sends, id, sends, sends) == 1;
	}

	/**
	 * How a send in progress (SENDING or IN_DOUBT) ended: {@code to} with the server's words; when
	 * {@code to} is QUEUED (a retry), at {@code next}.
	 */
	public static boolean settle(Connection c, long id, State to, String detail, Instant next) throws SQLException {
		return Rows.update(c, "update notice set state = ?, last_error = ?, next_attempt_at = coalesce(?, next_attempt_at)"
				+ " where id = ? and state in ('SENDING', 'IN_DOUBT')", to, detail, next, id) == 1;
	}

	/** What a notice's words need: the certificate's 憑證識別碼, its end, the subscriber's name. */
	public record Facts(String identifier, Instant notAfter, String name) {
	}

	public static java.util.Optional<Facts> facts(Connection c, String certificateSerial) throws SQLException {
		return Rows.one(c, "select c.identifier, c.not_after, s.name from certificate c join subscriber s on s.id = c.subscriber_id"
				+ " where c.serial = ?", rs -> new Facts(rs.getString(1), Rows.instant(rs, "not_after"), rs.getString(3)),
				certificateSerial);
	}

	/** A runner died in SENDING: its final dot was never written, so nothing was accepted; queued again. */
	public static int requeueSending(Connection c) throws SQLException {
		return Rows.update(c, "update notice set state = 'QUEUED' where state = 'SENDING'");
	}

	/**
	 * A re-send asked at the counter: the notice queued again at once, to the address and in the
	 * language given, under {@code messageId}; only from a state in which no runner holds it.
	 */
	public static boolean requeue(Connection c, long id, String recipient, String language, String messageId, String why, Instant now)
			throws SQLException {
		return Rows.update(c, "update notice set state = 'QUEUED', attempts = 0, next_attempt_at = ?, recipient = ?, language = ?,"
				+ " message_id = ?, last_error = ?, sent_at = null where id = ? and state in ('SENT', 'IN_DOUBT', 'FAILED', 'BOUNCED',"
				+ " 'CANCELLED')", now, recipient, language, messageId, why, id) == 1;
	}

	/** Cancels the certificate's queued notices (renewed, revoked, suspended). */
	public static int cancelQueued(Connection c, String certificateSerial, String why) throws SQLException {
		return Rows.update(c, "update notice set state = 'CANCELLED', last_error = ? where certificate_serial = ? and state = 'QUEUED'",
				why, certificateSerial);
	}

	public static Map<State, Integer> counts(Connection c) throws SQLException {
		Map<State, Integer> counts = new EnumMap<>(State.class);
		for (State s : State.values()) {
			counts.put(s, 0);
		}
		for (Object[] r : Rows.list(c, "select state, count(*) from notice group by state", rs -> new Object[] { rs.getString(1), rs.getInt(2) })) {
			counts.put(State.valueOf((String) r[0]), (Integer) r[1]);
		}
		return counts;
	}
}
