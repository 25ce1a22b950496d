package radesk.core.certificate;

import static radesk.core.certificate.CertificateState.EXPIRED;
import static radesk.core.certificate.CertificateState.ISSUED_NOT_ON_CARD;
import static radesk.core.certificate.CertificateState.ON_CARD;
import static radesk.core.certificate.CertificateState.REVOKED;
import static radesk.core.certificate.CertificateState.SUPERSEDED;
import static radesk.core.certificate.CertificateState.SUSPENDED;

import radesk.core.lifecycle.IllegalTransitionException;
import radesk.core.lifecycle.Transitions;

/**
 * ISSUED_NOT_ON_CARD → ON_CARD → SUPERSEDED (a card that tells again that it holds the
 * certificate changes nothing: its first answer may have been lost); a certificate that is still valid can be revoked
 * (a superseded one too: its key may be lost with the card) or can expire. A certificate in use
 * (issued or on the card) can be suspended (暫禁, its card lost) and then resumed (恢復使用: back to the
 * state it had, which the records keep) or revoked. Revoked and expired are final.
 */
public final class CertificateFlow {

	public static final Transitions<CertificateState, CertificateEvent> TRANSITIONS = Transitions
			.of("certificate", CertificateState.class, CertificateEvent.class)
			.on(CertificateEvent.WRITE_TO_CARD, ON_CARD, ISSUED_NOT_ON_CARD, ON_CARD)
			.on(CertificateEvent.SUPERSEDE, SUPERSEDED, ON_CARD)
			.on(CertificateEvent.REVOKE, REVOKED, ISSUED_NOT_ON_CARD, ON_CARD, SUPERSEDED, SUSPENDED)
			.on(CertificateEvent.SUSPEND, SUSPENDED, ISSUED_NOT_ON_CARD, ON_CARD)
			// back to ON_CARD, or to ISSUED_NOT_ON_CARD when it was suspended before it reached the card (the records say)
			.on(CertificateEvent.RESUME, ON_CARD, SUSPENDED)
			.on(CertificateEvent.EXPIRE, EXPIRED, ISSUED_NOT_ON_CARD, ON_CARD, SUPERSEDED, SUSPENDED)
			.build();

	private CertificateFlow() {
	}

	public static CertificateState next(CertificateState from, CertificateEvent event) throws IllegalTransitionException {
		return TRANSITIONS.next(from, event);
	}
}
