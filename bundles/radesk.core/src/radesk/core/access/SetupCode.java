package radesk.core.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;

/**
 * The one-time code that creates an RA server's first administrator: made at the server's start
 * while it has none, shown only on the server's own host, good once and for {@link #LIFE}. Never
 * a network call without it (security review M2): whoever reaches the port first does not become
 * the administrator. 16 characters from 31 that cannot be mistaken for each other (about 79 bits),
 * shown in groups of four; the RA keeps only its SHA-256.
 */
public final class SetupCode {

	public static final Duration LIFE = Duration.ofHours(24);
	private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
	private static final int LENGTH = 16;

	private SetupCode() {
	}

	/** A new code, e.g. {@code 7KQ4-M9TX-3HPA-W2ZD}; the caller wipes it once shown. */
	public static char[] next(SecureRandom random) {
		char[] code = new char[LENGTH + LENGTH / 4 - 1];
		for (int i = 0, j = 0; i < LENGTH; i++) {
			if (i > 0 && i % 4 == 0) {
				code[j++] = '-';
			}
			code[j++] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return code;
	}

	/**
	 * The hash the RA keeps, of the code as typed: case, spaces and dashes do not matter. Null for
	 * anything that cannot be a code (so it matches nothing).
	 */
	public static String hash(String typed) {
		if (typed == null) {
			return null;
		}
		StringBuilder plain = new StringBuilder(LENGTH);
		for (char ch : typed.toCharArray()) {
			if (ch != '-' && ch != ' ') {
				plain.append(Character.toUpperCase(ch));
			}
		}
		if (plain.length() != LENGTH) {
			return null;
		}
		ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(plain));
		byte[] raw = Arrays.copyOf(bytes.array(), bytes.limit());
		try {
			return radesk.core.Sha256.hex(raw);
		} finally {
			Arrays.fill(raw, (byte) 0);
			Arrays.fill(bytes.array(), (byte) 0);
		}
	}
}
