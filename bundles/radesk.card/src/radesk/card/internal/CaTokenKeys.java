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

/**
 * The CA's keys on the RA's own token, through the card layer's module and sessions. The token is
 * made on the module's blank slot the first time (SoftHSM2 always offers one), labelled
 * {@value CaToken#LABEL} and a random suffix (so several data folders never share one), with a random
 * SO PIN and user PIN of 32 characters each, kept owner-only in {@code <folder>/token.pins} with
 * the label — the PINs, never a key: the key pairs are generated on the token, sensitive and not
 * extractable. With an HSM, its operator makes the token and writes {@code label=} and
 * {@code user=} into that file. One session stays logged in; a module restart (a card reader
 * rescan) ends it, and the next use opens another.
 */
final class CaTokenKeys {

	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
	private final Pkcs11Module module;
	private final SecureRandom random;
	private final Path pins;
	/** The sessions that sign in parallel. */
	final CaTokenSigners signers;
	private Pkcs11CardSession open;
	private int openGeneration;
	/** Read from the PIN file once it exists: every card list asks for it. */
	private String label;

	CaTokenKeys(Pkcs11Module module, SecureRandom random, Path folder) {
		this.module = module;
		this.random = random;
		this.pins = folder.resolve("token.pins");
		this.signers = new CaTokenSigners(module);
	}

	/**
	 * The label of this data folder's CA token when it was made on {@code on}, null otherwise: a card
	 * list that misses it knows the module lost track of it (SoftHSM2 keeps a token whose folder went
	 * away and came back broken until the module starts afresh).
	 */
	String labelOn(Pkcs11Module on) {
		if (on != module || label == null && !Files.exists(pins)) {
			return null;
		}
		try {
			return label();
		} catch (IOException e) {
			return null;
		}
	}

	String location() {
		String shown;
		try {
			shown = Files.exists(pins) ? label() : CaToken.LABEL + "-…";
		} catch (IOException e) {
			shown = CaToken.LABEL + "-?";
		}
		return module.path() + ", token " + shown;
	}

	PublicKey key(CaToken.Key which, boolean create) throws CardAccessException, IOException {
		return attempt(create, card -> card.keyWithId(id(which), create).orElseThrow(() -> missing(which)).publicKey());
	}

	byte[] sign(CaToken.Key which, byte[] data) throws CardAccessException, IOException {
		return attempt(false, card -> {
			CardKey key = card.keyWithId(id(which), false).orElseThrow(() -> missing(which));
			return card.sign(key, "SHA256withECDSA", data);
		});
	}

	/** A new signing session on the token, its login made first if need be; the caller holds the card layer's lock. */
	CaTokenSigners.Signer newSigner() throws CardAccessException, IOException {
		return attempt(false, card -> {
			int generation = module.generation();
			return new CaTokenSigners.Signer(Session.open(module, module.slotOfCard(label)), generation);
		});
	}

	private interface Work<T> {
		T on(Pkcs11CardSession card) throws CardAccessException;
	}

	private <T> T attempt(boolean create, Work<T> work) throws CardAccessException, IOException {
		for (int round = 0;; round++) {
			try {
				return work.on(session(create));
			} catch (CardAccessException e) {
				drop();
				// a wrong or locked PIN is never tried again: an HSM would lock its user PIN after a few tries
				if (e.reason() == Reason.KEY_NOT_ON_CARD || e.reason() == Reason.WRONG_PIN || e.reason() == Reason.PIN_LOCKED
						|| round == 2 || round == 1 && module.openSessions() > 0) {
					throw e;
				}
				// the session ended under us (the token was reset, the module restarted): once more on a new one;
				// still not there with no card in use, the module lost the token (SoftHSM2 keeps a token whose folder
				// went away and came back broken until it starts afresh): started afresh, as a reader rescan does
				if (round == 1) {
					module.restart();
				}
			}
		}
	}

	static byte[] id(CaToken.Key which) {
		return which.id().getBytes(StandardCharsets.US_ASCII);
	}

	static CardAccessException missing(CaToken.Key which) {
		return new CardAccessException(Reason.KEY_NOT_ON_CARD, "the CA's token holds no " + which.id() + " key", null);
	}

	private void drop() {
		signers.close();
		if (open != null) {
			if (openGeneration != module.generation()) {
				open.abandon(); // ended by the module's restart: its handle number may be another session's now
			} else {
				try {
					open.close();
				} catch (RuntimeException e) {
					// the token went away with it
				}
			}
			open = null;
		}
	}

	/** The logged-in session on the token; the token made first when {@code create} and there is none. */
	private Pkcs11CardSession session(boolean create) throws CardAccessException, IOException {
		if (open != null && openGeneration == module.generation()) {
			return open;
		}
		drop();
		int generation = module.generation();
		NativeLong slot;
		try {
			slot = module.slotOfCard(label());
		} catch (CardAccessException | IOException none) {
			if (!create) {
				throw none;
			}
			slot = make();
		}
		char[] pin = pin("user");
		Session s = Session.open(module, slot);
		try {
			s.login(Cryptoki.CKU_USER, pin);
			open = new Pkcs11CardSession(label(), s, random, module);
			openGeneration = generation;
			return open;
		} catch (CardAccessException | RuntimeException e) {
			s.close();
			throw e;
		} finally {
			Arrays.fill(pin, '\0');
		}
	}

	/** Initializes the blank slot as the CA's token; label and PINs are written (owner-only) before the token is made. */
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
			throw new CardAccessException(Reason.NOT_BLANK, "no blank token for the CA's keys in " + module.path(), null);
		}
		if (!Files.exists(pins)) {
			Files.createDirectories(pins.getParent());
			Path staged = Files.createTempFile(pins.getParent(), ".pins-", ".tmp");
			try {
				Files.setPosixFilePermissions(staged, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
			} catch (UnsupportedOperationException e) {
				// not POSIX: the data folder's own permissions apply
			}
			Files.writeString(staged, "label=" + CaToken.LABEL + "-" + new String(random(10)) + "\nso=" + new String(random(32))
					+ "\nuser=" + new String(random(32)) + "\n", StandardCharsets.US_ASCII);
			Files.move(staged, pins, StandardCopyOption.ATOMIC_MOVE);
		}
		char[] so = pin("so");
		char[] user = pin("user");
		byte[] soBytes = Session.utf8(so);
		try {
			Pkcs11Module.check(module.api().C_InitToken(blank, soBytes, new NativeLong(soBytes.length), Pkcs11Cards.label(label())),
					"C_InitToken");
			// SoftHSM2 gives an initialized token a slot number of its own: found again by its label
			NativeLong slot = module.slotOfCard(label());
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

	/** The token's label as the PIN file names it (a file from before labels had suffixes: the bare label); read once. */
	private String label() throws IOException {
		if (label == null) {
			String named = value("label");
			label = named == null ? CaToken.LABEL : named;
		}
		return label;
	}

	private char[] pin(String which) throws IOException {
		String pin = value(which);
		if (pin == null) {
			throw new IOException(pins + " holds no " + which + " PIN");
		}
		return pin.toCharArray();
	}

	private String value(String name) throws IOException {
		if (!Files.exists(pins)) {
			throw new IOException("no " + pins + ": the CA's token was never made for this data folder");
		}
		for (String line : Files.readAllLines(pins, StandardCharsets.US_ASCII)) {
			if (line.startsWith(name + "=")) {
				return line.substring(name.length() + 1);
			}
		}
		return null;
	}

	private char[] random(int length) {
		char[] out = new char[length];
		for (int i = 0; i < length; i++) {
			out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return out;
	}
}
