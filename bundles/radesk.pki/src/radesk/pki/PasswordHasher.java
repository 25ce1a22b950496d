package radesk.pki;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Website passwords as Argon2id (RFC 9106), stored in the PHC string form
 * {@code $argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>}, so stronger parameters can be adopted
 * later without breaking stored hashes.
 */
public final class PasswordHasher {

	private static final int MEMORY_KIB = 64 * 1024;
	private static final int ITERATIONS = 3;
	private static final int PARALLELISM = 1;
	private static final int HASH_BYTES = 32;
	private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
	private static final Base64.Decoder B64D = Base64.getDecoder();

	/**
	 * Every Argon2 computation of the process, whoever asks (log-ins, password changes, staff
	 * accounts, registrations), waits for one of these permits: at most one per core, and never more
	 * than a quarter of the heap in 64 MiB blocks, so no flood of hashing requests can exhaust the
	 * memory (security review H4).
	 */
	static final int CONCURRENT = Math.max(1, (int) Math.min(Runtime.getRuntime().availableProcessors(),
			Runtime.getRuntime().maxMemory() / 4 / (MEMORY_KIB * 1024L + (8L << 20))));
	private static final java.util.concurrent.Semaphore PERMITS = new java.util.concurrent.Semaphore(CONCURRENT, true);

	private final SecureRandom random;

	public PasswordHasher(SecureRandom random) {
		this.random = random;
	}

	public String hash(char[] password) {
		byte[] salt = new byte[16];
		random.nextBytes(salt);
		byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
		return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
				+ "$" + B64.encodeToString(hash);
	}

	/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
	public static boolean matches(char[] password, String stored) {
		String[] parts = stored == null ? new String[0] : stored.split("\\$");
		if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
			return false;
		}
		try {
			int m = 0;
			int t = 0;
			int p = 0;
			for (String kv : parts[3].split(",")) {
				String[] pair = kv.split("=");
				int value = Integer.parseInt(pair[1]);
				switch (pair[0]) {
				case "m" -> m = value;
				case "t" -> t = value;
				case "p" -> p = value;
				default -> {
					return false;
				}
				}
			}
			byte[] salt = B64D.decode(parts[4]);
			byte[] expected = B64D.decode(parts[5]);
			return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
		} catch (RuntimeException e) {
			return false;
		}
	}

	private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
		if (memoryKib > MEMORY_KIB * 4 || iterations > 10 || parallelism > 4 || length > 64) {
			throw new IllegalArgumentException("Argon2 parameters beyond what RA Desk ever stored");
		}
		PERMITS.acquireUninterruptibly();
		try {
			return deriveNow(password, salt, memoryKib, iterations, parallelism, length);
		} finally {
			PERMITS.release();
		}
	}

	private static byte[] deriveNow(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
				.withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).withSalt(salt).build());
		java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
		byte[] utf8 = new byte[encoded.remaining()];
		encoded.get(utf8);
		byte[] out = new byte[length];
		try {
			generator.generateBytes(utf8, out);
		} finally {
			Arrays.fill(utf8, (byte) 0);
			if (encoded.hasArray()) {
				Arrays.fill(encoded.array(), (byte) 0);
			}
		}
		return out;
	}
}
