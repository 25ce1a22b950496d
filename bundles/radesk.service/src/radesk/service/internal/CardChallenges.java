package radesk.service.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.store.Challenges;
import radesk.store.Database;

/**
 * Challenges for a card to sign, proving the caller holds a key on the card (晶片卡登入, a
 * certificate taken by its card, a card-bound request). Each is 32 random bytes, good for one
 * attempt within two minutes, right or wrong. They are rows of the RA's database, so every server
 * of one RA knows them and a restart keeps them; the expired ones are swept as new ones are made.
 */
final class CardChallenges {

	static final Duration LIFE = Duration.ofMinutes(2);

	private final Database db;
	private final EmbeddedRa ra;

	CardChallenges(Database db, EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	byte[] issue() throws ServiceException {
		Instant now = ra.clock.instant();
		byte[] challenge = new byte[32];
		ra.random.nextBytes(challenge);
		ra.sweeps.due(db, "card challenges", c -> Challenges.sweep(c, now));
		db.inTransaction((Connection c) -> {
			Challenges.insert(c, HexFormat.of().formatHex(challenge), now.plus(LIFE));
			return null;
		});
		return challenge;
	}

	/** Uses the challenge up, whatever comes next: a replayed one never works twice. */
	void useUp(byte[] challenge) throws ServiceException {
		if (challenge == null || challenge.length != 32) {
			throw new ServiceException(Reason.CHALLENGE_INVALID, "ask for a new challenge");
		}
		Instant now = ra.clock.instant();
		if (!db.inTransaction((Connection c) -> Challenges.useUp(c, HexFormat.of().formatHex(challenge), now))) {
			throw new ServiceException(Reason.CHALLENGE_INVALID, "ask for a new challenge");
		}
	}

	/** Whether {@code signature} is the certificate key's signature over {@code data} (SHA-256, RSA or ECDSA). */
	static boolean signedBy(byte[] certificateDer, byte[] data, byte[] signature) {
		try {
			X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(certificateDer));
			return verifies(x509.getPublicKey(), data, signature);
		} catch (GeneralSecurityException e) {
			return false;
		}
	}

	/** Whether {@code signature} is the signature over {@code data} of the key whose SubjectPublicKeyInfo is {@code spki}. */
	static boolean signedByKey(byte[] spki, byte[] data, byte[] signature) {
		try {
			return verifies(publicKey(spki), data, signature);
		} catch (GeneralSecurityException e) {
			return false;
		}
	}

	static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
		GeneralSecurityException last = null;
		for (String algorithm : new String[] { "EC", "RSA" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(spki));
			} catch (GeneralSecurityException e) {
				last = e;
			}
		}
		throw last;
	}

	private static boolean verifies(PublicKey key, byte[] data, byte[] signature) throws GeneralSecurityException {
		if (signature == null || signature.length == 0 || signature.length > 1024) {
			return false;
		}
		Signature s = Signature.getInstance(key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
		s.initVerify(key);
		s.update(data);
		return s.verify(signature);
	}
}
