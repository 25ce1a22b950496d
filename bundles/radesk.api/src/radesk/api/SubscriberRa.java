package radesk.api;

import java.io.IOException;
import java.util.List;

import radesk.core.certificate.CertificateState;

/**
 * What the subscriber's card flows ask of the RA, as the subscriber signed in (the subscriber
 * edition's HTTPS session: every call acts as that session's subscriber, nothing else).
 */
public interface SubscriberRa {

	/** The RA said no: its error code (words for it are the UI's business) and tries left. */
	final class Refused extends Exception {
		private static final long serialVersionUID = 1L;
		public final String code;
		public final int triesLeft;

		public Refused(String code, String message, int triesLeft) {
			super(code + ": " + message);
			this.code = code;
			this.triesLeft = triesLeft;
		}
	}

	/** A certificate as the RA lists it; {@code der} is the certificate itself. */
	record Certificate(String identifier, String serial, CertificateState state, String notAfter, String cardSerial, byte[] der) {

		public java.security.cert.X509Certificate x509() throws java.security.cert.CertificateException {
			return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
					.generateCertificate(new java.io.ByteArrayInputStream(der));
		}
	}

	/** The account signed in, or null. */
	String account();

	/** The subscriber's certificates, newest expiry first. */
	List<Certificate> certificates() throws IOException, InterruptedException, Refused;

	/**
	 * 憑證申請: the request made and signed on card {@code cardSerial} by its key {@code keyId}, bound
	 * to the card by its authentication key's signature over {@code challenge} and the request
	 * ({@link radesk.core.card.CardBinding}); the certificate issued.
	 */
	Certificate apply(String cardSerial, String keyId, byte[] csr, byte[] challenge, byte[] cardSignature)
			throws IOException, InterruptedException, Refused;

	/** A fresh, single-use challenge for a card to sign. */
	byte[] challenge() throws IOException, InterruptedException, Refused;

	/**
	 * 憑證展期: a new certificate for the key of {@code csr} in place of {@code oldSerial}; the card's
	 * authentication key and the old certificate's key both sign the renewal text over the request
	 * and {@code challenge} ({@link radesk.core.card.CardBinding}, purpose RENEWAL).
	 */
	Certificate renew(String oldSerial, String cardSerial, String keyId, byte[] csr, byte[] challenge, byte[] cardSignature,
			byte[] oldKeySignature) throws IOException, InterruptedException, Refused;

	/** The card took the certificate: its key's signature over a fresh challenge proves it. */
	Certificate confirmOnCard(String serial, String cardSerial, byte[] challenge, byte[] signature)
			throws IOException, InterruptedException, Refused;

	/** What the card said of its PIN (wrong PINs since the last right one), so the card's record follows. */
	void reportPinStrikes(String cardSerial, int strikes) throws IOException, InterruptedException, Refused;

	/** 晶片卡登入: the certificate's 憑證識別碼, its RA unit, the captcha and the card's signature over the challenge. */
	void logInWithCard(String identifier, String raUnit, String captchaId, String captcha, byte[] challenge, byte[] signature)
			throws IOException, InterruptedException, Refused;
}
