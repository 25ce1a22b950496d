package radesk.store;

import java.time.Instant;

import radesk.core.certificate.CertificateState;

/** A subscriber certificate as recorded, with its DER and the card and key it belongs to. */
public record CertificateRow(String serial, String identifier, long subscriberId, String cardSerial, String keyId,
		CertificateState state, Instant notBefore, Instant notAfter, byte[] der, int version) {
}
