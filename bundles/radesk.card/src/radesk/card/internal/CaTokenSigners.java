package radesk.card.internal;

import com.sun.jna.NativeLong;

import radesk.api.CardAccessException;
import radesk.api.CardAccessException.Reason;
import radesk.core.ca.CaToken;

/**
 * The CA token's signing sessions, one per thread that signs at once: the CA issues on all cores.
 * Each is a session of its own beside the logged-in one (PKCS#11 logs in the whole application, so
 * it needs no PIN), its keys' handles looked up once; signing through one needs none of the card
 * layer's lock, only the module kept from restarting meanwhile.
 */
final class CaTokenSigners {

	private final Pkcs11Module module;

	CaTokenSigners(Pkcs11Module module) {
		this.module = module;
	}

	/** A signing session and the handles of the keys it signed with. */
	static final class Signer {
		private final Session session;
		private final int generation;
		private final NativeLong[] keys = new NativeLong[CaToken.Key.values().length];

		Signer(Session session, int generation) {
			this.session = session;
			this.generation = generation;
		}
	}

	private final java.util.Deque<Signer> pool = new java.util.concurrent.ConcurrentLinkedDeque<>();

	/** A signer from the pool, or null when none is idle (then {@link CaTokenKeys#newSigner}, under the card layer's lock). */
	Signer idle() {
		Signer s = pool.poll();
		while (s != null && s.generation != module.generation()) {
			s.session.abandon();
			s = pool.poll();
		}
		return s;
	}

	/**
	 * Signs with {@code signer}'s session (outside the card layer's lock, the module kept from
	 * restarting meanwhile) and returns it to the pool; a signer that failed is closed, not returned.
	 */
	byte[] sign(Signer signer, CaToken.Key which, byte[] data) throws CardAccessException {
		boolean ok = false;
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(data);
			byte[] raw = module.whileAlive(signer.generation, () -> {
				NativeLong key = signer.keys[which.ordinal()];
				if (key == null) {
					java.util.List<NativeLong> found = signer.session.find(new Template().ulong(Cryptoki.CKA_CLASS, Cryptoki.CKO_PRIVATE_KEY)
							.bytes(Cryptoki.CKA_ID, CaTokenKeys.id(which)), 2);
					if (found.size() != 1) {
						throw CaTokenKeys.missing(which);
					}
					key = found.get(0);
					signer.keys[which.ordinal()] = key;
				}
				return signer.session.sign(key, Cryptoki.CKM_ECDSA, digest);
			});
			ok = true;
			return CardKeyCodec.ecdsaToDer(raw);
		} catch (java.security.NoSuchAlgorithmException e) {
			throw new CardAccessException(Reason.MODULE_ERROR, e.getMessage(), e);
		} finally {
			if (ok) {
				pool.push(signer);
			} else {
				try {
					module.whileAlive(signer.generation, () -> {
						signer.session.close();
						return null;
					});
				} catch (CardAccessException gone) {
					signer.session.abandon(); // the module restarted: the session ended with it
				}
			}
		}
	}

	/** Closes the idle signers (their sessions would keep a token the module lost from being found again). */
	void close() {
		for (Signer s = pool.poll(); s != null; s = pool.poll()) {
			s.session.close();
		}
	}

}
