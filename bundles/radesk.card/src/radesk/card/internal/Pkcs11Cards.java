package radesk.card.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.NativeLong;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.card.CardModule;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.account.Strikes;
import radesk.core.card.Pins;

/** Readers and cards through the module's C API (SoftHSM2 by default, OpenSC for real cards). */
@Component(service = { CardReaders.class, CardTerminal.class, radesk.core.ca.CaToken.class }, immediate = true)
public final class Pkcs11Cards implements CardReaders, CardTerminal, radesk.core.ca.CaToken {

	/** The strike counter lives on the card as a public data object, so it travels with the card. */
	static final String STRIKES = "radesk.pin-strikes";

	private final Pkcs11Module module;
	private final SecureRandom random = new SecureRandom();

	@Activate
	public Pkcs11Cards() {
		this.module = new Pkcs11Module(CardModule.path());
	}

	@Override
	public String module() {
		return module.path();
	}

	@Override
	public synchronized List<CardSlot> slots() throws CardAccessException {
		List<CardSlot> slots = new ArrayList<>();
		boolean unreadable = list(slots);
		if (unreadable) {
			// a card the module lost track of (pulled and put back): start the module afresh and look again
			module.restart();
			slots.clear();
			list(slots);
		}
		return slots;
	}

	@Override
	public synchronized List<CardSlot> rescan() throws CardAccessException {
		module.restart();
		return slots();
	}

	/** Lists the slots into {@code slots}; tells whether a card in one of them (or the CA's token) could not be read. */
	private boolean list(List<CardSlot> slots) throws CardAccessException {
		boolean unreadable = false;
		String ca = caKeys().labelOn(module);
		boolean caSeen = false;
		for (NativeLong id : module.slotIds()) {
			Cryptoki.SlotInfo slot = new Cryptoki.SlotInfo();
			Pkcs11Module.check(module.api().C_GetSlotInfo(id, slot), "C_GetSlotInfo");
			String reader = Cryptoki.text(slot.slotDescription);
			Optional<Cryptoki.TokenInfo> token;
			try {
				token = (slot.flags.longValue() & Cryptoki.CKF_TOKEN_PRESENT) == 0 ? Optional.empty() : module.token(id);
			} catch (CardAccessException e) {
				// one card that cannot be read must not hide the others: shown as no card this time
				token = Optional.empty();
				unreadable = true;
			}
			if (token.isPresent() && Cryptoki.text(token.get().label).startsWith(LABEL)) {
				caSeen |= Cryptoki.text(token.get().label).equals(ca);
				continue; // the CA's own token is no card
			}
			slots.add(token.map(t -> new CardSlot(id.longValue(), reader, true,
					(t.flags.longValue() & Cryptoki.CKF_TOKEN_INITIALIZED) != 0, Cryptoki.text(t.label),
					Cryptoki.text(t.serialNumber))).orElse(new CardSlot(id.longValue(), reader, false, false, "", "")));
		}
		// the CA's token made here but missing from the list: the module lost track of it, like a card it cannot read
		return unreadable || ca != null && !caSeen;
	}

	@Override
	public synchronized void personalize(long slotId, String cardSerial, char[] soPin, char[] userPin)
			throws CardAccessException {
		requireValidPin(userPin, "user PIN");
		NativeLong slot = new NativeLong(slotId);
		Cryptoki.TokenInfo token = module.token(slot)
				.orElseThrow(() -> new CardAccessException(Reason.CARD_REMOVED, "no card in slot " + slotId, null));
		boolean initialized = (token.flags.longValue() & Cryptoki.CKF_TOKEN_INITIALIZED) != 0;
		if (initialized && !Cryptoki.text(token.label).equals(cardSerial)) {
			throw new CardAccessException(Reason.NOT_BLANK, "slot " + slotId + " holds card '" + Cryptoki.text(token.label) + "'", null);
		}
		if (!initialized) {
			byte[] so = Session.utf8(soPin);
			try {
				Pkcs11Module.check(module.api().C_InitToken(slot, so, new NativeLong(so.length), label(cardSerial)), "C_InitToken");
			} finally {
				Arrays.fill(so, (byte) 0);
			}
		}
		// SoftHSM2 gives an initialized token a new slot number: find the card again by its label
		setUserPin(module.slotOfCard(cardSerial), soPin, userPin);
	}

