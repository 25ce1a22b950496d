package radesk.flows;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.api.SubscriberRa;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.Checkpoints;
import radesk.core.card.CardBinding;
import radesk.core.card.CardBinding.Purpose;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
import radesk.core.certificate.IssuanceLimits;
import radesk.pki.CsrBuilder;
import radesk.pki.CsrException;

/**
 * 憑證申請 (FLOWS 5.4) with the card in this computer's reader: the key pair made on the card, the
 * request signed on the card, the certificate issued by the RA and written to the card, the card's
 * possession of its key proven to the RA. The one resume policy after a cut-off (card pulled,
 * crash, lost answer), asked before anything new is made: a certificate issued for this card but
 * never written is written; else a key on the card that no certificate names is certified instead
 * of making another (the RA answers the same certificate for the same key). So a cut-off never
 * costs a second certificate or a second key, and the next attempt completes.
 */
public final class ApplyForCertificate {

	/** What an application did: the certificate, and whether an earlier attempt's work was finished. */
	public record Outcome(SubscriberRa.Certificate certificate, boolean resumed) {
	}

	private final SubscriberRa ra;
	private final CardTerminal terminal;

	public ApplyForCertificate(SubscriberRa ra, CardTerminal terminal) {
		this.ra = ra;
		this.terminal = terminal;
	}

	/** On card {@code cardSerial}, opened with {@code pin} (the card's three-strike lock applies). */
	public Outcome run(String cardSerial, char[] pin, KeyKind kind, Consumer<Step> progress)
			throws CardAccessException, SubscriberRa.Refused, IOException, InterruptedException, CertificateException {
		progress.accept(Step.OPENING_CARD);
		try (CardSession card = SubscriberCard.open(terminal, ra, cardSerial, pin)) {
			List<SubscriberRa.Certificate> mine = ra.certificates();
			for (SubscriberRa.Certificate c : mine) {
				if (c.state() == CertificateState.ISSUED_NOT_ON_CARD && cardSerial.equals(c.cardSerial())
						&& card.keyFor(c.x509().getPublicKey()).isPresent()) {
					return new Outcome(SubscriberCard.write(ra, card, c, progress), true);
				}
			}
			refuseASecondCertificate(cardSerial, mine);
			CardKey key = uncertifiedKey(card, mine);
			boolean resumed = key != null;
			if (key == null) {
				progress.accept(Step.MAKING_KEY);
				key = card.generateKey(kind);
				Checkpoints.reached("subscriber.apply.key-generated");
			}
			progress.accept(Step.SIGNING_REQUEST);
			byte[] csr = request(card, key);
			byte[] challenge = ra.challenge();
			byte[] binding = bind(card, CardBinding.message(Purpose.APPLICATION, ra.account(), cardSerial, challenge, csr));
			progress.accept(Step.ISSUING);
			SubscriberRa.Certificate issued = ra.apply(cardSerial, key.idHex(), csr, challenge, binding);
			Checkpoints.reached("subscriber.apply.issued");
			return new Outcome(SubscriberCard.write(ra, card, issued, progress), resumed);
		}
	}

	/**
	 * A card holds one valid certificate (the RA refuses a second one; renewal is the way): said
	 * before a key is made on the card for nothing.
	 */
	private static void refuseASecondCertificate(String cardSerial, List<SubscriberRa.Certificate> mine)
			throws SubscriberRa.Refused, CertificateException {
		java.time.Instant now = java.time.Instant.now();
		for (SubscriberRa.Certificate c : mine) {
			if (cardSerial.equals(c.cardSerial()) && IssuanceLimits.holdsTheCard(c.state(), c.x509().getNotAfter().toInstant(), now)) {
				throw new SubscriberRa.Refused("CARD_HAS_CERTIFICATE", c.identifier() + " is valid on this card", -1);
			}
		}
	}

	/** A key on the card that neither a certificate on the card nor one the RA issued names: a cut-off attempt's. */
	static CardKey uncertifiedKey(CardSession card, List<SubscriberRa.Certificate> mine)
			throws CardAccessException, CertificateException {
		List<PublicKey> certified = new ArrayList<>();
		for (X509Certificate x : card.certificates()) {
			certified.add(x.getPublicKey());
		}
		for (SubscriberRa.Certificate c : mine) {
			certified.add(c.x509().getPublicKey());
		}
		return card.keys().stream()
				.filter(k -> certified.stream().noneMatch(p -> Arrays.equals(p.getEncoded(), k.publicKey().getEncoded())))
				.findFirst().orElse(null);
	}

	/**
	 * The card's authentication key signs what is asked: the RA's proof that this card, and no
	 * software key, is behind the request. A card personalized before there was such a key has to
	 * visit the counter first (a PIN unlock makes it).
	 */
	static byte[] bind(CardSession card, byte[] message) throws CardAccessException {
		CardKey authentication = card.authenticationKey().orElseThrow(() -> new CardAccessException(Reason.NOT_BOUND,
				"card " + card.cardSerial() + " has no authentication key: bring it to the RA counter", null));
		return card.sign(authentication, CardBinding.ALGORITHM, message);
	}

	private byte[] request(CardSession card, CardKey key) throws CardAccessException {
		return request(ra, card, key);
	}

	/** The PKCS#10 request for {@code key}, signed on the card by that key. */
	static byte[] request(SubscriberRa ra, CardSession card, CardKey key) throws CardAccessException {
		try {
			return CsrBuilder.build(key.publicKey(), ra.account(), (algorithm, data) -> card.sign(key, algorithm, data));
		} catch (CsrException e) {
			throw e.getCause() instanceof CardAccessException pulled ? pulled
					: new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		}
	}
}
