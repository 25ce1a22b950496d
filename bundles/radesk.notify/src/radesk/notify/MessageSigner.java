package radesk.notify;

/**
 * Signs a notice: the detached CMS signature (DER) over the exact bytes of the message's first
 * part, as S/MIME's multipart/signed carries it. The RA's notice-signing key lives with the
 * service (radesk.pki makes the signature); this bundle only assembles the mail.
 */
@FunctionalInterface
public interface MessageSigner {

	/** The signature of {@code sender}'s notices (the RA's certificate names that address). */
	byte[] sign(byte[] content, String sender) throws java.security.GeneralSecurityException;

	/** The digest named in multipart/signed's micalg parameter. */
	default String micalg() {
		return "sha-256";
	}
}
