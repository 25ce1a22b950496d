package radesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The notices' S/MIME signatures, checked by openssl cms as a mail program would check them. */
class CmsSignaturesTest {

	@TempDir
	static Path dir;
	static EmbeddedCa ca;

	@BeforeAll
	static void openCa() throws Exception {
		ca = EmbeddedCa.open(dir.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"));
		Openssl.pem(dir.resolve("root.pem"), ca.root());
	}

	@ParameterizedTest
	@ValueSource(strings = { "secp256r1", "secp384r1" })
	void opensslVerifiesTheSignatureAndRefusesOtherContent(String curve) throws Exception {
		KeyPair keys = EmbeddedCaTest.keys(curve);
		X509Certificate signer = ca.issue(CsrInspector.inspect(EmbeddedCaTest.csr(keys, "CN=notices")),
				new CertificateSubject("RA Desk", "總部 RA 櫃檯", "ra-notices@example.tw", "P3F2A9C41D07B6E85"), Instant.now());
		List<X509Certificate> chain = List.of(signer, ca.issuing(), ca.root());
		Path content = Files.writeString(dir.resolve(curve + ".txt"), "您的憑證將於 2027-01-05 到期\r\n", StandardCharsets.UTF_8);
		Path other = Files.writeString(dir.resolve(curve + "-other.txt"), "您的憑證將於 2027-01-06 到期\r\n", StandardCharsets.UTF_8);
		// twice with the same key: the second signature comes from the prepared key, and differs (a fresh nonce)
		byte[] first = CmsSignatures.detached(Files.readAllBytes(content), keys.getPrivate(), chain);
		byte[] second = CmsSignatures.detached(Files.readAllBytes(content), keys.getPrivate(), chain);
		assertNotEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(second));
		for (byte[] signature : List.of(first, second)) {
			Path sig = Files.write(dir.resolve(curve + ".p7s"), signature);
			Openssl.Result ok = Openssl.run("cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
					content.toString(), "-CAfile", dir.resolve("root.pem").toString(), "-purpose", "any", "-out", "/dev/null");
			assertEquals(0, ok.exit(), ok.output());
			assertTrue(ok.output().contains("Verification successful"), ok.output());
			Openssl.Result tampered = Openssl.run("cms", "-verify", "-binary", "-inform", "DER", "-in", sig.toString(), "-content",
					other.toString(), "-CAfile", dir.resolve("root.pem").toString(), "-purpose", "any", "-out", "/dev/null");
			assertNotEquals(0, tampered.exit(), tampered.output());
		}
	}

	/** The Java signer (Windows, other CPUs): its signatures verify with the JDK's, and it takes P-256 keys only. */
	@Test
	void theJavaSignerSignsP256WhatTheJdkVerifies() throws Exception {
		KeyPair keys = EmbeddedCaTest.keys("secp256r1");
		byte[] data = "您的憑證將於 2027-01-05 到期".getBytes(StandardCharsets.UTF_8);
		org.bouncycastle.operator.ContentSigner signer = P256Signer.signer(P256Signer.key(keys.getPrivate()).orElseThrow(),
				new java.security.SecureRandom());
		signer.getOutputStream().write(data);
		byte[] signature = signer.getSignature();
		java.security.Signature jdk = java.security.Signature.getInstance("SHA256withECDSA");
		jdk.initVerify(keys.getPublic());
		jdk.update(data);
		assertTrue(jdk.verify(signature));
		jdk.initVerify(keys.getPublic());
		jdk.update("您的憑證將於 2027-01-06 到期".getBytes(StandardCharsets.UTF_8));
		assertTrue(!jdk.verify(signature));
		assertTrue(P256Signer.key(EmbeddedCaTest.keys("secp384r1").getPrivate()).isEmpty());
		assertTrue(P256Signer.key(EmbeddedCaTest.keys("RSA").getPrivate()).isEmpty());
	}

	/** The products promise native signing on Linux x86_64: the provider loads and passes its self-tests there. */
	@Test
	void onLinuxX86TheNativeProviderSigns() {
		boolean linuxX86 = System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
		assertEquals(linuxX86, NativeCrypto.provider().isPresent(), NativeCrypto.describe());
	}
}
