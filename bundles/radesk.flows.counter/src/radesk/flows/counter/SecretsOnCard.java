package radesk.flows.counter;

import java.util.Arrays;

import radesk.api.CardAccessException;
import radesk.api.ServiceException;
import radesk.api.staff.CardSecrets;

/**
 * The one way a counter flow writes the RA's secrets to a card: the SO PIN is forgotten as soon as
 * the write ends, the new PIN too when the write failed (no slip will carry it), and the card's
 * refusal becomes the service's, worded once for both editions.
 */
final class SecretsOnCard {

	interface Write {
		void with(CardSecrets card) throws CardAccessException;
	}

	private SecretsOnCard() {
	}

	static void write(CardSecrets card, Write write) throws ServiceException {
		try {
			write.with(card);
		} catch (CardAccessException e) {
			Arrays.fill(card.userPin(), '\0');
			throw ServiceException.of(e);
		} finally {
			card.forgetSoPin();
		}
	}
}
