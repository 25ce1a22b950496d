package radesk.core.certificate;

/** A subscriber certificate as the RA tracks it. */
public enum CertificateState {
	/** Issued by the CA, not yet written to the card that holds its key (憑證下載 pending). */
	ISSUED_NOT_ON_CARD,
	ON_CARD,
	/** Replaced by a renewal (憑證展期). */
	SUPERSEDED,
	REVOKED,
	/**
	 * 暫禁: on hold (CRL and OCSP say certificateHold) since its card was reported lost; an RA
	 * officer then revokes it, or resumes it (恢復使用) to the state it had.
	 */
	SUSPENDED,
	EXPIRED
}
