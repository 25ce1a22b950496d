package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import radesk.core.certificate.CertificateState;
import radesk.core.certificate.NewestFirst;
import radesk.core.revocation.RevocationReason;

/** Certificates inside a transaction. */
public final class Certificates {

	private static final String COLUMNS = "serial, identifier, subscriber_id, card_serial, key_id, state, not_before,"
			+ " not_after, der, row_version";

	private Certificates() {
	}

	/** {@code keyHash}: the SHA-256 (hex) of the certified key's SubjectPublicKeyInfo. */
	public static void insert(Connection c, CertificateRow row, String keyHash) throws SQLException {
		Rows.update(c, "insert into certificate (serial, identifier, subscriber_id, card_serial, key_id, state, not_before,"
				+ " not_after, der, key_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.serial(), row.identifier(),
				row.subscriberId(), row.cardSerial(), row.keyId(), row.state(), row.notBefore(), row.notAfter(), row.der(), keyHash);
	}

	/** The new certificate {@code newSerial} renews {@code oldSerial} (憑證展期). */
	public static void renews(Connection c, String newSerial, String oldSerial) throws SQLException {
		Rows.update(c, "update certificate set renews = ? where serial = ?", oldSerial, newSerial);
	}

	/** The certificate {@code serial} renews, if it is a renewal's. */
	public static Optional<String> renewedBy(Connection c, String serial) throws SQLException {
		return Rows.one(c, "select renews from certificate where serial = ? and renews is not null", rs -> rs.getString(1), serial);
	}

