package radesk.card.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.ptr.NativeLongByReference;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.card.CardModule;

/**
 * One PKCS#11 module loaded into this process, initialized once. All calls of the card layer go
 * through here, so every return code is turned into a {@link CardAccessException} the same way.
 */
final class Pkcs11Module {

	private final String path;
	private Cryptoki cryptoki;
	private volatile int generation;

	Pkcs11Module(String path) {
		this.path = path;
	}

	private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

	/** Counts sessions opened ({@code +1}) and closed ({@code -1}). */
	void opened(int delta) {
		open.addAndGet(delta);
	}

	/** Sessions open on the module now: a restart would end them. */
	int openSessions() {
		return open.get();
	}

	/** Moves at every {@link #restart}: a session opened before it is gone. */
	int generation() {
		return generation;
	}

	String path() {
		return path;
	}

	synchronized Cryptoki api() throws CardAccessException {
		if (cryptoki != null) {
			return cryptoki;
		}
		if (!Files.isReadable(Path.of(path))) {
			throw new CardAccessException(Reason.MODULE_NOT_FOUND, path, null);
		}
		try {
			if (path.contains("softhsm")) {
				Environment.setIfAbsent("SOFTHSM2_CONF", CardModule.softHsmConfig().toString());
			}
			Cryptoki loaded = Native.load(path, Cryptoki.class);
			// CKF_OS_LOCKING_OK: the CA's token signs from several threads at once (with no arguments SoftHSM2
			// assumes one thread and turns its own locks off)
			Cryptoki.InitializeArgs args = new Cryptoki.InitializeArgs();
			args.flags = new NativeLong(Cryptoki.CKF_OS_LOCKING_OK);
			args.write();
			long rv = loaded.C_Initialize(args.getPointer()).longValue();
			if (rv != Cryptoki.CKR_OK && rv != Cryptoki.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
				throw new CardAccessException(Reason.MODULE_ERROR, "C_Initialize returned 0x" + Long.toHexString(rv), null);
			}
			cryptoki = loaded;
			return loaded;
		} catch (IOException | UnsatisfiedLinkError e) {
			throw new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		}
	}

	/**
	 * Starts the module afresh, as unplugging the reader and plugging it in again would: it forgets
	 * what it knew of every card (SoftHSM2 keeps a token it lost track of — a pulled card — broken
	 * until then) and finds the cards anew. Sessions open on it end.
	 */
	synchronized void restart() {
		lifecycle.writeLock().lock(); // no signature in flight on a module being finalized
		try {
			generation++;
			if (cryptoki != null) {
				cryptoki.C_Finalize(null);
				cryptoki = null;
			}
		} finally {
			lifecycle.writeLock().unlock();
		}
	}

	/** Held (shared) by calls made outside the card layer's lock: a {@link #restart} waits for them. */
	private final java.util.concurrent.locks.ReentrantReadWriteLock lifecycle = new java.util.concurrent.locks.ReentrantReadWriteLock();

	/** Runs {@code call} with the module kept alive; refused (MODULE_ERROR) once it restarted since {@code generation}. */
	<T> T whileAlive(int generation, java.util.concurrent.Callable<T> call) throws CardAccessException {
		lifecycle.readLock().lock();
		try {
			if (generation != generation()) {
				throw new CardAccessException(Reason.MODULE_ERROR, "the module restarted", null);
			}
			return call.call();
		} catch (CardAccessException e) {
			throw e;
		} catch (Exception e) {
			throw new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		} finally {
			lifecycle.readLock().unlock();
		}
	}

	List<NativeLong> slotIds() throws CardAccessException {
		Cryptoki ck = api();
		NativeLongByReference count = new NativeLongByReference();
		check(ck.C_GetSlotList((byte) 0, null, count), "C_GetSlotList");
		NativeLong[] ids = new NativeLong[count.getValue().intValue()];
		if (ids.length > 0) {
			check(ck.C_GetSlotList((byte) 0, ids, count), "C_GetSlotList");
		}
		List<NativeLong> slots = new ArrayList<>();
		for (int i = 0; i < count.getValue().intValue(); i++) {
			slots.add(ids[i]);
		}
		return slots;
	}

	/** The token in a slot, or empty when no card is in it. */
	java.util.Optional<Cryptoki.TokenInfo> token(NativeLong slot) throws CardAccessException {
		Cryptoki.TokenInfo info = new Cryptoki.TokenInfo();
		long rv = api().C_GetTokenInfo(slot, info).longValue();
		if (rv == Cryptoki.CKR_TOKEN_NOT_PRESENT || rv == Cryptoki.CKR_DEVICE_REMOVED) {
			return java.util.Optional.empty();
		}
		check(rv, "C_GetTokenInfo");
		return java.util.Optional.of(info);
	}

	/** The slot holding the initialized card with this label (RA Desk labels a card with its serial). */
	NativeLong slotOfCard(String label) throws CardAccessException {
		for (NativeLong slot : slotIds()) {
			java.util.Optional<Cryptoki.TokenInfo> t;
			try {
				t = token(slot);
			} catch (CardAccessException e) {
				// a token being pulled can answer with a general error (SoftHSM2 does): not ours to find
				continue;
			}
			if (t.isPresent() && (t.get().flags.longValue() & Cryptoki.CKF_TOKEN_INITIALIZED) != 0
					&& Cryptoki.text(t.get().label).equals(label)) {
				return slot;
			}
		}
		throw new CardAccessException(Reason.CARD_REMOVED, "card " + label + " is in no reader", null);
	}

	static void check(NativeLong rv, String call) throws CardAccessException {
		check(rv.longValue(), call);
	}

	static void check(long rv, String call) throws CardAccessException {
		if (rv == Cryptoki.CKR_OK) {
			return;
		}
		if (rv == Cryptoki.CKR_DEVICE_REMOVED || rv == Cryptoki.CKR_TOKEN_NOT_PRESENT
				|| rv == Cryptoki.CKR_SESSION_HANDLE_INVALID || rv == Cryptoki.CKR_SLOT_ID_INVALID) {
			throw new CardAccessException(Reason.CARD_REMOVED, call + " returned 0x" + Long.toHexString(rv), null);
		}
		if (rv == Cryptoki.CKR_PIN_LOCKED) {
			throw new CardAccessException(Reason.PIN_LOCKED, call, null);
		}
		if (rv == Cryptoki.CKR_PIN_INCORRECT) {
			throw new CardAccessException(Reason.WRONG_PIN, call, null);
		}
		throw new CardAccessException(Reason.MODULE_ERROR, call + " returned 0x" + Long.toHexString(rv), null);
	}
}
