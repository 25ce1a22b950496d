package radesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import radesk.core.revocation.RevocationReason;

/** Every certificate and CRL the embedded CA makes is checked by openssl, as a relying party would. */
class EmbeddedCaTest {

	@TempDir
	static Path dir;
	static EmbeddedCa ca;
	static Path chain;

	@BeforeAll
	static void openCa() throws Exception {
		ca = EmbeddedCa.open(dir.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"));
		chain = Openssl.pem(dir.resolve("issuing.pem"), ca.issuing());
		Openssl.pem(dir.resolve("root.pem"), ca.root());
	}

	static KeyPair keys(String kind) throws Exception {
		if (kind.equals("RSA")) {
			KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
			g.initialize(2048);
			return g.generateKeyPair();
		}
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec(kind));
		return g.generateKeyPair();
	}

	static byte[] csr(KeyPair keys, String subject) throws Exception {
		String alg = keys.getPublic().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
		return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
				.build(new JcaContentSignerBuilder(alg).build(keys.getPrivate())).getEncoded();
	}

	static X509Certificate issue(String keyKind) throws Exception {
		CheckedCsr checked = CsrInspector.inspect(csr(keys(keyKind), "CN=whatever the requester typed"));
		return ca.issue(checked, new CertificateSubject("王小明", "總部 RA 櫃檯", "ming@example.com.tw", "P3F2A9C41D07B6E85"),
				Instant.now());
	}

	static Openssl.Result verify(X509Certificate leaf, Path crl) throws Exception {
		Path file = Openssl.pem(dir.resolve("leaf-" + leaf.getSerialNumber() + ".pem"), leaf);
		return crl == null
				? Openssl.run("verify", "-CAfile", dir.resolve("root.pem").toString(), "-untrusted", chain.toString(),
						"-purpose", "sslclient", file.toString())
				: Openssl.run("verify", "-crl_check", "-CAfile", dir.resolve("root.pem").toString(), "-untrusted",
						chain.toString(), "-CRLfile", crl.toString(), file.toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "RSA", "secp256r1", "secp384r1" })
	void opensslAcceptsAnIssuedCertificate(String keyKind) throws Exception {
		Openssl.Result r = verify(issue(keyKind), null);
		assertEquals(0, r.exit(), r.output());
		assertTrue(r.output().contains(": OK"), r.output());
	}

	@Test
	void theCertificateFollowsTheSubscriberProfile() throws Exception {
		X509Certificate cert = issue("secp256r1");
		Path file = Openssl.pem(dir.resolve("profile.pem"), cert);
		String text = Openssl.run("x509", "-in", file.toString(), "-noout", "-text", "-nameopt", "utf8,sep_comma_plus").output();
		assertTrue(text.contains("CN = 王小明") || text.contains("CN=王小明"), text);
		assertTrue(text.contains("總部 RA 櫃檯"), text);
		assertFalse(text.contains("whatever the requester typed"), "the subject comes from the records, not the request");
		assertTrue(text.contains("X509v3 Key Usage: critical") && text.contains("Digital Signature, Non Repudiation"), text);
		assertTrue(text.contains("TLS Web Client Authentication, E-mail Protection"), text);
		assertTrue(text.contains("CA:FALSE"), text);
		assertTrue(text.contains("X509v3 Subject Key Identifier") && text.contains("X509v3 Authority Key Identifier"), text);
		assertTrue(text.contains("email:ming@example.com.tw"), text);
		assertTrue(text.contains("URI:http://pki.example.tw/crl/issuing.crl"), text);
		assertTrue(text.contains("CA Issuers - URI:http://pki.example.tw/ca/issuing.cer"), text);
		assertTrue(text.contains("OCSP - URI:http://pki.example.tw/ocsp"), text);
		assertTrue(text.contains("Policy: " + CaProfile.DEMO_POLICY_OID), text);
		// UTF8String, so Chinese names survive every reader
		String asn1 = Openssl.run("asn1parse", "-in", file.toString()).output();
		assertTrue(asn1.contains("UTF8STRING"), asn1);
		assertEquals(1, cert.getSerialNumber().signum());
		assertTrue(cert.getSerialNumber().bitLength() > 63);
	}