	/** As the security officer: a new user PIN, and no strikes against it. */
	private void setUserPin(NativeLong slot, char[] soPin, char[] userPin) throws CardAccessException {
		try (Session s = Session.open(module, slot)) {
			s.login(Cryptoki.CKU_SO, soPin);
			s.initPin(userPin);
		}
		try (Session s = Session.open(module, slot)) {
			s.writeData(STRIKES, new byte[] { 0 });
		}
	}

	private static void requireValidPin(char[] pin, String which) throws CardAccessException {
		if (!Pins.isValidUserPin(pin)) {
			throw new CardAccessException(Reason.BAD_PIN, which, null);
		}
	}

	@Override
	public synchronized int verifyPin(String cardSerial, char[] pin) throws CardAccessException {
		NativeLong slot = module.slotOfCard(cardSerial);
		try (Session s = Session.open(module, slot)) {
			return loginCounted(slot, s, pin);
		}
	}

	/** Counts the try on the card first, then asks the card; a right PIN clears the count. */
	private int loginCounted(NativeLong slot, Session s, char[] pin) throws CardAccessException {
		Strikes before = strikesOn(s);
		Cryptoki.TokenInfo token = module.token(slot)
				.orElseThrow(() -> new CardAccessException(Reason.CARD_REMOVED, "card pulled", null));
		if (before.locked() || (token.flags.longValue() & Cryptoki.CKF_USER_PIN_LOCKED) != 0) {
			throw new CardAccessException(Reason.PIN_LOCKED, "card is locked", null, 0);
		}
		Strikes ifWrong = before.afterFailure();
		s.writeData(STRIKES, new byte[] { (byte) ifWrong.failures() });
		try {
			s.login(Cryptoki.CKU_USER, pin);
		} catch (CardAccessException e) {
			if (e.reason() == Reason.PIN_LOCKED) {
				s.writeData(STRIKES, new byte[] { (byte) Strikes.LIMIT });
				throw new CardAccessException(Reason.PIN_LOCKED, "the card locked itself", e, 0);
			}
			if (e.reason() == Reason.WRONG_PIN) {
				if (ifWrong.locked() || cardSays(slot, Cryptoki.CKF_USER_PIN_LOCKED)) {
					throw new CardAccessException(Reason.PIN_LOCKED, "third wrong PIN", e, 0);
				}
				// a real card may count fewer tries than we do: believe whichever is stricter
				int left = cardSays(slot, Cryptoki.CKF_USER_PIN_FINAL_TRY) ? Math.min(1, ifWrong.remaining()) : ifWrong.remaining();
				throw new CardAccessException(Reason.WRONG_PIN, "wrong PIN", e, left);
			}
			throw e;
		}
		s.writeData(STRIKES, new byte[] { 0 });
		return Strikes.LIMIT;
	}

	private boolean cardSays(NativeLong slot, long flag) throws CardAccessException {
		return module.token(slot).map(t -> (t.flags.longValue() & flag) != 0).orElse(false);
	}

	private static Strikes strikesOn(Session s) throws CardAccessException {
		int count = s.readData(STRIKES).filter(v -> v.length == 1).map(v -> (int) v[0]).orElse(0);
		return new Strikes(Math.max(0, Math.min(Strikes.LIMIT, count)));
	}

	@Override
	public synchronized void unlock(String cardSerial, char[] soPin, char[] newPin) throws CardAccessException {
		requireValidPin(newPin, "new PIN");
		setUserPin(module.slotOfCard(cardSerial), soPin, newPin);
	}

	@Override
	public synchronized void changePin(String cardSerial, char[] oldPin, char[] newPin) throws CardAccessException {
		requireValidPin(newPin, "new PIN");
		NativeLong slot = module.slotOfCard(cardSerial);
		try (Session s = Session.open(module, slot)) {
			loginCounted(slot, s, oldPin);
			s.setPin(oldPin, newPin);
		}
	}

