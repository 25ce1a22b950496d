package radesk.service.internal;

import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.CertificateDesk;
import radesk.api.IssuedCertificate;
import radesk.api.ServiceException.Reason;
import radesk.api.ServiceException;
import radesk.core.Checkpoints;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.core.account.Strikes;
import radesk.core.card.CardBinding.Purpose;
import radesk.core.card.CardEvent;
import radesk.core.card.CardFlow;
import radesk.core.card.CardState;
import radesk.core.certificate.CertificateEvent;
import radesk.core.certificate.CertificateFlow;
import radesk.core.certificate.CertificateState;
import radesk.core.certificate.IssuanceLimits;
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
 * 憑證申請 / 憑證下載, the RA's half (the card's is the subscriber edition's, radesk.flows): one
 * certificate per key, issued and recorded in one transaction, and marked on the card only once
 * the card proved it holds the key. Asked again for the same key (a lost answer, a pulled card),
 * it answers the certificate issued then.
 */
@Component(service = CertificateDesk.class)
public final class LocalCertificateDesk implements CertificateDesk {

	private final Database db;
	private final EmbeddedRa ra;
	private final PinStrikes strikes;
	private final CardChallenges challenges;
	private final CertificateIssuer issuer;

	@Activate
	public LocalCertificateDesk(@Reference Database db, @Reference EmbeddedRa ra) throws ServiceException {
		this.db = db;
		this.ra = ra;
		this.strikes = new PinStrikes(db, ra);
		this.challenges = new CardChallenges(db, ra);
		this.issuer = new CertificateIssuer(ra, db);
		KeyHashes.fill(db);
	}

	@org.osgi.service.component.annotations.Deactivate
	void deactivate() {
		issuer.close();
	}

	/**
	 * The card took the certificate: 已核發未寫入 becomes 已在晶片卡中, audited (once: a second telling
	 * changes nothing); any other state (revoked, expired, superseded) is WRONG_STATE, by the table.
	 */
	private static void markOnCard(Connection c, Actor subscriber, CertificateRow current, Instant now)
			throws SQLException, ServiceException {
		CertificateState to = Guard.next(CertificateFlow.TRANSITIONS, current.state(), CertificateEvent.WRITE_TO_CARD);
		if (to != current.state()) {
			Certificates.move(c, current, to);
			AuditRecords.append(c, subscriber, "CERTIFICATE_ON_CARD", "certificate:" + current.serial(), current.state(), to, now);
			// a renewal's new certificate on the card: only now is the old one superseded (a half-done renewal left it working)
			CertificateIssuer.supersedeRenewed(c, subscriber, current, now);
		}
	}

	@Override
	public IssuedCertificate issue(Actor subscriber, String cardSerial, String keyId, byte[] request, byte[] challenge,
			byte[] cardSignature) throws ServiceException {
		Guard.require(subscriber, Permission.APPLY_CERTIFICATE);
		if (keyId == null || !keyId.matches("[0-9a-f]{2,64}")) {
			throw new ServiceException(Reason.INVALID_INPUT, "keyId: hex, at most 32 bytes");
		}
		SubscriberRow me = subscriberOf(subscriber);
		CardRow card = ownCard(me, cardSerial);
		Instant now = ra.clock.instant();
		try {
			CheckedCsr csr = cardBound(me, card, request, challenge, cardSignature);
			CertificateRow recorded = issuer.issue(subscriber, me, csr, cardSerial, keyId, now, c -> admission(c, me, cardSerial, csr, now),
					(c, fresh) -> Checkpoints.reached("ra.apply.recording"));
			Checkpoints.reached("ra.apply.recorded");
			return view(recorded);
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		} catch (ServiceException refused) {
			audit(subscriber, "APPLICATION_REFUSED", "card:" + cardSerial, refused, now);
			throw refused;
		}
	}

	/**
	 * Whether this card may have a certificate for this key now: the answer of the first time for the
	 * same key asked again (never a second certificate), else a refusal for a key certified before,
	 * a card that holds a valid certificate or a subscriber over the limit; empty to go on.
	 */
	private static java.util.Optional<CertificateRow> admission(Connection c, SubscriberRow me, String cardSerial, CheckedCsr csr,
			Instant now) throws SQLException, ServiceException {
		List<CertificateRow> earlier = Certificates.onCard(c, cardSerial);
		for (CertificateRow e : earlier) {
			if (java.util.Arrays.equals(x509(e).getPublicKey().getEncoded(), csr.publicKey().getEncoded())) {
				return java.util.Optional.of(e);
			}
		}
		CertificateIssuer.keyNeverCertified(c, csr);
		for (CertificateRow e : earlier) {
			if (IssuanceLimits.holdsTheCard(e.state(), e.notAfter(), now)) {
				throw new ServiceException(Reason.CARD_HAS_CERTIFICATE, e.identifier() + " is valid until " + e.notAfter());
			}
		}
		CertificateIssuer.withinLimit(c, me, now);
		return java.util.Optional.empty();
	}