	@Test
	void theRaServersTlsCertificateVerifiesForItsHostAndAddressOnly() throws Exception {
		X509Certificate server = ca.issueTlsServer(keys("secp256r1").getPublic(), java.util.List.of("localhost"),
				java.util.List.of("127.0.0.1"), Instant.now());
		Path file = Openssl.pem(dir.resolve("server.pem"), server);
		Path tlsCa = Openssl.pem(dir.resolve("tls-ca.pem"), ca.tlsCa());
		String[] common = { "verify", "-CAfile", dir.resolve("root.pem").toString(), "-untrusted", tlsCa.toString(), "-purpose",
				"sslserver" };
		// the TLS CA, not the subscribers' issuing CA, signs it: with that one alone it does not verify
		Openssl.Result bySubscribersCa = Openssl.run("verify", "-CAfile", dir.resolve("root.pem").toString(), "-untrusted",
				chain.toString(), "-purpose", "sslserver", file.toString());
		assertNotEquals(0, bySubscribersCa.exit(), bySubscribersCa.output());
		Openssl.Result byName = Openssl.run(concat(common, "-verify_hostname", "localhost", file.toString()));
		assertEquals(0, byName.exit(), byName.output());
		Openssl.Result byAddress = Openssl.run(concat(common, "-verify_ip", "127.0.0.1", file.toString()));
		assertEquals(0, byAddress.exit(), byAddress.output());
		Openssl.Result otherHost = Openssl.run(concat(common, "-verify_hostname", "ra.example.com.tw", file.toString()));
		assertNotEquals(0, otherHost.exit(), "a name the certificate does not carry: " + otherHost.output());
		Openssl.Result asClient = Openssl.run("verify", "-CAfile", dir.resolve("root.pem").toString(), "-untrusted",
				tlsCa.toString(), "-purpose", "sslclient", file.toString());
		assertNotEquals(0, asClient.exit(), "serverAuth only: " + asClient.output());
	}

	private static String[] concat(String[] a, String... b) {
		String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}

	@Test
	void serialsDiffer() throws Exception {
		assertNotEquals(issue("secp256r1").getSerialNumber(), issue("secp256r1").getSerialNumber());
	}

	@Test
	void aRevokedCertificateFailsAndAnotherPassesWithTheCrl() throws Exception {
		X509Certificate revoked = issue("secp256r1");
		X509Certificate good = issue("RSA");
		X509CRL crl = ca.crl(List.of(new RevokedEntry(revoked.getSerialNumber(), Instant.now(), RevocationReason.KEY_LOST)),
				BigInteger.valueOf(42), Instant.now());
		Path crlFile = Openssl.pem(dir.resolve("crl.pem"), crl);
		Openssl.Result bad = verify(revoked, crlFile);
		assertFalse(bad.exit() == 0, bad.output());
		assertTrue(bad.output().contains("certificate revoked"), bad.output());
		Openssl.Result ok = verify(good, crlFile);
		assertEquals(0, ok.exit(), ok.output());
		String text = Openssl.run("crl", "-in", crlFile.toString(), "-noout", "-text").output();
		assertTrue(text.contains("X509v3 CRL Number: \n                42") || text.matches("(?s).*CRL Number:\\s+42.*"), text);
		assertTrue(text.contains("Key Compromise"), text);
		assertTrue(text.contains("Next Update"), text);
	}

	@Test
	void aLargeCrlAndAnEmptyOneAreReadByOpenssl() throws Exception {
		X509Certificate revoked = issue("secp256r1");
		List<RevokedEntry> entries = new java.util.ArrayList<>();
		java.security.SecureRandom random = new java.security.SecureRandom();
		RevocationReason[] reasons = RevocationReason.values();
		for (int i = 0; i < 5000; i++) {
			entries.add(new RevokedEntry(new BigInteger(127, random).setBit(90), Instant.now().minusSeconds(i), reasons[i % reasons.length]));
		}
		entries.add(2500, new RevokedEntry(revoked.getSerialNumber(), Instant.now(), RevocationReason.DATA_CHANGED));
		Path big = Openssl.pem(dir.resolve("big-crl.pem"), ca.crl(entries, BigInteger.valueOf(7), Instant.now()));
		String text = Openssl.run("crl", "-in", big.toString(), "-noout", "-text").output();
		assertEquals(5001, text.split("Serial Number:", -1).length - 1, "every entry is in the CRL");
		assertTrue(text.contains("Affiliation Changed") && text.contains("Cessation Of Operation"), "reasons survive");
		Openssl.Result bad = verify(revoked, big);
		assertTrue(bad.output().contains("certificate revoked"), bad.output());

		Path empty = Openssl.pem(dir.resolve("empty-crl.pem"), ca.crl(List.of(), BigInteger.valueOf(8), Instant.now()));
		assertTrue(Openssl.run("crl", "-in", empty.toString(), "-noout", "-text").output().contains("No Revoked Certificates"));
		Openssl.Result ok = verify(issue("secp256r1"), empty);
		assertEquals(0, ok.exit(), ok.output());
	}

	@Test
	void reopeningKeepsTheSameCa() throws Exception {
		EmbeddedCa again = EmbeddedCa.open(dir.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"));
		assertEquals(ca.root(), again.root());
		assertEquals(ca.issuing(), again.issuing());
	}
}
