package radesk.service.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.List;

import radesk.notify.MessageSigner;
import radesk.pki.CmsSignatures;

/**
 * The RA's notice-signing key and certificate: an EC P-256 key made on first use in
 * {@code <data>/ra/notice-signing.key} (owner-only), certified by the embedded CA for the notices'
 * sender address (S/MIME, {@code notice-signing.cer}); certified again when the operator changes the
 * sender or a month before the certificate ends.
 */
final class NoticeKeys implements MessageSigner {

	private final EmbeddedRa ra;
	private final Path folder;
	private PrivateKey key;
	private X509Certificate certificate;

	NoticeKeys(EmbeddedRa ra, Path data) {
		this.ra = ra;
		this.folder = data.resolve("ra");
	}

	@Override
	public byte[] sign(byte[] content, String sender) throws GeneralSecurityException {
		java.security.PrivateKey signingKey;
		List<X509Certificate> chain;
		synchronized (this) {
			try {
				certificate(sender);
			} catch (IOException e) {
				throw new GeneralSecurityException("the notice-signing key cannot be read: " + e.getMessage(), e);
			}
			signingKey = key;
			chain = List.of(certificate, ra.ca.issuing(), ra.ca.root());
		}
		// signed outside the lock: the job's connections compose and sign at once
		return CmsSignatures.detached(content, signingKey, chain);
	}

	/** The certificate for {@code sender}, made or renewed when needed. */
	synchronized X509Certificate certificate(String sender) throws IOException, GeneralSecurityException {
		Path keyFile = folder.resolve("notice-signing.key");
		Path certFile = folder.resolve("notice-signing.cer");
		if (key == null) {
			if (!Files.exists(keyFile)) {
				KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
				g.initialize(new ECGenParameterSpec("secp256r1"), ra.random);
				KeyPair pair = g.generateKeyPair();
				Files.createDirectories(folder);
				Path staging = Files.createTempFile(folder, ".notice-", ".key");
				try {
					Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rw-------"));
				} catch (UnsupportedOperationException e) {
					// Windows: %APPDATA% is private to the user
				}
				Files.write(staging, pair.getPrivate().getEncoded());
				Files.write(keyFile.resolveSibling("notice-signing.pub"), pair.getPublic().getEncoded());
				Files.move(staging, keyFile, StandardCopyOption.ATOMIC_MOVE);
				Files.deleteIfExists(certFile);
			}
			key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(keyFile)));
			if (Files.exists(certFile)) {
				certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
						.generateCertificate(new java.io.ByteArrayInputStream(Files.readAllBytes(certFile)));
			}
		}
		java.time.Instant now = ra.clock.instant();
		if (certificate == null || !names(certificate, sender)
				|| certificate.getNotAfter().toInstant().isBefore(now.plus(Duration.ofDays(30)))) {
			java.security.PublicKey publicKey = KeyFactory.getInstance("EC")
					.generatePublic(new java.security.spec.X509EncodedKeySpec(publicOf(keyFile)));
			certificate = ra.ca.issueNoticeSigner(publicKey, sender, now);
			Path staging = Files.createTempFile(folder, ".notice-", ".cer");
			Files.write(staging, certificate.getEncoded());
			Files.move(staging, certFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		return certificate;
	}

	private static boolean names(X509Certificate certificate, String sender) throws GeneralSecurityException {
		java.util.Collection<List<?>> names = certificate.getSubjectAlternativeNames();
		return names != null && names.stream().anyMatch(n -> Integer.valueOf(1).equals(n.get(0)) && sender.equalsIgnoreCase(String.valueOf(n.get(1))));
	}

	/** The public half of the stored key (its SubjectPublicKeyInfo), written beside it when it was made. */
	private static byte[] publicOf(Path keyFile) throws IOException {
		return Files.readAllBytes(keyFile.resolveSibling("notice-signing.pub"));
	}
}
