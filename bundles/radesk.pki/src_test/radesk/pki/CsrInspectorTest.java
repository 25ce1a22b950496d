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
}
