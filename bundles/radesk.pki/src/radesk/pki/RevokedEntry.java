package radesk.pki;

import java.math.BigInteger;
import java.time.Instant;

import radesk.core.revocation.RevocationReason;

/** One line of a CRL: the serial, when, and the RFC 5280 reason code (6, certificateHold: suspended, 暫禁). */
public record RevokedEntry(BigInteger serial, Instant revokedAt, int reasonCode) {

	/** RFC 5280 5.3.1 certificateHold: on hold, may be resumed. */
	public static final int CERTIFICATE_HOLD = 6;

	public RevokedEntry(BigInteger serial, Instant revokedAt, RevocationReason reason) {
		this(serial, revokedAt, reason.crlReasonCode());
	}
}
