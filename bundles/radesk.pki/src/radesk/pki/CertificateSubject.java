package radesk.pki;

/**
 * Whom a subscriber certificate names, taken from the RA's records (never from the request).
 * {@code pseudonym} stands for the person in the certificate: the national ID never appears in it.
 */
public record CertificateSubject(String name, String raUnit, String email, String pseudonym) {

	public CertificateSubject {
		if (name == null || name.isBlank() || pseudonym == null || pseudonym.isBlank()) {
			throw new IllegalArgumentException("a certificate needs a name and a pseudonym");
		}
	}
}
