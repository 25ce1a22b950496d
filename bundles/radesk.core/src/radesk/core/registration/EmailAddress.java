package radesk.core.registration;

import java.util.regex.Pattern;

/**
 * The e-mail rule of the form: one {@code @}, a dotted domain, no blanks, at most 254 characters
 * (RFC 5321's path limit). Deliberately plain: the renewal notice is the real proof of the address.
 */
public final class EmailAddress {

	static final int MAX_LENGTH = 254;
	private static final Pattern SHAPE = Pattern
			.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

	private EmailAddress() {
	}

	public static boolean isWellFormed(String address) {
		return address != null && address.length() <= MAX_LENGTH && SHAPE.matcher(address).matches()
				&& !address.startsWith(".") && !address.contains("..") && !address.contains(".@");
	}
}
