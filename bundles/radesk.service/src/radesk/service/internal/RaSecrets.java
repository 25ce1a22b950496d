package radesk.service.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The RA's own secret: seals the cards' SO PINs (AES-256-GCM, the card serial as associated
 * data, so a sealed PIN cannot be moved to another card's row) and derives the pseudonym that
 * stands for a person in certificates (HMAC-SHA256 of the ID number). For the demo the key lives
 * in the data folder, readable by the owner only; a production RA keeps it in its HSM.
 */
final class RaSecrets {

	private final byte[] sealKey;
	private final byte[] pseudonymKey;
	private final SecureRandom random;

	private RaSecrets(byte[] key, SecureRandom random) {
		this.sealKey = Arrays.copyOfRange(key, 0, 32);
		this.pseudonymKey = Arrays.copyOfRange(key, 32, 64);
		this.random = random;
	}

	static RaSecrets openOrCreate(Path folder, SecureRandom random) throws IOException {
		Path file = folder.resolve("ra.key");
		if (!Files.exists(file)) {
			Files.createDirectories(folder);
			byte[] key = new byte[64];
			random.nextBytes(key);
			Path staging = Files.createTempFile(folder, ".ra-", ".key");
			ownerOnly(staging);
			Files.write(staging, key);
			Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE);
		}
		return new RaSecrets(Files.readAllBytes(file), random);
	}

	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// Windows: %APPDATA% is private to the user
		}
	}

	byte[] seal(char[] secret, String boundTo) throws GeneralSecurityException {
		byte[] iv = new byte[12];
		random.nextBytes(iv);
		Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
		gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(sealKey, "AES"), new GCMParameterSpec(128, iv));
		gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
		ByteBuffer plain = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(secret));
		byte[] bytes = new byte[plain.remaining()];
		plain.get(bytes);
		try {
			byte[] sealed = gcm.doFinal(bytes);
			return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
		} finally {
			Arrays.fill(bytes, (byte) 0);
		}
	}

	char[] unseal(byte[] sealed, String boundTo) throws GeneralSecurityException {
		Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
		gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(sealKey, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
		gcm.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
		byte[] plain = gcm.doFinal(sealed, 12, sealed.length - 12);
		try {
			java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
			char[] out = new char[chars.remaining()];
			chars.get(out);
			return out;
		} finally {
			Arrays.fill(plain, (byte) 0);
		}
	}

	/** Stable per person, meaningless outside the RA: what certificates carry instead of the ID number. */
	String pseudonym(String nationalId) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
		return "P" + HexFormat.of().withUpperCase().formatHex(mac.doFinal(nationalId.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}
}
