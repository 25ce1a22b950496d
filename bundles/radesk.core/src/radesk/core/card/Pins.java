package radesk.core.card;

import java.security.SecureRandom;

/**
 * Card PINs. A user PIN is 6 to 12 digits (RA Desk prints 8 on the PIN slip); an SO PIN is 12
 * characters from an alphabet without look-alikes. New PINs come from SecureRandom and exist only
 * until printed (the SO PIN is kept encrypted for counter unlocks).
 */
public final class Pins {

	public static final int MIN_USER = 6;
	public static final int MAX_USER = 12;
	private static final char[] DIGITS = "0123456789".toCharArray();
	private static final char[] SO_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final SecureRandom random;

	public Pins(SecureRandom random) {
		this.random = random;
	}

	public char[] newUserPin() {
		return draw(DIGITS, 8);
	}

	public char[] newSoPin() {
		return draw(SO_ALPHABET, 12);
	}

	private char[] draw(char[] alphabet, int length) {
		char[] pin = new char[length];
		for (int i = 0; i < length; i++) {
			pin[i] = alphabet[random.nextInt(alphabet.length)];
		}
		return pin;
	}

	/** Whether a PIN chosen by a person (a PIN change or unlock) follows the user PIN rule. */
	public static boolean isValidUserPin(char[] pin) {
		if (pin == null || pin.length < MIN_USER || pin.length > MAX_USER) {
			return false;
		}
		for (char c : pin) {
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}
}
