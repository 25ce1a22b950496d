package radesk.pki;

/** Why a certificate request (PKCS#10) was refused. */
public enum CsrProblem {
	/** Not a PKCS#10 structure, or not one we can read. */
	MALFORMED,
	/** Larger than any honest request for a card key. */
	OVERSIZED,
	/** Its signature does not verify with its own key: no proof that the requester holds the key. */
	BAD_SIGNATURE,
	/**
	 * A weak key: RSA shorter than 2048 bits or not a multiple of 8, an even or too small public
	 * exponent, a modulus with a small prime factor; an EC point not on its curve.
	 */
	WEAK_KEY,
	/** Signed with a digest no longer safe (SHA-1, MD5): only SHA-256, -384 and -512 are taken. */
	WEAK_SIGNATURE,
	/** A key type or curve the profile does not allow (only RSA ≥ 2048, EC P-256 and P-384). */
	UNSUPPORTED_KEY
}
