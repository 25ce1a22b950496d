package radesk.api;

import java.time.Instant;

import radesk.core.certificate.CertificateState;

/** A subscriber certificate as the subscriber sees it; {@code identifier} is the 憑證識別碼. */
public record IssuedCertificate(String serial, String identifier, String cardSerial, CertificateState state,
		Instant notBefore, Instant notAfter, byte[] der) {
}
