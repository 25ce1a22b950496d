package radesk.flows;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.function.Consumer;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.api.SubscriberRa;
import radesk.card.CardSession;
import radesk.card.CardTerminal;

/**
 * 憑證下載 (FLOWS 5.5): a certificate the RA issued but the card never took is written onto the card
 * that holds its key — that card only (KEY_NOT_ON_CARD for any other) — and the card's possession
 * proven. Cut off, it is simply run again: writing the same certificate twice changes nothing.
 */
public final class DownloadCertificate {

	private final SubscriberRa ra;
	private final CardTerminal terminal;

	public DownloadCertificate(SubscriberRa ra, CardTerminal terminal) {
		this.ra = ra;
		this.terminal = terminal;
	}

	public SubscriberRa.Certificate run(String cardSerial, char[] pin, SubscriberRa.Certificate certificate,
			Consumer<Step> progress) throws CardAccessException, SubscriberRa.Refused, IOException, InterruptedException,
			CertificateException {
		progress.accept(Step.OPENING_CARD);
		try (CardSession card = SubscriberCard.open(terminal, ra, cardSerial, pin)) {
			if (!cardSerial.equals(certificate.cardSerial()) || card.keyFor(certificate.x509().getPublicKey()).isEmpty()) {
				throw new CardAccessException(Reason.KEY_NOT_ON_CARD,
						"certificate " + certificate.serial() + " was requested with card " + certificate.cardSerial(), null);
			}
			return SubscriberCard.write(ra, card, certificate, progress);
		}
	}
}
