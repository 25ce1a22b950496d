package radesk.service.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.IssuedCertificate;
import radesk.api.RenewalDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.card.CardBinding.Purpose;
import radesk.core.certificate.CertificateState;
import radesk.core.renewal.RenewalWindow;
import radesk.pki.CheckedCsr;
import radesk.store.AuditRecords;
import radesk.store.CardRow;
import radesk.store.Cards;
import radesk.store.CertificateRow;
import radesk.store.Certificates;
import radesk.store.ConcurrentChangeException;
import radesk.store.Database;
import radesk.store.SubscriberRow;
import radesk.store.Subscribers;

/**
 * 憑證展期, the RA's half: every check before the CA is asked, the new certificate recorded as the
 * old one's renewal (superseding it only when the card confirms the new one), each refusal audited
 * in a transaction of its own.
 */
@Component(service = RenewalDesk.class)
public final class LocalRenewalDesk implements RenewalDesk {

	private final Database db;
	private final EmbeddedRa ra;
	private final CardChallenges challenges;
	private final CertificateIssuer issuer;

	@Activate
	public LocalRenewalDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.challenges = new CardChallenges(db, ra);
		this.issuer = new CertificateIssuer(ra, db);
	}

	@org.osgi.service.component.annotations.Deactivate
	void deactivate() {
		issuer.close();
	}

	@Override
	public IssuedCertificate renew(Actor subscriber, String oldSerial, String cardSerial, String keyId, byte[] request,
			byte[] challenge, byte[] cardSignature, byte[] oldKeySignature) throws ServiceException {
		Guard.require(subscriber, Permission.RENEW_CERTIFICATE);
		if (keyId == null || !keyId.matches("[0-9a-f]{2,64}")) {
			throw new ServiceException(Reason.INVALID_INPUT, "keyId: hex, at most 32 bytes");
		}
		Instant now = ra.clock.instant();
		SubscriberRow me = db.inTransaction((Connection c) -> Subscribers.byAccount(c, subscriber.account()))
				.orElseThrow(() -> Guard.notFound("subscriber " + subscriber.account()));
		try {
			CertificateRow old = db.inTransaction((Connection c) -> Certificates.find(c, oldSerial == null ? "" : oldSerial))
					.filter(r -> r.subscriberId() == me.id())
					.orElseThrow(() -> new ServiceException(Reason.NOT_YOURS, "certificate " + oldSerial));
			CardRow card = db.inTransaction((Connection c) -> Cards.find(c, cardSerial == null ? "" : cardSerial))
					.filter(r -> r.subscriberId() != null && r.subscriberId() == me.id())
					.orElseThrow(() -> new ServiceException(Reason.NOT_YOURS, "card " + cardSerial));
			inWindow(old, card, now);
			challenges.useUp(challenge);
			CheckedCsr csr = CardBound.request(card, Purpose.RENEWAL, me.account(), challenge, request, cardSignature);
			// the key update request (this new key in place of the old certificate, for this challenge) signed by the old
			// certificate's key: the renewal comes with the card that holds it; an external CA gets it as signed
			java.security.cert.X509Certificate oldX509 = LocalCertificateDesk.x509(old);
			if (!radesk.pki.KeyUpdateRequest.of(oldX509, csr.publicKey(), challenge).signedBy(oldKeySignature)) {
				throw new ServiceException(Reason.SIGNATURE_INVALID, "not signed by the key of certificate " + old.identifier());
			}
			CertificateRow issued = issuer.issue(subscriber, me, csr, card.serial(), keyId, now,
					new CertificateIssuer.Renewal(oldX509, challenge, oldKeySignature), c -> admission(c, me, old, csr, now),
					(c, fresh) -> {
						Certificates.renews(c, fresh.serial(), old.serial());
						AuditRecords.append(c, subscriber, "CERTIFICATE_RENEWAL_ISSUED", "certificate:" + old.serial(), old.state(),
								"renewed by certificate:" + fresh.serial() + " (superseded once on the card)", now);
					});
			radesk.core.Checkpoints.reached("ra.renew.recorded");
			return new IssuedCertificate(issued.serial(), issued.identifier(), issued.cardSerial(), issued.state(), issued.notBefore(),
					issued.notAfter(), issued.der());
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		} catch (ServiceException refused) {
			db.inTransaction((Connection c) -> AuditRecords.append(c, subscriber, "RENEWAL_REFUSED", "certificate:" + oldSerial, null,
					refused.reason() + " " + refused.detail(), now));
			throw refused;
		}
	}

	/**
	 * Whether {@code old} may be renewed with this key now: its renewal issued before for the same key
	 * (a lost answer, a pulled card) is the answer again; a renewal still to be written, a key
	 * certified before or a subscriber over the limit is refused; empty to go on.
	 */
	private static Optional<CertificateRow> admission(Connection c, SubscriberRow me, CertificateRow old, CheckedCsr csr, Instant now)
			throws java.sql.SQLException, ServiceException {
		Optional<CertificateRow> earlier = Certificates.renewalOf(c, old.serial());
		if (earlier.isPresent() && KeyHashes.of(LocalCertificateDesk.x509(earlier.get()).getPublicKey())
				.equals(KeyHashes.of(csr.publicKey()))) {
			return earlier;
		}
		if (earlier.isPresent() && earlier.get().state() == CertificateState.ISSUED_NOT_ON_CARD) {
			throw new ServiceException(Reason.WRONG_STATE, "a renewal of " + old.identifier() + " waits to be written to the card");
		}
		CertificateIssuer.keyNeverCertified(c, csr); // the new key differs from every earlier key, this card's and anyone's
		CertificateIssuer.withinLimit(c, me, now);
		return Optional.empty();
	}

	/** The old certificate: on this card, in use, inside its window. */
	private static void inWindow(CertificateRow old, CardRow card, Instant now) throws ServiceException {
		if (!card.serial().equals(old.cardSerial())) {
			throw new ServiceException(Reason.WRONG_CARD, "certificate " + old.identifier() + " is on another card");
		}
		if (old.state() != CertificateState.ON_CARD) {
			throw new ServiceException(Reason.WRONG_STATE, "certificate " + old.identifier() + " is " + old.state());
		}
		RenewalWindow window = RenewalWindow.forCertificateEnding(old.notAfter());
		switch (window.phaseAt(now)) {
		case TOO_EARLY -> throw new ServiceException(Reason.RENEWAL_NOT_OPEN, window.opens().toString());
		case EXPIRED -> throw new ServiceException(Reason.CERTIFICATE_EXPIRED, "expired " + old.notAfter() + ": register again at the RA");
		case OPEN -> {
		}
		}
	}
}
