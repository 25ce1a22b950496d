package radesk.store;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import radesk.core.revocation.RevocationReason;

/** What relying parties are told about certificates of the issuing CA: their status, and when any of it last changed. */
public final class Revocations {

	private Revocations() {
	}

	/** A certificate as OCSP answers for it: revoked or on hold (when, the RFC 5280 reason code), or not (revokedAt null). */
	public record Status(Instant revokedAt, int reasonCode) {
	}

	/** Moves the status counter: called in every transaction that changes a certificate's revocation status. */
	public static void changed(Connection c) throws SQLException {
		Rows.update(c, "update counters set last_used = last_used + 1 where name = 'revocation_status'");
	}

	/** The status counter: it moves with every change of any certificate's revocation status. */
	public static long version(Connection c) throws SQLException {
		return Rows.one(c, "select last_used from counters where name = 'revocation_status'", rs -> rs.getLong(1)).orElse(0L);
	}

	/**
	 * The status of the certificate with {@code serial}, a subscriber's or a staff card's; empty
	 * when the issuing CA never issued it as either.
	 */
	public static Optional<Status> of(Connection c, BigInteger serial) throws SQLException {
		Optional<Status> subscriber = Rows.one(c, "select revoked_at, revocation_reason, state, suspended_at from certificate where serial = ?",
				rs -> "SUSPENDED".equals(rs.getString(3)) ? new Status(Rows.instant(rs, "suspended_at"), Certificates.HOLD)
						: status(rs.getString(3), Rows.instant(rs, "revoked_at"), rs.getString(2)),
				HexFormat.of().formatHex(serial.toByteArray()));
		if (subscriber.isPresent()) {
			return subscriber;
		}
		return Rows.one(c, "select revoked_at, revocation_reason, state from staff_card where certificate_serial = ?",
				rs -> status(rs.getString(3), Rows.instant(rs, "revoked_at"), rs.getString(2)), serial.toString(16));
	}

	private static Status status(String state, Instant at, String reason) {
		return "REVOKED".equals(state) && at != null && reason != null ? new Status(at, RevocationReason.valueOf(reason).crlReasonCode())
				: new Status(null, -1);
	}
}
