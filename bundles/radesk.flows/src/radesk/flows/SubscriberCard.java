package radesk.flows;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.api.CardReaders;
import radesk.api.SubscriberRa;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.Checkpoints;
import radesk.core.account.Strikes;

/** What the subscriber's flows do with a card the same way: find it, open it under its PIN rule, write a certificate to it. */
public final class SubscriberCard {

	private SubscriberCard() {
	}

	/** The personalized cards in this computer's readers, by serial (their token labels). */
	public static List<String> inReaders(CardReaders readers) throws CardAccessException {
		return personalized(readers.slots());
	}

	/** The same after looking for the cards afresh (重新偵測: a card put back is found). */
	public static List<String> afterRescan(CardReaders readers) throws CardAccessException {
		return personalized(readers.rescan());
	}

	private static List<String> personalized(List<radesk.api.CardSlot> slots) {
		return slots.stream().filter(s -> s.cardPresent() && s.initialized()).map(s -> s.tokenLabel()).toList();
	}

	/** What the RA checks a card's signature over a challenge with. */
	public static String signatureAlgorithm(PublicKey key) {
		return key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
	}

	/**
	 * Opens the card with its PIN under the card's own three-strike rule, and tells the RA what the
	 * card said (a wrong PIN, the lock, or a right PIN after wrong ones) so the card's record follows.
	 * The report is a courtesy to the records: if it does not get through, the card work goes on.
	 */
	static CardSession open(CardTerminal terminal, SubscriberRa ra, String cardSerial, char[] pin) throws CardAccessException {
		int before;
		try {
			before = terminal.strikes(cardSerial);
		} catch (CardAccessException e) {
			before = 0;
		}
		try {
			CardSession session = terminal.open(cardSerial, pin);
			if (before > 0) {
				report(ra, cardSerial, 0);
			}
			return session;
		} catch (CardAccessException e) {
			if (e.reason() == Reason.WRONG_PIN) {
				report(ra, cardSerial, Strikes.LIMIT - e.triesLeft());
			} else if (e.reason() == Reason.PIN_LOCKED) {
				report(ra, cardSerial, Strikes.LIMIT);
			}
			throw e;
		}
	}

	private static void report(SubscriberRa ra, String cardSerial, int strikes) {
		try {
			ra.reportPinStrikes(cardSerial, strikes);
		} catch (IOException | SubscriberRa.Refused e) {
			// the card counted it; the record learns at the next report or at the counter
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Writes the certificate next to its key, then proves to the RA that the card holds that key. */
	static SubscriberRa.Certificate write(SubscriberRa ra, CardSession card, SubscriberRa.Certificate certificate,
			Consumer<Step> progress) throws CardAccessException, SubscriberRa.Refused, IOException, InterruptedException,
			CertificateException {
		progress.accept(Step.WRITING_CARD);
		X509Certificate x509 = certificate.x509();
		card.storeCertificate(x509);
		Checkpoints.reached("subscriber.apply.on-card");
		progress.accept(Step.CONFIRMING);
		CardKey key = card.keyFor(x509.getPublicKey())
				.orElseThrow(() -> new CardAccessException(Reason.KEY_NOT_ON_CARD, certificate.serial(), null));
		byte[] challenge = ra.challenge();
		byte[] signature = card.sign(key, signatureAlgorithm(x509.getPublicKey()), challenge);
		return ra.confirmOnCard(certificate.serial(), card.cardSerial(), challenge, signature);
	}
}
