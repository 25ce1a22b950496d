package radesk.core.ca;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

/**
 * The CA's private keys on a PKCS#11 token of the RA's own (a SoftHSM2 token made for the data
 * folder by default; an HSM by configuring {@code radesk.ca.pkcs11.module}): made there, marked
 * sensitive and not extractable, so no file on disk ever holds them. Two keys, each by its
 * {@link Key role}: the issuing CA's (subscribers' and staff certificates, CRLs) and the TLS CA's
 * (the RA server's own TLS certificate). The root's key is never on it (see {@code CaCeremony}).
 */
public interface CaToken {

	/** Labels of the RA's CA tokens begin so; the card layer never lists such a token as a card. */
	String LABEL = "RADESK-CA";

	/** Which of the CA's keys. */
	enum Key {
		ISSUING, TLS;

		/** The key's CKA_ID and CKA_LABEL on the token. */
		public String id() {
			return "radesk-ca-" + name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** The key's public half; with {@code create}, the key pair (EC P-256) is made on the token first when it has none. */
	PublicKey key(Key key, boolean create) throws GeneralSecurityException;

	/** A SHA256withECDSA signature (DER, as X.509 and CRLs carry it) over {@code data} by that key. */
	byte[] sign(Key key, byte[] data) throws GeneralSecurityException;

	/** Which module and token, for people and logs. */
	String location();
}
