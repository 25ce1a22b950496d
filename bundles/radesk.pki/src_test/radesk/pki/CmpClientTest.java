package radesk.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The RA's CMP client against OpenSSL's own CMP server ({@code openssl cmp -port}, its mock CA):
 * an {@code ir} under the shared secret with the new key's proof of possession, confirmed; the
 * answer "waiting" polled until the certificate comes; {@code rr}; a refusal with the CA's words
 * and failure bits; a wrong secret, and a certificate for another key, refused by the client.
 */
class CmpClientTest {

	@TempDir
	static Path dir;
	private static KeyPair key;
	private static ContentSigner pop;
	private static Path issued;
	private static final CmpClient.Acceptance TAKE = certificate -> null;

	@BeforeAll
	static void pki() throws Exception {
		assertEquals(0, Openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
				dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.crt").toString(), "-days", "30", "-subj",
				"/CN=Mock CA/O=Test").exit());
		Files.writeString(dir.resolve("ee.ext"), "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n");
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp256r1"));
		key = g.generateKeyPair();
		pop = new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate());
		issued = certificateFor(key, "issued", "4660");
	}

	private static KeyPair ecKeys() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp256r1"));
		return g.generateKeyPair();
	}

	/** The certificate the mock CA will hand out: for {@code pair}'s public key (the mock does not read the request). */
	private static Path certificateFor(KeyPair pair, String name, String serial) throws Exception {
		Path pub = Openssl.pem(dir.resolve(name + ".pub"), pair.getPublic());
		Path out = dir.resolve(name + ".crt");
		Openssl.Result made = Openssl.run("x509", "-new", "-subj", "/CN=王小明/O=Test", "-force_pubkey", pub.toString(), "-CA",
				dir.resolve("ca.crt").toString(), "-CAkey", dir.resolve("ca.key").toString(), "-set_serial", serial, "-days", "30",
				"-extfile", dir.resolve("ee.ext").toString(), "-out", out.toString());
		assertEquals(0, made.exit(), made.output());
		return out;
	}

	private static X509Certificate read(Path pem) throws Exception {
		try (InputStream in = Files.newInputStream(pem)) {
			return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
		}
	}

	/** {@code openssl cmp} as the CA on a free port, answering with {@code certificate}; {@code extra} its other options. */
	private record MockCa(Process process, int port) implements AutoCloseable {

		static MockCa start(Path certificate, String... extra) throws Exception {
			int port;
			try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
				port = free.getLocalPort();
			}
			List<String> command = new ArrayList<>(List.of("openssl", "cmp", "-port", String.valueOf(port), "-srv_ref", "srv",
					"-srv_secret", "pass:shared-Secret-1", "-rsp_cert", certificate.toString(), "-rsp_capubs",
					dir.resolve("ca.crt").toString()));
			command.addAll(List.of(extra));
			Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("mock-" + port + ".log").toFile())
					.start();
			for (int i = 0; i < 100; i++) {
				try (Socket s = new Socket("127.0.0.1", port)) {
					return new MockCa(p, port);
				} catch (java.io.IOException notYet) {
					Thread.sleep(50);
				}
			}
			p.destroyForcibly();
			throw new AssertionError("openssl cmp did not listen: " + Files.readString(dir.resolve("mock-" + port + ".log")));
		}

		CmpClient client(String secret) {
			return new CmpClient(new CmpClient.Settings(URI.create("http://127.0.0.1:" + port + "/pkix/"),
					new CmpClient.Protection.SharedSecret("ra", secret.toCharArray()), null, 5));
		}

		/** A client that signs with {@code certificate}'s key, and checks the CA's answers against its CMP certificate. */
		CmpClient signing(X509Certificate certificate, java.security.PrivateKey key) throws Exception {
			return new CmpClient(new CmpClient.Settings(URI.create("http://127.0.0.1:" + port + "/"), new CmpClient.Protection.Signature(
					certificate, new JcaContentSignerBuilder("SHA256withECDSA").build(key)), read(dir.resolve("ca.crt")), 5));
		}

		@Override
		public void close() throws Exception {
			process.destroy();
			process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void anIrUnderTheSharedSecretIsIssuedConfirmedAndRevoked() throws Exception {
		try (MockCa ca = MockCa.start(issued)) {
			X509Certificate certificate = ca.client("shared-Secret-1").enroll(key.getPublic(), new X500Name("CN=王小明,O=Test"), pop, TAKE);
			assertArrayEquals(read(issued).getEncoded(), certificate.getEncoded());
			// two messages: the ir, then the certConf the CA answered with pkiconf (enroll returns on nothing else)
			assertEquals(2, requests(ca), "ir and certConf");
			ca.client("shared-Secret-1").revoke(certificate, 1);
			assertEquals(3, requests(ca), "and the rr");
		}
	}

	private static long requests(MockCa ca) throws Exception {
		return Files.readAllLines(dir.resolve("mock-" + ca.port() + ".log")).stream().filter(l -> l.contains("Received request")).count();
	}

	@Test
	void aWaitingAnswerIsPolledUntilTheCertificateComes() throws Exception {
		try (MockCa ca = MockCa.start(issued, "-poll_count", "2", "-check_after", "1")) {
			long start = System.nanoTime();
			X509Certificate certificate = ca.client("shared-Secret-1").enroll(key.getPublic(), new X500Name("CN=王小明,O=Test"), pop, TAKE);
			assertArrayEquals(read(issued).getEncoded(), certificate.getEncoded());
			assertTrue(System.nanoTime() - start >= TimeUnit.SECONDS.toNanos(2), "it waited as the CA said, twice");
			assertEquals(4, requests(ca), "ir, two pollReq, certConf");
		}
	}

	@Test
	void aRefusalComesBackInTheCasWordsAndAWrongSecretOrAnotherKeyIsRefusedHere() throws Exception {
		try (MockCa ca = MockCa.start(issued, "-pkistatus", "2", "-failure", "2", "-statusstring", "the subject is not known here")) {
			CmpClient.CmpException refused = assertThrows(CmpClient.CmpException.class,
					() -> ca.client("shared-Secret-1").enroll(key.getPublic(), new X500Name("CN=王小明,O=Test"), pop, TAKE));
			assertTrue(refused.getMessage().contains("the subject is not known here"), refused.getMessage());
			assertTrue((refused.failInfo() & PKIFailureInfo.badRequest) != 0, "badRequest: " + refused.failInfo());
		}
		try (MockCa ca = MockCa.start(issued)) {
			assertThrows(CmpClient.CmpException.class,
					() -> ca.client("not-the-Secret").enroll(key.getPublic(), new X500Name("CN=王小明,O=Test"), pop, TAKE));
			KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
			g.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair other = g.generateKeyPair();
			CmpClient.CmpException mismatch = assertThrows(CmpClient.CmpException.class, () -> ca.client("shared-Secret-1")
					.enroll(other.getPublic(), new X500Name("CN=王小明,O=Test"),
							new JcaContentSignerBuilder("SHA256withECDSA").build(other.getPrivate()), TAKE));
			assertTrue(mismatch.getMessage().contains("another key"), mismatch.getMessage());
		}
	}

	@Test
	void aRenewalIsAKeyUpdateSignedWithTheOldKeyAndConfirmedUnderTheRasSecret() throws Exception {
		// openssl's mock takes a kur only for the certificate it hands out itself: the old and the new share a serial
		KeyPair oldKey = ecKeys();
		X509Certificate old = read(certificateFor(oldKey, "old", "777"));
		KeyPair newKey = ecKeys();
		Path renewed = certificateFor(newKey, "renewed", "777");
		byte[] challenge = new byte[32];
		new java.security.SecureRandom().nextBytes(challenge);
		KeyUpdateRequest kur = KeyUpdateRequest.of(old, newKey.getPublic(), challenge);
		assertArrayEquals(kur.toBeSigned(), KeyUpdateRequest.of(old, newKey.getPublic(), challenge).toBeSigned(),
				"the edition and the RA build the same bytes");
		java.security.Signature byOldKey = java.security.Signature.getInstance(kur.signatureAlgorithm());
		byOldKey.initSign(oldKey.getPrivate());
		byOldKey.update(kur.toBeSigned());
		byte[] signature = byOldKey.sign();
		assertTrue(kur.signedBy(signature));
		assertFalse(KeyUpdateRequest.of(old, ecKeys().getPublic(), challenge).signedBy(signature), "for another new key: not this signature");

		try (MockCa ca = MockCa.start(renewed, "-srv_cert", dir.resolve("ca.crt").toString(), "-srv_key", dir.resolve("ca.key").toString(),
				"-srv_trusted", dir.resolve("ca.crt").toString(), "-accept_raverified")) {
			CmpClient client = new CmpClient(new CmpClient.Settings(URI.create("http://127.0.0.1:" + ca.port() + "/pkix/"),
					new CmpClient.Protection.SharedSecret("ra", "shared-Secret-1".toCharArray()), read(dir.resolve("ca.crt")), 5));
			// a signature by another key: the CA refuses the kur
			byte[] forged = signature.clone();
			forged[forged.length - 3] ^= 1;
			assertThrows(CmpClient.CmpException.class, () -> client.update(kur, forged, newKey.getPublic(), TAKE));
			X509Certificate certificate = client.update(kur, signature, newKey.getPublic(), TAKE);
			assertArrayEquals(read(renewed).getEncoded(), certificate.getEncoded());
			assertEquals(3, requests(ca), "the forged kur, the kur, and the certConf under the RA's secret");
		}
	}

	@Test
	void aSignedIrVouchedByTheRaAndACertificateTheRaWillNotTakeIsRefusedInTheConfirmation() throws Exception {
		KeyPair raKey = ecKeys();
		X509Certificate ra = read(certificateFor(raKey, "ra", "5150"));
		try (MockCa ca = MockCa.start(issued, "-srv_cert", dir.resolve("ca.crt").toString(), "-srv_key", dir.resolve("ca.key").toString(),
				"-srv_trusted", dir.resolve("ca.crt").toString(), "-accept_raverified")) {
			CmpClient client = ca.signing(ra, raKey.getPrivate());
			// no proof by the new key: the RA vouches it checked the holder's own request (raVerified)
			X509Certificate certificate = client.enroll(key.getPublic(), new X500Name("CN=王小明,O=Test"), null, TAKE);
			assertArrayEquals(read(issued).getEncoded(), certificate.getEncoded());
			CmpClient.CmpException refused = assertThrows(CmpClient.CmpException.class, () -> client.enroll(key.getPublic(),
					new X500Name("CN=王小明,O=Test"), null, c -> "serial " + c.getSerialNumber() + " is in the records already"));
			assertTrue(refused.getMessage().contains("in the records already"), refused.getMessage());
			client.revoke(certificate, 4);
			assertEquals(5, requests(ca), "ir, certConf; ir, the rejecting certConf; rr");
			assertTrue(Files.readString(dir.resolve("mock-" + ca.port() + ".log")).contains("rejected"),
					"the CA heard the certificate was refused");
		}
		// an answer signed by another key than the CA's pinned CMP certificate's (the same name) is not believed
		Path strangerKey = dir.resolve("stranger.key");
		Path strangerCrt = dir.resolve("stranger.crt");
		assertEquals(0, Openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
				strangerKey.toString(), "-out", strangerCrt.toString(), "-days", "30", "-subj", "/CN=Mock CA/O=Test").exit());
		try (MockCa ca = MockCa.start(issued, "-srv_cert", strangerCrt.toString(), "-srv_key", strangerKey.toString(), "-srv_trusted",
				dir.resolve("ca.crt").toString(), "-accept_raverified")) {
			CmpClient.CmpException unsigned = assertThrows(CmpClient.CmpException.class,
					() -> ca.signing(ra, raKey.getPrivate()).enroll(key.getPublic(), new X500Name("CN=王小明,O=Test"), null, TAKE));
			assertTrue(unsigned.getMessage().contains("not protected by"), unsigned.getMessage());
		}
	}
}
