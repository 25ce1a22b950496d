package radesk.card.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import com.sun.jna.NativeLong;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.card.CardKey;
import radesk.core.ca.CaToken;
import radesk.core.card.KeyKind;

/**
 * The issuing CA's key on the RA's own token ({@link CaToken#LABEL}), through the card layer's
 * module and sessions. The token is made on the module's blank slot the first time (SoftHSM2 always
 * offers one) with a random SO PIN and user PIN of 32 characters each, kept owner-only in
 * {@code <folder>/token.pins} — the PINs, never the key: the key pair is generated on the token,
 * sensitive and not extractable. One EC P-256 key pair on the token is the issuing key.
 */
final class CaTokenKeys {

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
	private final Pkcs11Module module;
	private final SecureRandom random;
	private final Path pins;

	CaTokenKeys(Pkcs11Module module, SecureRandom random, Path folder) {
		this.module = module;
		this.random = random;
		this.pins = folder.resolve("token.pins");
	}

	PublicKey issuingKey(boolean create) throws CardAccessException, IOException {
		try (Pkcs11CardSession card = open(create)) {
			Optional<CardKey> key = key(card);
			if (key.isPresent()) {
				return key.get().publicKey();
			}
			if (!create) {
				throw new CardAccessException(Reason.KEY_NOT_ON_CARD, "the CA's token " + CaToken.LABEL + " holds no issuing key", null);
			}
			return card.generateKey(KeyKind.EC_P256).publicKey();
		}
	}

	byte[] sign(byte[] data) throws CardAccessException, IOException {
		try (Pkcs11CardSession card = open(false)) {
			CardKey key = key(card).orElseThrow(
					() -> new CardAccessException(Reason.KEY_NOT_ON_CARD, "the CA's token " + CaToken.LABEL + " holds no issuing key", null));
			return card.sign(key, "SHA256withECDSA", data);
		}
	}

	private static Optional<CardKey> key(Pkcs11CardSession card) throws CardAccessException {
		return card.keys().stream().filter(k -> k.kind() == KeyKind.EC_P256).findFirst();
	}

	/** A session on the token, logged in as its user; the token made first when {@code create} and there is none. */
	private Pkcs11CardSession open(boolean create) throws CardAccessException, IOException {
		NativeLong slot;
		try {
			slot = module.slotOfCard(CaToken.LABEL);
		} catch (CardAccessException none) {
			if (!create) {
				throw none;
			}
			slot = make();
		}
		char[] pin = pin("user");
		Session s = Session.open(module, slot);
		try {
			s.login(Cryptoki.CKU_USER, pin);
			return new Pkcs11CardSession(CaToken.LABEL, s, random, module);
		} catch (CardAccessException | RuntimeException e) {
			s.close();
			throw e;
		} finally {
			Arrays.fill(pin, '\0');
		}
	}

	/** Initializes the blank slot as the CA's token; the PINs are written (owner-only) before the token is made. */
	private NativeLong make() throws CardAccessException, IOException {
		NativeLong blank = null;
		for (NativeLong slot : module.slotIds()) {
			Optional<Cryptoki.TokenInfo> t = module.token(slot);
			if (t.isPresent() && (t.get().flags.longValue() & Cryptoki.CKF_TOKEN_INITIALIZED) == 0) {
				blank = slot;
				break;
			}
		}
		if (blank == null) {
			throw new CardAccessException(Reason.NOT_BLANK, "no blank token for the CA's key in " + module.path(), null);
		}
		if (!Files.exists(pins)) {
			Files.createDirectories(pins.getParent());
			Path staged = Files.createTempFile(pins.getParent(), ".pins-", ".tmp");
			try {
				Files.setPosixFilePermissions(staged, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
			} catch (UnsupportedOperationException e) {
				// not POSIX: the data folder's own permissions apply
			}
			Files.writeString(staged, "so=" + new String(random(32)) + "\nuser=" + new String(random(32)) + "\n", StandardCharsets.US_ASCII);
			Files.move(staged, pins, StandardCopyOption.ATOMIC_MOVE);
		}
		char[] so = pin("so");
		char[] user = pin("user");
		byte[] soBytes = Session.utf8(so);
		try {
			Pkcs11Module.check(module.api().C_InitToken(blank, soBytes, new NativeLong(soBytes.length), Pkcs11Cards.label(CaToken.LABEL)),
					"C_InitToken");
			// SoftHSM2 gives an initialized token a slot number of its own: found again by its label
			NativeLong slot = module.slotOfCard(CaToken.LABEL);
			try (Session s = Session.open(module, slot)) {
				s.login(Cryptoki.CKU_SO, so);
				s.initPin(user);
			}
			return slot;
		} finally {
			Arrays.fill(soBytes, (byte) 0);
			Arrays.fill(so, '\0');
			Arrays.fill(user, '\0');
		}
	}

	private char[] pin(String which) throws IOException {
		for (String line : Files.readAllLines(pins, StandardCharsets.US_ASCII)) {
			if (line.startsWith(which + "=")) {
				return line.substring(which.length() + 1).toCharArray();
			}
		}
		throw new IOException(pins + " holds no " + which + " PIN");
	}

	private char[] random(int length) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return out;
	}
}
