package radesk.flows;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import radesk.api.CardAccessException;
import radesk.api.SubscriberRa;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.Checkpoints;
import radesk.core.card.CardBinding;
import radesk.core.card.CardBinding.Purpose;
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;

/**
 * 憑證展期 (seed 5.3) with the card in this computer's reader: a new key pair made on the card (under
 * the PIN), the renewal request signed by it, the renewal text signed by the card's authentication
 * key and — after the PIN is asked again, as the seed does — by the OLD certificate's key; the RA
 * issues the new certificate, which is written to the card and confirmed (only then does the RA
 * supersede the old one). One resume policy, as for 憑證申請: a renewal issued but never written is
 * written; else a key on the card that no certificate names is certified instead of making another.
 */
public final class RenewCertificate {

	/** What a renewal did: the new certificate, and whether an earlier attempt's work was finished. */
	public record Outcome(SubscriberRa.Certificate certificate, boolean resumed) {
	}

	private final SubscriberRa ra;
	private final CardTerminal terminal;

	public RenewCertificate(SubscriberRa ra, CardTerminal terminal) {
		this.ra = ra;
		this.terminal = terminal;
	}

	/**
	 * Renews {@code oldSerial} on card {@code cardSerial}: {@code pin} opens the card for the new key,
	 * {@code pinAgain} for the old key's signature (the card's three-strike lock counts both).
	 */
	public Outcome run(String cardSerial, String oldSerial, char[] pin, char[] pinAgain, KeyKind kind, Consumer<Step> progress)
			throws CardAccessException, SubscriberRa.Refused, IOException, InterruptedException, CertificateException {
		progress.accept(Step.OPENING_CARD);
		List<SubscriberRa.Certificate> mine = ra.certificates();
		SubscriberRa.Certificate old = mine.stream().filter(c -> c.serial().equals(oldSerial)).findFirst()
				.orElseThrow(() -> new SubscriberRa.Refused("NOT_YOURS", "certificate " + oldSerial, -1));
		if (!cardSerial.equals(old.cardSerial())) {
			throw new SubscriberRa.Refused("WRONG_CARD", old.identifier() + " is on another card", -1);
		}
		// outside the window nothing is made on the card (the RA checks again, by its own clock)
		radesk.core.renewal.RenewalWindow window = radesk.core.renewal.RenewalWindow
				.forCertificateEnding(java.time.Instant.parse(old.notAfter()));
		switch (window.phaseAt(java.time.Instant.now())) {
		case TOO_EARLY -> throw new SubscriberRa.Refused("RENEWAL_NOT_OPEN", window.opens().toString(), -1);
		case EXPIRED -> throw new SubscriberRa.Refused("CERTIFICATE_EXPIRED", "register again at the RA", -1);
		case OPEN -> {
		}
		}
		byte[] csr;
		String keyId;
		boolean resumed;
		java.security.PublicKey newKey;
		try (CardSession card = SubscriberCard.open(terminal, ra, cardSerial, pin)) {
			for (SubscriberRa.Certificate c : mine) {
				if (c.state() == CertificateState.ISSUED_NOT_ON_CARD && cardSerial.equals(c.cardSerial())
						&& card.keyFor(c.x509().getPublicKey()).isPresent()) {
					return new Outcome(SubscriberCard.write(ra, card, c, progress), true);
				}
			}
			CardKey key = ApplyForCertificate.uncertifiedKey(card, mine);
			resumed = key != null;
			if (key == null) {
				progress.accept(Step.MAKING_KEY);
				key = card.generateKey(kind);
				Checkpoints.reached("subscriber.renew.key-generated");
			}
			progress.accept(Step.SIGNING_REQUEST);
			csr = ApplyForCertificate.request(ra, card, key);
			keyId = key.idHex();
			newKey = key.publicKey();
		} finally {
			Arrays.fill(pin, '\0');
		}
		byte[] challenge = ra.challenge();
		byte[] message = CardBinding.message(Purpose.RENEWAL, ra.account(), cardSerial, challenge, csr);
		try (CardSession card = SubscriberCard.open(terminal, ra, cardSerial, pinAgain)) {
			byte[] binding = ApplyForCertificate.bind(card, message);
			CardKey oldKey = card.keyFor(old.x509().getPublicKey()).orElseThrow(() -> new CardAccessException(
					CardAccessException.Reason.KEY_NOT_ON_CARD, "the key of " + old.identifier() + " is not on this card", null));
			// the old key signs the CMP key update request for the new key (an external CA gets it as signed)
			radesk.pki.KeyUpdateRequest update = radesk.pki.KeyUpdateRequest.of(old.x509(), newKey, challenge);
			byte[] byOldKey = card.sign(oldKey, update.signatureAlgorithm(), update.toBeSigned());
			progress.accept(Step.ISSUING);
			SubscriberRa.Certificate issued = ra.renew(oldSerial, cardSerial, keyId, csr, challenge, binding, byOldKey);
			Checkpoints.reached("subscriber.renew.issued");
			return new Outcome(SubscriberCard.write(ra, card, issued, progress), resumed);
		} finally {
			Arrays.fill(pinAgain, '\0');
		}
	}
}
