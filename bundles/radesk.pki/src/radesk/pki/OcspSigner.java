package radesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The OCSP responder's own key and its delegated certificate from the issuing CA ({@link
 * EmbeddedCa#issueOcspResponder}), kept beside the CA's keys in {@code ocsp.p12} (its random
 * password beside it, owner only, as the CA's). The certificate is short-lived ({@value #DAYS}
 * days: it carries ocsp-nocheck, so nobody asks for its status) and replaced — a new key, a new
 * certificate — once less than a third of that remains. {@code fresh}: made by this call.
 */
public record OcspSigner(PrivateKey key, X509Certificate certificate, boolean fresh) {

	static final int DAYS = 30;
	private static final Duration VALIDITY = Duration.ofDays(DAYS);
	private static final String STORE = "ocsp.p12";
	private static final String PIN = "ocsp.pin";

	/** Whether the certificate is to be replaced at {@code now}: less than a third of its validity left, or not valid yet (a clock set back). */
	public boolean renewalDue(Instant now) {
		return !now.isBefore(certificate.getNotAfter().toInstant().minus(VALIDITY.dividedBy(3)))
				|| now.isBefore(certificate.getNotBefore().toInstant());
	}

	/** The responder's key and certificate in {@code folder}, made or renewed as needed. */
	public static OcspSigner ensure(EmbeddedCa ca, Path folder, Instant now, SecureRandom random)
			throws GeneralSecurityException, IOException {
		OcspSigner current = load(folder);
		if (current != null && !current.renewalDue(now)
				&& current.certificate.getIssuerX500Principal().equals(ca.issuing().getSubjectX500Principal())) {
			return current;
		}
		KeyPair pair = CaKeys.ecKeyPair("secp256r1", random);
		X509Certificate certificate = certify(ca, pair.getPublic(), now);
		byte[] secret = new byte[24];
		random.nextBytes(secret);
		char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("ocsp", pair.getPrivate(), password, new X509Certificate[] { certificate, ca.issuing() });
		Path pin = Files.createTempFile(folder, ".ocsp-", ".pin");
		Path keys = Files.createTempFile(folder, ".ocsp-", ".p12");
		CaKeys.ownerOnly(pin);
		CaKeys.ownerOnly(keys);
		Files.writeString(pin, new String(password));
		try (OutputStream out = Files.newOutputStream(keys)) {
			store.store(out, password);
		}
		// the password first, then the store: a crash between leaves an unreadable pair, made again at the next start
		Files.move(pin, folder.resolve(PIN), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		Files.move(keys, folder.resolve(STORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return new OcspSigner(pair.getPrivate(), certificate, true);
	}

	/**
	 * The responder's certificate (RFC 6960 4.2.2.2: delegated by the issuing CA): keyUsage
	 * digitalSignature, EKU id-kp-OCSPSigning, id-pkix-ocsp-nocheck; no CDP, no AIA.
	 */
	private static X509Certificate certify(EmbeddedCa ca, java.security.PublicKey key, Instant now) throws GeneralSecurityException {
		org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500NameBuilder(
				org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE).addRDN(org.bouncycastle.asn1.x500.style.BCStyle.C, "TW")
				.addRDN(org.bouncycastle.asn1.x500.style.BCStyle.O, ca.profile().organization())
				.addRDN(org.bouncycastle.asn1.x500.style.BCStyle.OU, "OCSP")
				.addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, ca.profile().organization() + " OCSP responder").build();
		org.bouncycastle.cert.X509v3CertificateBuilder b = ca.endEntity(name, key, now, VALIDITY);
		try {
			b.addExtension(org.bouncycastle.asn1.x509.Extension.keyUsage, true,
					new org.bouncycastle.asn1.x509.KeyUsage(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature));
			b.addExtension(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage, true, new org.bouncycastle.asn1.x509.ExtendedKeyUsage(
					org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_OCSPSigning));
			b.addExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false,
					org.bouncycastle.asn1.DERNull.INSTANCE);
		} catch (org.bouncycastle.cert.CertIOException e) {
			throw new GeneralSecurityException(e);
		}
		return ca.signed(b);
	}

	/** The stored pair, or null when there is none or it is unreadable (a crash between the two moves): then a new one is made. */
	private static OcspSigner load(Path folder) {
		if (!Files.exists(folder.resolve(STORE)) || !Files.exists(folder.resolve(PIN))) {
			return null;
		}
		try {
			char[] password = Files.readString(folder.resolve(PIN)).strip().toCharArray();
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(folder.resolve(STORE))) {
				store.load(in, password);
			}
			PrivateKey key = (PrivateKey) store.getKey("ocsp", password);
			X509Certificate certificate = (X509Certificate) store.getCertificate("ocsp");
			return key == null || certificate == null ? null : new OcspSigner(key, certificate, false);
		} catch (GeneralSecurityException | IOException | RuntimeException e) {
			System.getLogger(OcspSigner.class.getName()).log(System.Logger.Level.WARNING,
					"the OCSP responder's key store " + folder.resolve(STORE) + " is unreadable: a new key and certificate are made", e);
			return null;
		}
	}
}
