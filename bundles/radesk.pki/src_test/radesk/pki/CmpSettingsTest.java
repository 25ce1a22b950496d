package radesk.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cmp.properties} as an operator writes it: what is taken, and each mistake named by its key, the secret never shown. */
class CmpSettingsTest {

	@TempDir
	Path folder;

	private static final String GOOD = "url = http://ca.example.tw/pkix/\nreference = ra-01\n"
			+ "crl.url = http://ca.example.tw/crl/issuing.crl\nocsp.url = http://ca.example.tw/ocsp\n";

	@Test
	void noFileMeansTheEmbeddedCaAndASharedSecretIsReadFromItsFile() throws Exception {
		assertTrue(CmpSettings.read(folder).isEmpty());
		Files.writeString(folder.resolve("cmp.properties"), GOOD);
		Files.writeString(folder.resolve("cmp.secret"), "s3cret-Value\n");
		CmpSettings s = CmpSettings.read(folder).orElseThrow();
		CmpClient.Protection.SharedSecret secret = (CmpClient.Protection.SharedSecret) s.client().protection();
		assertEquals("ra-01", secret.reference());
		assertArrayEquals("s3cret-Value".toCharArray(), secret.secret());
		assertEquals(10, s.client().maxPolls());
		assertEquals("http://ca.example.tw/ocsp", s.ocsp().toString());
	}

	@Test
	void eachMistakeIsNamedAndTheSecretIsNeverInTheWords() throws Exception {
		Files.writeString(folder.resolve("cmp.secret"), "s3cret-Value\n");
		assertRefused(GOOD.replace("http://ca.example.tw/pkix/", "http://user:s3cret-Value@ca.example.tw/pkix/"), "url");
		assertRefused(GOOD.replace("/pkix/", "/other"), "url");
		assertRefused(GOOD.replace("url = http://ca.example.tw/pkix/", "url = ftp://ca.example.tw/pkix/"), "url");
		assertRefused(GOOD + "protection = kerberos\n", "protection");
		assertRefused(GOOD + "polls = 100000\n", "polls");
		assertRefused(GOOD.replace("ocsp.url = http://ca.example.tw/ocsp\n", ""), "ocsp.url");
		assertRefused(GOOD.replace("reference = ra-01\n", ""), "reference");
		assertRefused(GOOD + "protection = signature\nsigner = none.p12\n", "signer");
		Files.delete(folder.resolve("cmp.secret"));
		assertRefused(GOOD, "secret.file");
	}

	private void assertRefused(String text, String key) throws Exception {
		Files.writeString(folder.resolve("cmp.properties"), text);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CmpSettings.read(folder));
		assertTrue(e.getMessage().contains(key), e.getMessage());
		assertFalse(e.getMessage().contains("s3cret-Value"), e.getMessage());
	}
}
