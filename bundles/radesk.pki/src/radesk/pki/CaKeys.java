package radesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import radesk.core.ca.CaToken;

/**
 * The embedded CA's certificates and signing keys: a root (EC P-384, 20 years) and two CAs under it
 * (EC P-256, 10 years): the issuing CA of subscribers' certificates, and a TLS CA that only
 * certifies the RA server's own TLS certificate (EKU serverAuth), so neither can stand in for the
 * other. The RA keeps the two CAs' keys on its token and the root's nowhere ({@link CaCeremony});
 * {@link #software} keeps all three in a PKCS#12 file with its password beside it, for tests,
 * benchmarks and data folders made before the token.
 */
record CaKeys(X509Certificate root, X509Certificate issuing, CaSigning issuingKey, X509Certificate tls, CaSigning tlsKey) {

	static final String STORE = "ca.p12";
	private static final String PIN = "ca.pin";

	/** Whether {@code folder} holds the CA's keys in a file (a data folder made before the token). */
	static boolean inFile(Path folder) {
		return Files.exists(folder.resolve(STORE));
	}

	/**
	 * The CA's certificates in {@code folder} and its keys on {@code token}, the ceremony held first
	 * at the first start (once, also when two processes start on one data folder at once). A data
	 * folder made before the token keeps its keys file, with a warning.
	 */
	static CaKeys onToken(Path folder, String organization, CaToken token, SecureRandom random, Path rootBackup, PrintStream sheet)
			throws GeneralSecurityException, IOException {
		synchronized (CaKeys.class) {
			if (inFile(folder)) {
				System.getLogger(CaKeys.class.getName()).log(System.Logger.Level.WARNING, "the CA's keys are in the file "
						+ folder.resolve(STORE) + " (a data folder made before the CA's token): move the CA to a new data folder");
				return software(folder, organization, random);
			}
			Files.createDirectories(folder);
			try (FileChannel lock = FileChannel.open(folder.resolve(".ceremony.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock held = lock.lock()) {
				if (!CaCeremony.held(folder)) {
					CaCeremony.hold(folder, organization, token, random, rootBackup, sheet);
				}
			}
			return CaCeremony.load(folder, token);
		}
	}

	/** The keys in {@code folder}'s PKCS#12 file, made there on first use. */
	static CaKeys software(Path folder, String organization, SecureRandom random) throws GeneralSecurityException, IOException {
		if (!Files.exists(folder.resolve(STORE))) {
			create(folder, organization, random);
		}
		char[] password = Files.readString(folder.resolve(PIN)).strip().toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(folder.resolve(STORE))) {
			store.load(in, password);
		}
		if (!store.containsAlias("tls")) {
			// a CA made before there was a TLS CA: the TLS CA is added under the same root
			addTlsCa(store, password, organization, random, folder);
		}
		return new CaKeys((X509Certificate) store.getCertificate("root"), (X509Certificate) store.getCertificate("issuing"),
				CaSigning.in((PrivateKey) store.getKey("issuing", password), random), (X509Certificate) store.getCertificate("tls"),
				CaSigning.in((PrivateKey) store.getKey("tls", password), random));
	}

	private static void addTlsCa(KeyStore store, char[] password, String organization, SecureRandom random, Path folder)
			throws GeneralSecurityException, IOException {
		PrivateKey rootKey = (PrivateKey) store.getKey("root", password);
		X509Certificate rootCert = (X509Certificate) store.getCertificate("root");
		KeyPair tls = ecKeyPair("secp256r1", random);
		X509Certificate tlsCert = caCertificate(caName(organization, "TLS CA"),
				org.bouncycastle.asn1.x500.X500Name.getInstance(rootCert.getSubjectX500Principal().getEncoded()), rootCert.getPublicKey(),
				tls, rootKey,
				"SHA384withECDSA", Instant.now(), Duration.ofDays(10 * 365), 0, random,
				new org.bouncycastle.asn1.x509.ExtendedKeyUsage(org.bouncycastle.asn1.x509.KeyPurposeId.id_kp_serverAuth));
		tlsCert.verify(rootCert.getPublicKey());
		store.setKeyEntry("tls", tls.getPrivate(), password, new X509Certificate[] { tlsCert, rootCert });
		Path staging = Files.createTempFile(folder, ".ca-", ".p12");
		ownerOnly(staging);
		try (OutputStream out = Files.newOutputStream(staging)) {
			store.store(out, password);
		}
		Files.move(staging, folder.resolve(STORE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void create(Path folder, String organization, SecureRandom random) throws GeneralSecurityException, IOException {
		Instant now = Instant.now();
		KeyPair root = ecKeyPair("secp384r1", random);
		X500Name rootName = caName(organization, "Root CA");
		X509Certificate rootCert = caCertificate(rootName, rootName, root.getPublic(), root, root.getPrivate(), "SHA384withECDSA", now,
				Duration.ofDays(20 * 365), -1, random, null);
		KeyPair issuing = ecKeyPair("secp256r1", random);
		X509Certificate issuingCert = caCertificate(caName(organization, "Issuing CA"), rootName, root.getPublic(), issuing,
				root.getPrivate(), "SHA384withECDSA", now, Duration.ofDays(10 * 365), 0, random, null);
		issuingCert.verify(rootCert.getPublicKey());

		char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(random, 24)).toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("root", root.getPrivate(), password, new X509Certificate[] { rootCert });
		store.setKeyEntry("issuing", issuing.getPrivate(), password, new X509Certificate[] { issuingCert, rootCert });

		Files.createDirectories(folder.getParent());
		Path staging = Files.createTempDirectory(folder.getParent(), ".ca-");
		Files.writeString(staging.resolve(PIN), new String(password) + "\n");
		ownerOnly(staging.resolve(PIN));
		try (OutputStream out = Files.newOutputStream(staging.resolve(STORE))) {
			store.store(out, password);
		}
		ownerOnly(staging.resolve(STORE));
		Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
	}

	private static X509Certificate caCertificate(X500Name subject, X500Name issuer, java.security.PublicKey issuerKey,
			KeyPair subjectKeys, PrivateKey signer, String algorithm, Instant now, Duration validity, int pathLength, SecureRandom random,
			org.bouncycastle.asn1.x509.ExtendedKeyUsage only) throws GeneralSecurityException {
		try {
			return caCertificate(subject, issuer, issuerKey, subjectKeys.getPublic(),
					new JcaContentSignerBuilder(algorithm).setProvider(Bc.PROVIDER).setSecureRandom(random).build(signer), now, validity,
					pathLength, random, only);
		} catch (org.bouncycastle.operator.OperatorCreationException e) {
			throw new GeneralSecurityException(e);
		}
	}

	/** A CA certificate for {@code subjectKey}, signed by {@code signer} (the root's key). */
	static X509Certificate caCertificate(X500Name subject, X500Name issuer, java.security.PublicKey issuerKey,
			java.security.PublicKey subjectKey, org.bouncycastle.operator.ContentSigner signer, Instant now, Duration validity,
			int pathLength, SecureRandom random, org.bouncycastle.asn1.x509.ExtendedKeyUsage only) throws GeneralSecurityException {
		try {
			JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
			X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new SerialNumbers(random).next(),
					Date.from(now), Date.from(now.plus(validity)), subject, subjectKey);
			b.addExtension(Extension.basicConstraints, true,
					pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
			b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
			b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
			// the issuer's key by its id only (no name and serial, which a renewal of the issuer's certificate changes)
			b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerKey));
			if (only != null) {
				// what the CA's certificates may be used for (the TLS CA: web servers only)
				b.addExtension(Extension.extendedKeyUsage, false, only);
			}
			return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(b.build(signer));
		} catch (org.bouncycastle.cert.CertIOException e) {
			throw new GeneralSecurityException(e);
		}
	}

	static X500Name caName(String organization, String commonName) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "TW").addRDN(BCStyle.O, organization)
				.addRDN(BCStyle.CN, organization + " " + commonName).build();
	}

	static KeyPair ecKeyPair(String curve, SecureRandom random) throws GeneralSecurityException {
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec(curve), random);
		return g.generateKeyPair();
	}

	private static byte[] randomBytes(SecureRandom random, int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		} catch (UnsupportedOperationException e) {
			// Windows: the data folder under %APPDATA% is private to the user already
		}
	}
}
