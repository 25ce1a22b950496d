package radesk.pki;

/** Why a certificate request (PKCS#10) was refused. */
public enum CsrProblem {
	/** Not a PKCS#10 structure, or not one we can read. */
	MALFORMED,
	/** Larger than any honest request for a card key. */
	OVERSIZED,
	/** Its signature does not verify with its own key: no proof that the requester holds the key. */
	BAD_SIGNATURE,
	/** RSA shorter than 2048 bits. */
	WEAK_KEY,
	/** A key type or curve the profile does not allow (only RSA ≥ 2048, EC P-256 and P-384). */
	UNSUPPORTED_KEY
}
