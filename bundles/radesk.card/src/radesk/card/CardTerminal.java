package radesk.card;

import radesk.api.CardAccessException;

/**
 * What the RA does with a card in a reader: personalize a blank one, check its PIN with the
 * three-strike lock, unlock it with the SO PIN, change its PIN. Cards are named by the serial
 * RA Desk wrote as their token label.
 */
public interface CardTerminal {

	/**
	 * Makes the blank card in {@code slotId} RA Desk's card {@code cardSerial} with the given PINs.
	 * Safe to repeat: a card left half-done by a crash or a pull (same serial, no user PIN yet) is
	 * completed with the same SO PIN.
	 *
	 * @throws CardAccessException NOT_BLANK when the slot holds any other initialized card
	 */
	void personalize(long slotId, String cardSerial, char[] soPin, char[] userPin) throws CardAccessException;

	/**
	 * Checks the user PIN. A wrong one counts as a strike on the card itself before the card is
	 * even asked, so pulling the card cannot erase it; the third locks the card.
	 *
	 * @return the tries left after this check (3 when right)
	 * @throws CardAccessException WRONG_PIN (with tries left) or PIN_LOCKED
	 */
	int verifyPin(String cardSerial, char[] pin) throws CardAccessException;

	/** Unlocks (or resets) the user PIN with the SO PIN and clears the strikes. */
	void unlock(String cardSerial, char[] soPin, char[] newPin) throws CardAccessException;

	/** Changes the user PIN; the old PIN is checked with the strike rule. */
	void changePin(String cardSerial, char[] oldPin, char[] newPin) throws CardAccessException;

	/** Opens the card with its user PIN, under the same strike rule as {@link #verifyPin}. */
	CardSession open(String cardSerial, char[] pin) throws CardAccessException;

	/** The certificates on the card, read without its PIN (they are public objects). */
	java.util.List<java.security.cert.X509Certificate> certificates(String cardSerial) throws CardAccessException;

	/** Wrong PINs recorded on the card since the last right one. */
	int strikes(String cardSerial) throws CardAccessException;
}
