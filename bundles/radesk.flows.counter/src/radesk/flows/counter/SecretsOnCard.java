package radesk.flows.counter;

import java.util.Arrays;

import radesk.api.CardAccessException;
import radesk.api.ServiceException;
import radesk.api.staff.CardSecrets;
import radesk.card.CardSession;
import radesk.card.CardTerminal;

/**
 * The one way a counter flow writes the RA's secrets to a card: the SO PIN is forgotten as soon as
 * the write ends, the new PIN too when the write failed (no slip will carry it), and the card's
 * refusal becomes the service's, worded once for both editions.
 */
final class SecretsOnCard {

	interface Write {
		byte[] with(CardSecrets card) throws CardAccessException;
	}

	private SecretsOnCard() {
	}

	/** What {@code write} answers (the card's authentication key, as the RA records it). */
	static byte[] write(CardSecrets card, Write write) throws ServiceException {
		try {
			return write.with(card);
		} catch (CardAccessException e) {
			Arrays.fill(card.userPin(), '\0');
			throw ServiceException.of(e);
		} finally {
			card.forgetSoPin();
		}
	}

	/**
	 * Opens the card under its new PIN and makes its authentication key (or finds the one a
	 * cut-off run made): its public half, X.509 SubjectPublicKeyInfo, for the RA's record.
	 */
	static byte[] bind(CardTerminal terminal, CardSecrets card) throws CardAccessException {
		try (CardSession session = terminal.open(card.serial(), card.userPin())) {
			return session.makeAuthenticationKey().publicKey().getEncoded();
		}
	}
}
