package radesk.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import radesk.core.ca.CaToken;

/**
 * The CA's key ceremony. At the first start the issuing CA's and the TLS CA's keys are made on the
 * RA's token ({@link CaToken}); a root key (EC P-384) is made in memory only to certify those two,
 * then written to a PKCS#12 file encrypted under a random passphrase — in a folder outside the data
 * folder, so no backup of the records ever carries it — and the passphrase is shown once on the
 * console (never stored, never logged). The operator moves that file off the machine; nothing else
 * ever holds the root's key. The certificates stay in the CA folder as {@code root.cer},
 * {@code tls.cer} and {@code issuing.cer} (the last written last: a ceremony cut off before it is
 * held again). Before the issuing CA expires, {@link #renew} brings the root back from the file to
 * certify the same keys for another period.
 */
public final class CaCeremony {

	static final String ROOT = "root.cer";
	static final String ISSUING = "issuing.cer";
	static final String TLS = "tls.cer";
	private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
	private static final Duration CA_VALIDITY = Duration.ofDays(10 * 365);
	private static final String ROOT_SIGNATURE = "SHA384withECDSA";
	private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private CaCeremony() {
	}

	/**
	 * Where the root key's backup is written at the first start: {@code radesk.ca.rootBackup}, or
	 * the folder that holds the data folder (never the data folder itself).
	 */
	public static Path backupFolder(Path dataFolder) {
		String configured = System.getProperty("radesk.ca.rootBackup");
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured.strip());
		}
		Path parent = dataFolder.toAbsolutePath().normalize().getParent();
		return parent != null ? parent : Path.of(System.getProperty("user.home"));
	}

	/** Whether the ceremony was held for {@code folder}. */
	static boolean held(Path folder) {
		return Files.exists(folder.resolve(ISSUING));
	}

	/** The CA's certificates in {@code folder} with its keys on {@code token}, checked to belong together. */
	static CaKeys load(Path folder, CaToken token) throws GeneralSecurityException, IOException {
		X509Certificate issuing = read(folder.resolve(ISSUING));
		X509Certificate tls = read(folder.resolve(TLS));
		same(issuing, token.key(CaToken.Key.ISSUING, false), token);
		same(tls, token.key(CaToken.Key.TLS, false), token);
		return new CaKeys(read(folder.resolve(ROOT)), issuing, CaSigning.on(token, CaToken.Key.ISSUING), tls,
				CaSigning.on(token, CaToken.Key.TLS));
	}

	private static void same(X509Certificate certificate, PublicKey onToken, CaToken token) throws GeneralSecurityException {
		if (!Arrays.equals(certificate.getPublicKey().getEncoded(), onToken.getEncoded())) {
			throw new GeneralSecurityException("the CA's token (" + token.location() + ") holds another key than the certificate "
					+ certificate.getSubjectX500Principal() + ": this data folder and this token do not belong together");
		}
	}

	/**
	 * The first start: the two CAs' keys on the token, a root made, used and written encrypted to
	 * {@code backupFolder}, its passphrase printed on {@code sheet}; returns the backup file.
	 */
	static Path hold(Path folder, String organization, CaToken token, SecureRandom random, Path backupFolder, PrintStream sheet)
			throws GeneralSecurityException, IOException {
		Path dataFolder = folder.toAbsolutePath().normalize().getParent();
		Path backups = backupFolder.toAbsolutePath().normalize();
		if (dataFolder != null && backups.startsWith(dataFolder)) {
			throw new GeneralSecurityException("the root key's backup folder " + backups + " is inside the data folder " + dataFolder
					+ ": choose one outside it (radesk.ca.rootBackup), so that no backup of the records carries the root's key");
		}
		PublicKey issuingKey = token.key(CaToken.Key.ISSUING, true);
		PublicKey tlsKey = token.key(CaToken.Key.TLS, true);
		Instant now = Instant.now();
		KeyPair root = CaKeys.ecKeyPair("secp384r1", random);
		X500Name rootName = CaKeys.caName(organization, "Root CA");
		ContentSigner rootSigner = signer(root.getPrivate(), random);
		X509Certificate rootCert = CaKeys.caCertificate(rootName, rootName, root.getPublic(), root.getPublic(), rootSigner, now,
				ROOT_VALIDITY, -1, random, null);
		X509Certificate issuing = CaKeys.caCertificate(CaKeys.caName(organization, "Issuing CA"), rootName, root.getPublic(), issuingKey,
				rootSigner, now, CA_VALIDITY, 0, random, null);
		X509Certificate tls = CaKeys.caCertificate(CaKeys.caName(organization, "TLS CA"), rootName, root.getPublic(), tlsKey, rootSigner,
				now, CA_VALIDITY, 0, random, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		issuing.verify(rootCert.getPublicKey());
		tls.verify(rootCert.getPublicKey());

		char[] passphrase = passphrase(random);
		Path backup;
		try {
			backup = writeBackup(backups, root.getPrivate(), rootCert, passphrase, now);
			sheet.println();
			sheet.println("==== RA Desk: root CA key ceremony / 根憑證金鑰儀式 ====");
			sheet.println("The root CA key certified the issuing CA and the TLS CA; it now exists only, encrypted, in");
			sheet.println("根憑證金鑰已簽發發證 CA 與 TLS CA，現在只以加密形式存於：");
			sheet.println("    " + backup);
			sheet.println("Its passphrase, shown this once and stored nowhere / 通行碼（僅顯示這一次，不存於任何地方）：");
			sheet.println("    " + new String(passphrase));
			sheet.println("Move the file off this machine and keep the passphrase apart from it. Both are needed only to renew");
			sheet.println("the issuing CA before " + issuing.getNotAfter().toInstant() + " (radesk-server.sh renew-ca <file>).");
			sheet.println("請將檔案移出本機，並與通行碼分開保管；於發證 CA 到期前展期時才需要（radesk-server.sh renew-ca <檔案>）。");
			sheet.println("====");
			sheet.flush();
			if (sheet.checkError()) {
				// nobody saw the passphrase: no ceremony, rather than a root nobody can ever open
				Files.deleteIfExists(backup);
				throw new IOException("the key ceremony's passphrase could not be shown (the console is closed): nothing was made");
			}
		} finally {
			Arrays.fill(passphrase, '\0');
		}
		write(folder.resolve(ROOT), rootCert);
		write(folder.resolve(TLS), tls);
		write(folder.resolve(ISSUING), issuing);
		return backup;
	}

	/**
	 * Renews the issuing CA and the TLS CA before they expire: the root's key is read from its backup
	 * with the passphrase, checked to be this RA's root, and certifies the same keys on the token
	 * again for another period (never beyond the root's own end). The certificates replaced stay
	 * beside the new ones as {@code issuing-<serial>.cer} and {@code tls-<serial>.cer}. The root's
	 * key is in memory for this call only. Returns the new issuing CA certificate.
	 */
	public static X509Certificate renew(Path folder, CaToken token, Path backup, char[] passphrase, SecureRandom random)
			throws GeneralSecurityException, IOException {
		// one ceremony or renewal at a time on a data folder
		try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(folder.resolve(".ceremony.lock"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE); java.nio.channels.FileLock held = lock.lock()) {
			return renewHeld(folder, token, backup, passphrase, random);
		}
	}

	private static X509Certificate renewHeld(Path folder, CaToken token, Path backup, char[] passphrase, SecureRandom random)
			throws GeneralSecurityException, IOException {
		X509Certificate root = read(folder.resolve(ROOT));
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(backup)) {
			store.load(in, passphrase);
		} catch (IOException e) {
			if (e.getCause() instanceof java.security.UnrecoverableKeyException || e.getMessage() != null && e.getMessage().contains("password")) {
				throw new GeneralSecurityException("the passphrase does not open " + backup);
			}
			throw e;
		}
		PrivateKey rootKey = (PrivateKey) store.getKey("root", passphrase);
		Certificate inBackup = store.getCertificate("root");
		if (rootKey == null || inBackup == null || !Arrays.equals(inBackup.getEncoded(), root.getEncoded())) {
			throw new GeneralSecurityException(backup + " holds another root than this RA's " + folder.resolve(ROOT));
		}
		Signature proof = Signature.getInstance(ROOT_SIGNATURE);
		proof.initSign(rootKey, random);
		proof.update(root.getEncoded());
		byte[] signature = proof.sign();
		proof.initVerify(root.getPublicKey());
		proof.update(root.getEncoded());
		if (!proof.verify(signature)) {
			throw new GeneralSecurityException(backup + ": its key does not belong to its root certificate");
		}
		Instant now = Instant.now();
		Duration left = Duration.between(now, root.getNotAfter().toInstant());
		if (left.compareTo(Duration.ofDays(30)) < 0) {
			throw new GeneralSecurityException("the root ends " + root.getNotAfter().toInstant()
					+ ": too soon to certify the issuing CA again; a new root (a new CA) is needed");
		}
		Duration validity = left.compareTo(CA_VALIDITY) < 0 ? left : CA_VALIDITY;
		ContentSigner rootSigner = signer(rootKey, random);
		X500Name rootName = X500Name.getInstance(root.getSubjectX500Principal().getEncoded());
		X509Certificate oldIssuing = read(folder.resolve(ISSUING));
		X509Certificate oldTls = read(folder.resolve(TLS));
		// the token's keys are the CA's ones: a wrong module or a swapped token gets nothing certified
		same(oldIssuing, token.key(CaToken.Key.ISSUING, false), token);
		same(oldTls, token.key(CaToken.Key.TLS, false), token);
		X509Certificate issuing = CaKeys.caCertificate(X500Name.getInstance(oldIssuing.getSubjectX500Principal().getEncoded()), rootName,
				root.getPublicKey(), token.key(CaToken.Key.ISSUING, false), rootSigner, now, validity, 0, random, null);
		X509Certificate tls = CaKeys.caCertificate(X500Name.getInstance(oldTls.getSubjectX500Principal().getEncoded()), rootName,
				root.getPublicKey(), token.key(CaToken.Key.TLS, false), rootSigner, now, validity, 0, random,
				new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
		issuing.verify(root.getPublicKey());
		tls.verify(root.getPublicKey());
		write(folder.resolve("tls-" + oldTls.getSerialNumber().toString(16) + ".cer"), oldTls);
		write(folder.resolve("issuing-" + oldIssuing.getSerialNumber().toString(16) + ".cer"), oldIssuing);
		write(folder.resolve(TLS), tls);
		write(folder.resolve(ISSUING), issuing);
		return issuing;
	}

	private static ContentSigner signer(PrivateKey rootKey, SecureRandom random) throws GeneralSecurityException {
		try {
			return new JcaContentSignerBuilder(ROOT_SIGNATURE).setSecureRandom(random).build(rootKey);
		} catch (OperatorCreationException e) {
			throw new GeneralSecurityException(e);
		}
	}

	/** Six groups of five from an alphabet without look-alikes: about 175 bits, read aloud without doubt. */
	private static char[] passphrase(SecureRandom random) {
		char[] out = new char[6 * 5 + 5];
		for (int i = 0, o = 0; i < 30; i++) {
			if (i > 0 && i % 5 == 0) {
				out[o++] = '-';
			}
			out[o++] = ALPHABET[random.nextInt(ALPHABET.length)];
		}
		return out;
	}

	private static Path writeBackup(Path folder, PrivateKey key, X509Certificate certificate, char[] passphrase, Instant now)
			throws GeneralSecurityException, IOException {
		Files.createDirectories(folder);
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("root", key, passphrase, new Certificate[] { certificate });
		Path target = folder.resolve("radesk-root-key-" + STAMP.format(now) + ".p12");
		Path staged = Files.createTempFile(folder, ".radesk-root-", ".tmp");
		try {
			CaKeys.ownerOnly(staged);
			try (OutputStream out = Files.newOutputStream(staged)) {
				store.store(out, passphrase);
			}
			sync(staged);
			Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
			return target;
		} finally {
			Files.deleteIfExists(staged);
		}
	}

	static X509Certificate read(Path file) throws GeneralSecurityException, IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	/** A certificate written whole (DER) or not at all. */
	private static void write(Path file, X509Certificate certificate) throws GeneralSecurityException, IOException {
		Path staged = Files.createTempFile(file.getParent(), ".cer-", ".tmp");
		try {
			Files.write(staged, certificate.getEncoded());
			sync(staged);
			Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(staged);
		}
	}

	private static void sync(Path file) throws IOException {
		try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}
}
