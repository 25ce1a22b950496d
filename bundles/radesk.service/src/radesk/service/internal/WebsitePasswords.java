package radesk.service.internal;

import java.security.SecureRandom;

import radesk.core.account.PasswordPolicy;

/** New website passwords for the slip: 12 characters without look-alikes, always within the policy. */
final class WebsitePasswords {

	private static final char[] LETTERS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
	private static final char[] DIGITS = "23456789".toCharArray();

	private WebsitePasswords() {
	}

	static char[] next(SecureRandom random) {
		while (true) {
			char[] p = new char[12];
			for (int i = 0; i < p.length; i++) {
				char[] from = random.nextInt(3) == 0 ? DIGITS : LETTERS;
				p[i] = from[random.nextInt(from.length)];
			}
			if (PasswordPolicy.check(p, null).isEmpty()) {
				return p;
			}
		}
	}
}
