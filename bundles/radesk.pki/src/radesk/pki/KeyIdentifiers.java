package radesk.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;

import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Subject and authority key identifiers as RFC 5280 4.2.1.2 (1) makes them — the SHA-1 of the key's
 * subjectPublicKey bits, as Bouncy Castle's extension utilities do — but safe from any number of
 * threads at once (those utilities share one digest).
 */
final class KeyIdentifiers {

	private KeyIdentifiers() {
	}

	static SubjectKeyIdentifier subject(PublicKey key) {
		return new SubjectKeyIdentifier(sha1(key));
	}

	static AuthorityKeyIdentifier authority(PublicKey issuerKey) {
		return new AuthorityKeyIdentifier(sha1(issuerKey));
	}

	private static byte[] sha1(PublicKey key) {
		byte[] bits = SubjectPublicKeyInfo.getInstance(key.getEncoded()).getPublicKeyData().getBytes();
		try {
			return MessageDigest.getInstance("SHA-1").digest(bits);
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("no SHA-1 for key identifiers", e);
		}
	}
}
