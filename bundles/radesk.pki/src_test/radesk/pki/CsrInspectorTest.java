package radesk.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class CsrInspectorTest {

	private static CsrProblem refused(byte[] request) {
		return assertThrows(CsrException.class, () -> CsrInspector.inspect(request)).problem();
	}

	@Test
	void acceptsDerAndPem() throws Exception {
		byte[] der = EmbeddedCaTest.csr(EmbeddedCaTest.keys("secp256r1"), "CN=x");
		assertEquals("EC P-256", CsrInspector.inspect(der).keyDescription());
		String pem = "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(der)
				+ "\n-----END CERTIFICATE REQUEST-----\n";
		assertEquals("EC P-256", CsrInspector.inspect(pem.getBytes(StandardCharsets.US_ASCII)).keyDescription());
		assertEquals("RSA-2048", CsrInspector.inspect(EmbeddedCaTest.csr(EmbeddedCaTest.keys("RSA"), "CN=x")).keyDescription());
		assertEquals("EC P-384", CsrInspector.inspect(EmbeddedCaTest.csr(EmbeddedCaTest.keys("secp384r1"), "CN=x")).keyDescription());
	}

	@Test
	void refusesGarbageEmptyAndOversized() {
		assertEquals(CsrProblem.MALFORMED, refused(new byte[0]));
		assertEquals(CsrProblem.MALFORMED, refused("hello".getBytes(StandardCharsets.US_ASCII)));
		assertEquals(CsrProblem.MALFORMED, refused(new byte[] { 0x30, (byte) 0x82, 0x01 }));
		assertEquals(CsrProblem.OVERSIZED, refused(new byte[CsrInspector.MAX_BYTES + 1]));
		assertEquals(CsrProblem.MALFORMED,
				refused("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII)));
	}

	@Test
	void refusesARequestNotSignedByItsKey() throws Exception {
		byte[] der = EmbeddedCaTest.csr(EmbeddedCaTest.keys("secp256r1"), "CN=x");
		der[der.length - 5] ^= 0x01; // inside the signature value
		assertEquals(CsrProblem.BAD_SIGNATURE, refused(der));
	}

	@Test
	void refusesWeakRsa() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
		g.initialize(1024);
		assertEquals(CsrProblem.WEAK_KEY, refused(EmbeddedCaTest.csr(g.generateKeyPair(), "CN=x")));
	}

	@Test
	void refusesCurvesOutsideTheProfile() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp521r1"));
		KeyPair k = g.generateKeyPair();
		assertEquals(CsrProblem.UNSUPPORTED_KEY, refused(EmbeddedCaTest.csr(k, "CN=x")));
	}

	/** A request carrying {@code key} (any SubjectPublicKeyInfo), signed by {@code signer} with {@code algorithm}. */
	private static byte[] csr(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo key, java.security.PrivateKey signer, String algorithm)
			throws Exception {
		return new org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder(new org.bouncycastle.asn1.x500.X500Name("CN=x"), key)
				.build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder(algorithm).build(signer)).getEncoded();
	}

	private static org.bouncycastle.asn1.x509.SubjectPublicKeyInfo rsa(java.math.BigInteger n, java.math.BigInteger e) throws Exception {
		return new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
				new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption,
						org.bouncycastle.asn1.DERNull.INSTANCE),
				new org.bouncycastle.asn1.pkcs.RSAPublicKey(n, e));
	}

	@Test
	void refusesSha1AndMd5ProofsOfPossession() throws Exception {
		KeyPair rsa = EmbeddedCaTest.keys("RSA");
		org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
				.getInstance(rsa.getPublic().getEncoded());
		assertEquals(CsrProblem.WEAK_SIGNATURE, refused(csr(info, rsa.getPrivate(), "SHA1withRSA")));
		assertEquals(CsrProblem.WEAK_SIGNATURE, refused(csr(info, rsa.getPrivate(), "MD5withRSA")));
		KeyPair ec = EmbeddedCaTest.keys("secp256r1");
		assertEquals(CsrProblem.WEAK_SIGNATURE, refused(csr(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
				.getInstance(ec.getPublic().getEncoded()), ec.getPrivate(), "SHA1withECDSA")));
		assertEquals("RSA-2048", CsrInspector.inspect(csr(info, rsa.getPrivate(), "SHA384withRSA")).keyDescription());
	}

	@Test
	void refusesRsaKeysThatBreakTheBaselineRules() throws Exception {
		KeyPair signer = EmbeddedCaTest.keys("RSA");
		java.math.BigInteger n = ((java.security.interfaces.RSAPublicKey) signer.getPublic()).getModulus();
		java.math.BigInteger f4 = java.math.BigInteger.valueOf(65537);
		assertEquals(CsrProblem.WEAK_KEY, refused(csr(rsa(n, java.math.BigInteger.valueOf(3)), signer.getPrivate(), "SHA256withRSA")),
				"e = 3");
		assertEquals(CsrProblem.WEAK_KEY, refused(csr(rsa(n, f4.add(java.math.BigInteger.ONE)), signer.getPrivate(), "SHA256withRSA")),
				"an even exponent");
		// a 2048-bit modulus with the factor 7: no product of two large primes
		java.math.BigInteger k = java.math.BigInteger.ONE.shiftLeft(2047).divide(java.math.BigInteger.valueOf(7)).add(java.math.BigInteger.ONE);
		java.math.BigInteger withSeven = java.math.BigInteger.valueOf(7).multiply(k.testBit(0) ? k : k.add(java.math.BigInteger.ONE));
		assertEquals(0, withSeven.mod(java.math.BigInteger.valueOf(7)).signum());
		assertEquals(2048, withSeven.bitLength());
		assertEquals(CsrProblem.WEAK_KEY, refused(csr(rsa(withSeven, f4), signer.getPrivate(), "SHA256withRSA")), "a small factor");
	}

	@Test
	void refusesAnEcPointOffItsCurve() throws Exception {
		KeyPair k = EmbeddedCaTest.keys("secp256r1");
		org.bouncycastle.asn1.x509.SubjectPublicKeyInfo good = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
				.getInstance(k.getPublic().getEncoded());
		byte[] point = good.getPublicKeyData().getOctets().clone();
		point[point.length - 1] ^= 0x01; // y changed: the point leaves the curve
		org.bouncycastle.asn1.x509.SubjectPublicKeyInfo off = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(good.getAlgorithm(), point);
		CsrProblem problem = refused(csr(off, k.getPrivate(), "SHA256withECDSA"));
		org.junit.jupiter.api.Assertions.assertTrue(problem == CsrProblem.WEAK_KEY || problem == CsrProblem.MALFORMED, problem.name());
	}
}
