package radesk.core.certificate;

public enum CertificateEvent {
	WRITE_TO_CARD, SUPERSEDE, REVOKE, EXPIRE, SUSPEND, RESUME
}
