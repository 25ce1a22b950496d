package radesk.card.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.core.ca.CaToken;
import radesk.pki.CaCeremony;
import radesk.pki.CaProfile;
import radesk.pki.EmbeddedCa;
import radesk.testing.OsgiServices;
import radesk.testing.SoftHsm;

/**
 * The CA's key ceremony on the RA's own token, checked from outside: at the first start the two
 * CAs' keys are made on the token and a root certifies them; the root's key then exists only in a
 * PKCS#12 file outside the data folder that openssl opens with the passphrase printed once — no
 * file in the data folder or the token folder holds it, no key file of the issuing CA is anywhere,
 * the token holds just the two CAs' keys. What the CA signs verifies with openssl up to the root.
 * Renewal brings the root back with the passphrase (a wrong one, or another root's backup, is
 * refused in words) and certifies the same issuing key again, so certificates issued before still
 * verify.
 */
class CaCeremonyTest {

	private static final Pattern PASSPHRASE = Pattern.compile("\\b([A-Za-z2-9]{5}(?:-[A-Za-z2-9]{5}){5})\\b");
	private static final Pattern BACKUP = Pattern.compile("(/\\S+/radesk-root-key-[0-9-]+\\.p12)");
	private static Path data;
	private static Path backups;

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
		data = Path.of(System.getProperty("radesk.data"));
		backups = data.toAbsolutePath().getParent().resolve("root-key-backups");
	}

	@Test
	void theRootCertifiesTheTokensKeysAndThenLivesOnlyInItsEncryptedBackup() throws Exception {
		CaToken token = OsgiServices.await(CaToken.class);
		ByteArrayOutputStream sheet = new ByteArrayOutputStream();
		EmbeddedCa ca = EmbeddedCa.open(data.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"), token, backups,
				new PrintStream(sheet, true, StandardCharsets.UTF_8));
		String printed = sheet.toString(StandardCharsets.UTF_8);
		Matcher pass = PASSPHRASE.matcher(printed);
		Matcher file = BACKUP.matcher(printed);
		assertTrue(pass.find() && file.find(), "the ceremony names the backup and its passphrase: " + printed);
		char[] passphrase = pass.group(1).toCharArray();
		Path backup = Path.of(file.group(1));
		assertTrue(backup.startsWith(backups) && !backup.startsWith(data), backup.toString());
		assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)));
		assertArrayEquals(ca.issuing().getPublicKey().getEncoded(), token.key(CaToken.Key.ISSUING, false).getEncoded(),
				"the issuing CA's key is the token's");

		// openssl opens the backup with the passphrase, and only with it
		String keyPem = SoftHsm.run("openssl", "pkcs12", "-in", backup.toString(), "-nocerts", "-nodes", "-passin", "pass:" + pass.group(1));
		assertTrue(keyPem.contains("PRIVATE KEY"), keyPem);
		assertFalse(SoftHsm.runAllowingFailure("openssl", "pkcs12", "-in", backup.toString(), "-nocerts", "-nodes", "-passin",
				"pass:wrong-passphrase").contains("PRIVATE KEY"));
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(backup)) {
			store.load(in, passphrase);
		}
		assertArrayEquals(ca.root().getEncoded(), store.getCertificate("root").getEncoded(), "the backup holds this CA's root");
		ECPrivateKey root = (ECPrivateKey) store.getKey("root", passphrase);

		// the root's key is nowhere else: not in the data folder, not on the token's files
		Path tokens = Path.of(System.getenv("SOFTHSM2_CONF")).resolveSibling("tokens");
		byte[] scalar = unsigned(root.getS(), 48);
		for (Path f : files(data, tokens)) {
			byte[] content = Files.readAllBytes(f);
			assertFalse(contains(content, scalar) || contains(content, root.getEncoded()), "the root's key in " + f);
		}
		// no key file of the CA's: no PKCS#12, PEM or key file in the CA's folder, the token holds just the two CAs' keys
		try (Stream<Path> ca_ = Files.list(data.resolve("ca"))) {
			assertTrue(ca_.map(p -> p.getFileName().toString()).noneMatch(n -> n.endsWith(".p12") || n.endsWith(".pem") || n.endsWith(".key")),
					"no key file in the CA's folder");
		}
		String label = Files.readAllLines(data.resolve("ca/token.pins")).stream().filter(l -> l.startsWith("label=")).findFirst()
				.orElseThrow().substring(6);
		String user = Files.readAllLines(data.resolve("ca/token.pins")).stream().filter(l -> l.startsWith("user=")).findFirst()
				.orElseThrow().substring(5);
		String privateKeys = SoftHsm.run("pkcs11-tool", "--module", "/usr/lib/softhsm/libsofthsm2.so", "--token-label", label, "--login",
				"--pin", user, "--list-objects", "--type", "privkey");
		assertEquals(2, privateKeys.split("Private Key Object").length - 1, privateKeys);
		assertTrue(privateKeys.contains("radesk-ca-issuing") && privateKeys.contains("radesk-ca-tls"), privateKeys);
		assertTrue(privateKeys.contains("never extractable"), privateKeys);

		// what the token signs verifies with openssl up to the root
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(256);
		KeyPair staffKey = g.generateKeyPair();
		X509Certificate before = ca.issueStaff(staffKey.getPublic(), "ceremony.test", "Ceremony Test", Instant.now());
		assertTrue(verifies(ca.root(), ca.issuing(), before), "openssl verifies a certificate signed on the token");

		// a second start holds no ceremony
		ByteArrayOutputStream again = new ByteArrayOutputStream();
		EmbeddedCa reopened = EmbeddedCa.open(data.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"), token, backups,
				new PrintStream(again, true, StandardCharsets.UTF_8));
		assertEquals(0, again.size(), "no second ceremony");
		assertArrayEquals(ca.issuing().getEncoded(), reopened.issuing().getEncoded());

		// renewal: refused with a wrong passphrase and with another root's backup, done with the right one
		GeneralSecurityException wrong = assertThrows(GeneralSecurityException.class,
				() -> CaCeremony.renew(data.resolve("ca"), token, backup, "wrong".toCharArray(), new java.security.SecureRandom()));
		assertTrue(wrong.getMessage().contains("passphrase"), wrong.getMessage());
		Path other = otherRootsBackup(passphrase);
		GeneralSecurityException another = assertThrows(GeneralSecurityException.class,
				() -> CaCeremony.renew(data.resolve("ca"), token, other, passphrase, new java.security.SecureRandom()));
		assertTrue(another.getMessage().contains("another root"), another.getMessage());

		Thread.sleep(1100); // a renewal a second later at least: its end is later
		X509Certificate renewed = CaCeremony.renew(data.resolve("ca"), token, backup, passphrase, new java.security.SecureRandom());
		assertArrayEquals(ca.issuing().getPublicKey().getEncoded(), renewed.getPublicKey().getEncoded(), "the same key, certified again");
		assertNotEquals(ca.issuing().getSerialNumber(), renewed.getSerialNumber());
		assertTrue(renewed.getNotAfter().after(ca.issuing().getNotAfter()), "valid longer");
		assertTrue(Files.exists(data.resolve("ca/issuing-" + ca.issuing().getSerialNumber().toString(16) + ".cer")), "the old one kept");
		assertTrue(verifies(ca.root(), renewed, before), "a certificate issued before verifies with the renewed issuing CA");
		EmbeddedCa afterRenewal = EmbeddedCa.open(data.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"), token, backups,
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		assertArrayEquals(renewed.getEncoded(), afterRenewal.issuing().getEncoded(), "the next start uses the renewed certificate");
		java.util.Arrays.fill(passphrase, '\0');
	}

	private static boolean verifies(X509Certificate root, X509Certificate issuing, X509Certificate leaf) throws Exception {
		Path dir = Files.createTempDirectory(data.toAbsolutePath().getParent(), "verify-");
		Path rootPem = pem(dir.resolve("root.pem"), root);
		Path issuingPem = pem(dir.resolve("issuing.pem"), issuing);
		Path leafPem = pem(dir.resolve("leaf.pem"), leaf);
		// strict: RFC 5280's rules on top (an authority key identifier in every certificate but the root's, among them)
		String out = SoftHsm.runAllowingFailure("openssl", "verify", "-x509_strict", "-CAfile", rootPem.toString(), "-untrusted",
				issuingPem.toString(), leafPem.toString());
		return out.contains(": OK");
	}

	/** A root of another CA, in a backup under the same passphrase. */
	private static Path otherRootsBackup(char[] passphrase) throws Exception {
		Path elsewhere = Files.createTempDirectory(data.toAbsolutePath().getParent(), "other-ca-");
		EmbeddedCa other = EmbeddedCa.open(elsewhere.resolve("ca"), CaProfile.demo(() -> "http://other.example.tw"));
		KeyStore software = KeyStore.getInstance("PKCS12");
		char[] password = Files.readString(elsewhere.resolve("ca/ca.pin")).strip().toCharArray();
		try (InputStream in = Files.newInputStream(elsewhere.resolve("ca/ca.p12"))) {
			software.load(in, password);
		}
		KeyStore backup = KeyStore.getInstance("PKCS12");
		backup.load(null, null);
		backup.setKeyEntry("root", software.getKey("root", password), passphrase, new Certificate[] { other.root() });
		Path file = elsewhere.resolve("other-root.p12");
		try (OutputStream out = Files.newOutputStream(file)) {
			backup.store(out, passphrase);
		}
		return file;
	}

	private static Path pem(Path file, X509Certificate certificate) throws Exception {
		Files.writeString(file, "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
				+ "\n-----END CERTIFICATE-----\n");
		return file;
	}

	private static List<Path> files(Path... folders) throws Exception {
		List<Path> files = new ArrayList<>();
		for (Path folder : folders) {
			try (Stream<Path> walk = Files.walk(folder)) {
				walk.filter(Files::isRegularFile).forEach(files::add);
			}
		}
		return files;
	}

	private static byte[] unsigned(BigInteger value, int length) {
		byte[] raw = value.toByteArray();
		byte[] out = new byte[length];
		int n = Math.min(raw.length, length);
		System.arraycopy(raw, raw.length - n, out, length - n, n);
		return out;
	}

	/** Whether {@code needle} occurs in {@code haystack} (Latin-1 maps each byte to one character). */
	private static boolean contains(byte[] haystack, byte[] needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
	}
}
