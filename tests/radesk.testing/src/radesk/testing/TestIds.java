package radesk.testing;

import java.security.SecureRandom;

/**
 * Valid, random national ID numbers for tests that must not collide (the RA refuses a second
 * registration of one number). The check digit is computed the way the ID card office does.
 */
public final class TestIds {

	private static final int[] AREA = { 10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28,
			29, 32, 30, 31, 33 };
	private static final SecureRandom RANDOM = new SecureRandom();

	private TestIds() {
	}

	public static String nationalId() {
		int letter = RANDOM.nextInt(26);
		int[] d = new int[8];
		d[0] = 1 + RANDOM.nextInt(2);
		for (int i = 1; i < 8; i++) {
			d[i] = RANDOM.nextInt(10);
		}
		int sum = AREA[letter] / 10 + AREA[letter] % 10 * 9;
		for (int i = 0; i < 8; i++) {
			sum += d[i] * (8 - i);
		}
		int check = (10 - sum % 10) % 10;
		StringBuilder id = new StringBuilder().append((char) ('A' + letter));
		for (int x : d) {
			id.append(x);
		}
		return id.append(check).toString();
	}
}
