package radesk.core.certificate;

import static radesk.core.certificate.CertificateState.EXPIRED;
import static radesk.core.certificate.CertificateState.ISSUED_NOT_ON_CARD;
import static radesk.core.certificate.CertificateState.ON_CARD;
import static radesk.core.certificate.CertificateState.REVOKED;
import static radesk.core.certificate.CertificateState.SUPERSEDED;

import radesk.core.lifecycle.IllegalTransitionException;
import radesk.core.lifecycle.Transitions;

/**
 * ISSUED_NOT_ON_CARD → ON_CARD → SUPERSEDED (a card that tells again that it holds the
 * certificate changes nothing: its first answer may have been lost); a certificate that is still valid can be revoked
 * (a superseded one too: its key may be lost with the card) or can expire. Revoked and expired
 * are final.
 */
public final class CertificateFlow {

	public static final Transitions<CertificateState, CertificateEvent> TRANSITIONS = Transitions
			.of("certificate", CertificateState.class, CertificateEvent.class)
			.on(CertificateEvent.WRITE_TO_CARD, ON_CARD, ISSUED_NOT_ON_CARD, ON_CARD)
			.on(CertificateEvent.SUPERSEDE, SUPERSEDED, ON_CARD)
			.on(CertificateEvent.REVOKE, REVOKED, ISSUED_NOT_ON_CARD, ON_CARD, SUPERSEDED)
			.on(CertificateEvent.EXPIRE, EXPIRED, ISSUED_NOT_ON_CARD, ON_CARD, SUPERSEDED)
			.build();

	private CertificateFlow() {
	}

	public static CertificateState next(CertificateState from, CertificateEvent event) throws IllegalTransitionException {
		return TRANSITIONS.next(from, event);
	}
}