	@Override
	public synchronized CardSession open(String cardSerial, char[] pin) throws CardAccessException {
		NativeLong slot = module.slotOfCard(cardSerial);
		Session s = Session.open(module, slot);
		try {
			loginCounted(slot, s, pin);
			return new Pkcs11CardSession(cardSerial, s, random, module);
		} catch (CardAccessException | RuntimeException e) {
			s.close();
			throw e;
		}
	}

	@Override
	public synchronized java.util.List<java.security.cert.X509Certificate> certificates(String cardSerial) throws CardAccessException {
		try (Session s = Session.open(module, module.slotOfCard(cardSerial))) {
			return Pkcs11CardSession.certificatesIn(s);
		}
	}

	@Override
	public synchronized int strikes(String cardSerial) throws CardAccessException {
		try (Session s = Session.open(module, module.slotOfCard(cardSerial))) {
			return strikesOn(s).failures();
		}
	}

	private CaTokenKeys caKeys;

	private CaTokenKeys caKeys() {
		if (caKeys == null) {
			// an HSM for the CA's keys by configuration; the card readers' module (SoftHSM2 by default) otherwise
			String hsm = System.getProperty("radesk.ca.pkcs11.module");
			caKeys = new CaTokenKeys(hsm == null || hsm.isBlank() || hsm.strip().equals(module.path()) ? module : new Pkcs11Module(hsm.strip()),
					random, radesk.core.DataFolder.resolve().resolve("ca"));
		}
		return caKeys;
	}

	@Override
	public synchronized java.security.PublicKey key(Key key, boolean create) throws java.security.GeneralSecurityException {
		try {
			return caKeys().key(key, create);
		} catch (CardAccessException | java.io.IOException e) {
			throw new java.security.GeneralSecurityException("the CA's token: " + e.getMessage(), e);
		}
	}

	/**
	 * Signs on the CA's token in a session of the calling thread's own (a pool of them), without the
	 * card layer's lock: the CA issues on all cores. A failed session is given up and the signature
	 * made the careful way, under the lock, which starts the module afresh when the token was lost.
	 */
	@Override
	public byte[] sign(Key key, byte[] data) throws java.security.GeneralSecurityException {
		CaTokenKeys keys;
		synchronized (this) {
			keys = caKeys();
		}
		try {
			CaTokenSigners.Signer signer = keys.signers.idle();
			if (signer == null) {
				synchronized (this) {
					signer = keys.newSigner();
				}
			}
			return keys.signers.sign(signer, key, data);
		} catch (CardAccessException | java.io.IOException parallel) {
			if (parallel instanceof CardAccessException e && (e.reason() == CardAccessException.Reason.WRONG_PIN
					|| e.reason() == CardAccessException.Reason.PIN_LOCKED)) {
				throw new java.security.GeneralSecurityException("the CA's token: " + e.getMessage(), e); // never a second try
			}
			System.getLogger(Pkcs11Cards.class.getName()).log(System.Logger.Level.WARNING,
					"a signing session of the CA's token failed (" + parallel.getMessage() + "): signed in the logged-in one instead");
			synchronized (this) {
				try {
					return caKeys().sign(key, data);
				} catch (CardAccessException | java.io.IOException e) {
					e.addSuppressed(parallel);
					throw new java.security.GeneralSecurityException("the CA's token: " + e.getMessage(), e);
				}
			}
		}
	}

	@Override
	public synchronized String location() {
		return caKeys().location();
	}

	/** PKCS#11 labels are 32 bytes, blank-padded. */
	static byte[] label(String text) throws CardAccessException {
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		if (utf8.length > 32) {
			throw new CardAccessException(Reason.MODULE_ERROR, "card serial longer than 32 bytes", null);
		}
		byte[] label = new byte[32];
		Arrays.fill(label, (byte) ' ');
		System.arraycopy(utf8, 0, label, 0, utf8.length);
		return label;
	}
}