	/**
	 * The request's proof that this card is behind it: the challenge used up, the card in use and
	 * bound, its authentication key's signature over what is asked; then the request itself checked.
	 */
	private CheckedCsr cardBound(SubscriberRow me, CardRow card, byte[] request, byte[] challenge, byte[] cardSignature)
			throws ServiceException {
		challenges.useUp(challenge);
		Guard.next(CardFlow.TRANSITIONS, card.state(), CardEvent.APPLY);
		return CardBound.request(card, Purpose.APPLICATION, me.account(), challenge, request, cardSignature);
	}

	/** A refusal audited in a transaction of its own: the attempt's rolled back, its record must not be. */
	private void audit(Actor who, String action, String subject, ServiceException refused, Instant now) throws ServiceException {
		db.inTransaction((Connection c) -> {
			AuditRecords.append(c, who, action, subject, null, refused.reason().name(), now);
			return null;
		});
	}

	@Override
	public IssuedCertificate confirmOnCard(Actor subscriber, String certificateSerial, String cardSerial, byte[] challenge,
			byte[] signature) throws ServiceException {
		Guard.require(subscriber, Permission.DOWNLOAD_CERTIFICATE);
		SubscriberRow me = subscriberOf(subscriber);
		challenges.useUp(challenge);
		Instant now = ra.clock.instant();
		try {
			IssuedCertificate confirmed = db.inTransaction((Connection c) -> {
				CertificateRow cert = Certificates.find(c, certificateSerial).filter(r -> r.subscriberId() == me.id())
						.orElseThrow(() -> new ServiceException(Reason.NOT_YOURS, "certificate " + certificateSerial));
				if (!cert.cardSerial().equals(cardSerial)) {
					throw new ServiceException(Reason.WRONG_CARD, "certificate " + certificateSerial + " belongs on another card");
				}
				if (!CardChallenges.signedBy(cert.der(), challenge, signature)) {
					throw new ServiceException(Reason.SIGNATURE_INVALID, "the card does not hold the key of " + certificateSerial);
				}
				markOnCard(c, subscriber, cert, now);
				Checkpoints.reached("ra.confirm.recording");
				return view(Certificates.find(c, certificateSerial).orElseThrow());
			});
			Checkpoints.reached("ra.confirm.recorded");
			return confirmed;
		} catch (ConcurrentChangeException e) {
			throw Guard.concurrent(e);
		}
	}

	@Override
	public void reportPinStrikes(Actor subscriber, String cardSerial, int count) throws ServiceException {
		Guard.require(subscriber, Permission.APPLY_CERTIFICATE);
		if (count < 0 || count > Strikes.LIMIT) {
			throw new ServiceException(Reason.INVALID_INPUT, "strikes: 0 to " + Strikes.LIMIT);
		}
		CardRow card = ownCard(subscriberOf(subscriber), cardSerial);
		// nothing new, or a locked card: only the counter unlocks it
		if (card.pinStrikes() == count || card.state() == CardState.LOCKED) {
			return;
		}
		if (card.state() != CardState.ISSUED) {
			throw new ServiceException(Reason.WRONG_STATE, "card " + cardSerial + " is " + card.state());
		}
		strikes.record(subscriber, cardSerial, count, count == Strikes.LIMIT);
	}

	@Override
	public List<IssuedCertificate> certificates(Actor subscriber) throws ServiceException {
		Guard.require(subscriber, Permission.DOWNLOAD_CERTIFICATE);
		SubscriberRow me = subscriberOf(subscriber);
		return db.inTransaction((Connection c) -> Certificates.ofSubscriber(c, me.id()).stream().map(LocalCertificateDesk::view).toList());
	}

	private SubscriberRow subscriberOf(Actor subscriber) throws ServiceException {
		return db.inTransaction((Connection c) -> Subscribers.byAccount(c, subscriber.account())
				.orElseThrow(() -> Guard.notFound("subscriber " + subscriber.account())));
	}

	private CardRow ownCard(SubscriberRow me, String cardSerial) throws ServiceException {
		return db.inTransaction((Connection c) -> Cards.find(c, cardSerial)
				.filter(card -> card.subscriberId() != null && card.subscriberId() == me.id())
				.orElseThrow(() -> new ServiceException(Reason.NOT_YOURS, "card " + cardSerial)));
	}

	static X509Certificate x509(CertificateRow row) throws ServiceException {
		try {
			return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
					.generateCertificate(new java.io.ByteArrayInputStream(row.der()));
		} catch (java.security.cert.CertificateException e) {
			throw new ServiceException(Reason.NOT_FOUND, "unreadable certificate " + row.serial());
		}
	}

	private static IssuedCertificate view(CertificateRow r) {
		return new IssuedCertificate(r.serial(), r.identifier(), r.cardSerial(), r.state(), r.notBefore(), r.notAfter(), r.der());
	}
}
