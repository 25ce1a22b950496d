package radesk.pki;

import java.math.BigInteger;
import java.time.Instant;

import radesk.core.revocation.RevocationReason;

/** One line of a CRL. */
public record RevokedEntry(BigInteger serial, Instant revokedAt, RevocationReason reason) {
}
