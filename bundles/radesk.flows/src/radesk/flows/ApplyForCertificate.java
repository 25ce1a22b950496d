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
import radesk.core.card.KeyKind;
import radesk.core.certificate.CertificateState;
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
			CardKey key = uncertifiedKey(card, mine);
			boolean resumed = key != null;
			if (key == null) {
				progress.accept(Step.MAKING_KEY);
				key = card.generateKey(kind);
				Checkpoints.reached("subscriber.apply.key-generated");
			}
			progress.accept(Step.SIGNING_REQUEST);
			byte[] csr = request(card, key);
			progress.accept(Step.ISSUING);
			SubscriberRa.Certificate issued = ra.apply(cardSerial, key.idHex(), csr);
			Checkpoints.reached("subscriber.apply.issued");
			return new Outcome(SubscriberCard.write(ra, card, issued, progress), resumed);
		}
	}

	/** A key on the card that neither a certificate on the card nor one the RA issued names: a cut-off attempt's. */
	private static CardKey uncertifiedKey(CardSession card, List<SubscriberRa.Certificate> mine)
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

	private byte[] request(CardSession card, CardKey key) throws CardAccessException {
		try {
			return CsrBuilder.build(key.publicKey(), ra.account(), (algorithm, data) -> card.sign(key, algorithm, data));
		} catch (CsrException e) {
			throw e.getCause() instanceof CardAccessException pulled ? pulled
					: new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		}
	}
}
