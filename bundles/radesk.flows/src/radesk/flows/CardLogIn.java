package radesk.flows;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.api.CardReaders;
import radesk.api.SubscriberRa;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.certificate.NewestFirst;

/**
 * 晶片卡登入 (FLOWS 5.3e): the card opens with its PIN (its own three-strike lock applies), the chosen
 * certificate's key — by default the newest expiry on the card ({@link NewestFirst}) — signs the
 * RA's fresh challenge, and the RA logs the subscriber in. Nothing of the key leaves the card.
 */
public final class CardLogIn {

	private final SubscriberRa ra;
	private final CardTerminal terminal;
	private final CardReaders readers;

	public CardLogIn(SubscriberRa ra, CardTerminal terminal, CardReaders readers) {
		this.ra = ra;
		this.terminal = terminal;
		this.readers = readers;
	}

	/**
	 * {@code cardSerial}: the card of the certificate chosen, or null for the first personalized card
	 * in a reader; {@code serialChosen}: that certificate, or null for the card's newest expiry.
	 */
	public void run(String cardSerial, BigInteger serialChosen, char[] pin, String identifier, String raUnit, String captchaId,
			String captcha) throws CardAccessException, SubscriberRa.Refused, IOException, InterruptedException {
		String serial = cardSerial != null ? cardSerial
				: SubscriberCard.inReaders(readers).stream().findFirst()
						.orElseThrow(() -> new CardAccessException(Reason.CARD_REMOVED, "no personalized card in any reader", null));
		byte[] challenge = ra.challenge();
		byte[] signature;
		try (CardSession card = terminal.open(serial, pin)) {
			X509Certificate signer = card.certificates().stream()
					.filter(c -> serialChosen == null || c.getSerialNumber().equals(serialChosen))
					.sorted(NewestFirst.certificates()).findFirst()
					.orElseThrow(() -> new SubscriberRa.Refused("NO_CERTIFICATE_ON_CARD", "", -1));
			CardKey key = card.keyFor(signer.getPublicKey())
					.orElseThrow(() -> new SubscriberRa.Refused("NO_CERTIFICATE_ON_CARD", "", -1));
			signature = card.sign(key, SubscriberCard.signatureAlgorithm(signer.getPublicKey()), challenge);
		}
		ra.logInWithCard(identifier, raUnit, captchaId, captcha, challenge, signature);
	}
}
