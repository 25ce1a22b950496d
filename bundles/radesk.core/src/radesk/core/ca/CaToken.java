package radesk.core.ca;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

/**
 * The issuing CA's private key on a PKCS#11 token of the RA's own (a SoftHSM2 token labelled
 * {@value #LABEL} by default; an HSM by configuring the card layer's module): made there, marked
 * sensitive and not extractable, so no file on disk ever holds it. The CA signs certificates and
 * CRLs through {@link #sign}.
 */
public interface CaToken {

	/** The token's label; the card layer never lists it as a card. */
	String LABEL = "RADESK-CA";

	/** The issuing key's public half; with {@code create}, the key pair (EC P-256) is made on the token first when it has none. */
	PublicKey issuingKey(boolean create) throws GeneralSecurityException;

	/** A SHA256withECDSA signature (DER, as X.509 and CRLs carry it) over {@code data} by the issuing key. */
	byte[] sign(byte[] data) throws GeneralSecurityException;

	/** Which module and token, for people and logs. */
	String location();
}