	/** The renewal of {@code oldSerial} issued already (a cut-off renewal asked again), if any. */
	public static Optional<CertificateRow> renewalOf(Connection c, String oldSerial) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from certificate where renews = ? and state <> 'REVOKED' order by not_before desc"
				+ " fetch first 1 rows only", mapper(), oldSerial);
	}

	/**
	 * The identifier of a certificate of this key (by its SubjectPublicKeyInfo's SHA-256), whoever and
	 * whichever card it is for: one key, one certificate. Asked before every issuance, and nearly
	 * always answered "none" from the index alone.
	 */
	public static Optional<String> ofKey(Connection c, String keyHash) throws SQLException {
		return Rows.one(c, "select identifier from certificate where key_hash = ? fetch first 1 rows only", rs -> rs.getString(1),
				keyHash);
	}

	/** Up to {@code limit} certificates recorded before key hashes were (to be filled in). */
	public static List<CertificateRow> withoutKeyHash(Connection c, int limit) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from certificate where key_hash is null fetch first " + limit + " rows only",
				mapper());
	}

	public static void keyHash(Connection c, String serial, String keyHash) throws SQLException {
		Rows.update(c, "update certificate set key_hash = ? where serial = ?", keyHash, serial);
	}

	private static Rows.Mapper<CertificateRow> mapper() {
		return rs -> new CertificateRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				CertificateState.valueOf(rs.getString(6)), Rows.instant(rs, "not_before"), Rows.instant(rs, "not_after"),
				rs.getBytes(9), rs.getInt(10));
	}

	public static Optional<CertificateRow> find(Connection c, String serial) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from certificate where serial = ?", mapper(), serial);
	}

	public static Optional<CertificateRow> byIdentifier(Connection c, String identifier) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from certificate where identifier = ?", mapper(), identifier);
	}

	/** A subscriber's certificates in the one order ({@link NewestFirst}). */
	public static List<CertificateRow> ofSubscriber(Connection c, long subscriberId) throws SQLException {
		return newestFirst(Rows.list(c, "select " + COLUMNS + " from certificate where subscriber_id = ?", mapper(),
				subscriberId));
	}

	/** A card's certificates in the one order ({@link NewestFirst}). */
	public static List<CertificateRow> onCard(Connection c, String cardSerial) throws SQLException {
		return newestFirst(Rows.list(c, "select " + COLUMNS + " from certificate where card_serial = ?", mapper(),
				cardSerial));
	}

	/** How many certificates the subscriber was issued from {@code since} on (a rate limit's count). */
	public static int issuedSince(Connection c, long subscriberId, Instant since) throws SQLException {
		return Rows.one(c, "select count(*) from certificate where subscriber_id = ? and not_before >= ?", rs -> rs.getInt(1),
				subscriberId, since).orElse(0);
	}

	private static List<CertificateRow> newestFirst(List<CertificateRow> rows) {
		return rows.stream().sorted(NewestFirst.of(CertificateRow::notAfter, CertificateRow::notBefore,
				r -> new java.math.BigInteger(r.serial(), 16))).toList();
	}

	public static void move(Connection c, CertificateRow row, CertificateState to) throws SQLException {
		Rows.updateVersioned(c, "certificate " + row.serial(), "update certificate set state = ?, row_version = row_version + 1"
				+ " where serial = ? and row_version = ?", to, row.serial(), row.version());
	}

	public static void revoke(Connection c, CertificateRow row, RevocationReason reason, Instant at) throws SQLException {
		Rows.updateVersioned(c, "certificate " + row.serial(), "update certificate set state = ?, revocation_reason = ?,"
				+ " revoked_at = ?, row_version = row_version + 1 where serial = ? and row_version = ?", CertificateState.REVOKED,
				reason, at, row.serial(), row.version());
		Revocations.changed(c);
	}

	/** A certificate as a CRL lists it: serial (hex), when, the RFC 5280 reason code (6, certificateHold, for a suspended one). */
	public record Revoked(String serial, Instant at, int reasonCode) {
	}

	public static List<Revoked> revoked(Connection c) throws SQLException {
		// subscribers' certificates, revoked or on hold, and staff cards' (the same issuing CA, one CRL)
		return Rows.list(c, "select serial, revoked_at, revocation_reason, state, suspended_at from certificate"
				+ " where state in ('REVOKED', 'SUSPENDED') and issued_by = 'RA'"
				+ " union all select certificate_serial, revoked_at, revocation_reason, state, null from staff_card"
				+ " where state = 'REVOKED' and certificate_serial is not null",
				rs -> "SUSPENDED".equals(rs.getString(4)) ? new Revoked(rs.getString(1), Rows.instant(rs, "suspended_at"), HOLD)
						: new Revoked(rs.getString(1), Rows.instant(rs, "revoked_at"),
								RevocationReason.valueOf(rs.getString(3)).crlReasonCode()));
	}

	/** {@code serial} was signed by the external CA (over CMP), not the RA's own: its CRL is that CA's. */
	public static void issuedByExternalCa(Connection c, String serial) throws SQLException {
		Rows.update(c, "update certificate set issued_by = 'CMP' where serial = ?", serial);
	}

	/** Whether {@code serial} was signed by the external CA, whose revocations it makes itself. */
	public static boolean byExternalCa(Connection c, String serial) throws SQLException {
		return Rows.one(c, "select issued_by from certificate where serial = ?", rs -> rs.getString(1), serial)
				.filter("CMP"::equals).isPresent();
	}

	/** RFC 5280 certificateHold. */
	public static final int HOLD = 6;

	/** 暫禁: on hold from {@code at}, by {@code by}; the state it had is kept for its resumption. */
	public static void suspend(Connection c, CertificateRow row, Instant at, String by) throws SQLException {
		Rows.updateVersioned(c, "certificate " + row.serial(), "update certificate set state = 'SUSPENDED', suspended_at = ?,"
				+ " suspended_from = ?, suspended_by = ?, row_version = row_version + 1 where serial = ? and row_version = ?", at,
				row.state(), by, row.serial(), row.version());
		Revocations.changed(c);
	}

	/** Who suspended the certificate and the state it goes back to; empty when it is not suspended. */
	public record Suspension(Instant at, String by, CertificateState from) {
	}

	public static Optional<Suspension> suspension(Connection c, String serial) throws SQLException {
		return Rows.one(c, "select suspended_at, suspended_by, suspended_from from certificate where serial = ? and state = 'SUSPENDED'",
				rs -> new Suspension(Rows.instant(rs, "suspended_at"), rs.getString(2),
						rs.getString(3) == null ? CertificateState.ON_CARD : CertificateState.valueOf(rs.getString(3))), serial);
	}

	/** 恢復使用: off hold, back to {@code to}. */
	public static void resume(Connection c, CertificateRow row, CertificateState to) throws SQLException {
		Rows.updateVersioned(c, "certificate " + row.serial(), "update certificate set state = ?, suspended_at = null,"
				+ " suspended_from = null, suspended_by = null, row_version = row_version + 1 where serial = ? and row_version = ?", to,
				row.serial(), row.version());
		Revocations.changed(c);
	}

	/** Takes the next CRL number (commit it on its own: a number taken is never taken again, even if its CRL never appears). */
	public static long takeCrlNumber(Connection c) throws SQLException {
		Rows.update(c, "update counters set last_used = last_used + 1 where name = 'crl_number'");
		return Rows.one(c, "select last_used from counters where name = 'crl_number'", rs -> rs.getLong(1)).orElseThrow();
	}

	/** Records a CRL's publication. */
	public static void crlPublished(Connection c, long number, Instant at, int entries, String by) throws SQLException {
		Rows.update(c, "insert into crl_publication (crl_number, this_update, entries, published_by) values (?, ?, ?, ?)", number, at,
				entries, by);
	}
}
