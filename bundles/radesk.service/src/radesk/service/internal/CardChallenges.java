package radesk.service.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;

/**
 * Challenges for a card to sign, proving the caller holds a certificate's key (晶片卡登入, and the
 * confirmation that a certificate reached its card). Each is 32 random bytes, good for one
 * attempt within two minutes, right or wrong.
 */
final class CardChallenges {

	static final Duration LIFE = Duration.ofMinutes(2);

	private final Map<String, Instant> open = new ConcurrentHashMap<>();
	private final SecureRandom random;
	private final Clock clock;

	CardChallenges(SecureRandom random, Clock clock) {
		this.random = random;
		this.clock = clock;
	}

	byte[] issue() {
		Instant now = clock.instant();
		open.values().removeIf(until -> until.isBefore(now));
		byte[] challenge = new byte[32];
		random.nextBytes(challenge);
		open.put(HexFormat.of().formatHex(challenge), now.plus(LIFE));
		return challenge;
	}

	/** Uses the challenge up, whatever comes next: a replayed one never works twice. */
	void useUp(byte[] challenge) throws ServiceException {
		Instant until = challenge == null ? null : open.remove(HexFormat.of().formatHex(challenge));
		if (until == null || until.isBefore(clock.instant())) {
			throw new ServiceException(Reason.CHALLENGE_INVALID, "ask for a new challenge");
		}
	}

	/** Whether {@code signature} is the certificate key's signature over {@code data} (SHA-256, RSA or ECDSA). */
	static boolean signedBy(byte[] certificateDer, byte[] data, byte[] signature) {
		if (signature == null || signature.length == 0 || signature.length > 1024) {
			return false;
		}
		try {
			X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
					.generateCertificate(new ByteArrayInputStream(certificateDer));
			Signature s = Signature.getInstance(x509.getPublicKey().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA");
			s.initVerify(x509.getPublicKey());
			s.update(data);
			return s.verify(signature);
		} catch (GeneralSecurityException e) {
			return false;
		}
	}
}
