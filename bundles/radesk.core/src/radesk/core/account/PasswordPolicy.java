package radesk.core.account;

import java.util.Locale;
import java.util.Optional;

/**
 * The website password rule, stated on the change screen: 10 to 64 characters, at least one
 * letter and one digit, not containing the account name.
 */
public final class PasswordPolicy {

	public static final int MIN = 10;
	public static final int MAX = 64;

	public enum Breach {
		TOO_SHORT, TOO_LONG, NEEDS_LETTER_AND_DIGIT, CONTAINS_ACCOUNT
	}

	private PasswordPolicy() {
	}

	public static Optional<Breach> check(char[] password, String account) {
		if (password.length < MIN) {
			return Optional.of(Breach.TOO_SHORT);
		}
		if (password.length > MAX) {
			return Optional.of(Breach.TOO_LONG);
		}
		boolean letter = false;
		boolean digit = false;
		for (char c : password) {
			letter |= Character.isLetter(c);
			digit |= Character.isDigit(c);
		}
		if (!letter || !digit) {
			return Optional.of(Breach.NEEDS_LETTER_AND_DIGIT);
		}
		if (account != null && account.length() >= 3
				&& new String(password).toLowerCase(Locale.ROOT).contains(account.toLowerCase(Locale.ROOT))) {
			return Optional.of(Breach.CONTAINS_ACCOUNT);
		}
		return Optional.empty();
	}
}
