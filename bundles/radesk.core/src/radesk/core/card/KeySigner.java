package radesk.core.card;

/**
 * Signs with a key the caller cannot see, such as a private key on a smart card: the seam
 * between the card layer (which holds the key) and the PKI layer (which builds what is signed).
 */
@FunctionalInterface
public interface KeySigner {

	/** The signature over {@code data} in the JCA form of {@code algorithm} (e.g. SHA256withECDSA). */
	byte[] sign(String algorithm, byte[] data) throws Exception;
}
