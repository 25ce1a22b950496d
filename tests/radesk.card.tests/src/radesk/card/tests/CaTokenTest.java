package radesk.card.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.core.ca.CaToken;
import radesk.testing.OsgiServices;
import radesk.testing.SoftHsm;

/**
 * The issuing CA's key on the RA's own PKCS#11 token: made there on the blank slot, the same key on
 * every later use, its signatures verify with its public half, it never leaves the token (pkcs11-tool
 * sees a sensitive, never-extractable key), only its PINs are on disk (owner-only), and no card list
 * ever shows the token as a card.
 */
class CaTokenTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	@Test
	void theIssuingKeyIsMadeOnTheTokenSignsThereAndNeverLeavesIt() throws Exception {
		CaToken token = OsgiServices.await(CaToken.class);
		PublicKey made = token.key(CaToken.Key.ISSUING, true);
		assertArrayEquals(made.getEncoded(), token.key(CaToken.Key.ISSUING, false).getEncoded(), "the same key on every later use");
		PublicKey tls = token.key(CaToken.Key.TLS, true);
		assertTrue(!java.util.Arrays.equals(made.getEncoded(), tls.getEncoded()), "the TLS CA's key is another");
		byte[] tbs = "a certificate's to-be-signed part".getBytes(StandardCharsets.UTF_8);
		Signature verify = Signature.getInstance("SHA256withECDSA");
		verify.initVerify(made);
		verify.update(tbs);
		assertTrue(verify.verify(token.sign(CaToken.Key.ISSUING, tbs)), "signed on the token by the issuing key");
		// a card reader rescan restarts the module and ends the CA's session: the next signature opens another
		OsgiServices.await(CardReaders.class).rescan();
		verify.initVerify(made);
		verify.update(tbs);
		assertTrue(verify.verify(token.sign(CaToken.Key.ISSUING, tbs)), "signed again after the module restarted");

		Path pins = Path.of(System.getProperty("radesk.data"), "ca", "token.pins");
		assertTrue(Files.exists(pins));
		assertTrue(PosixFilePermissions.toString(Files.getPosixFilePermissions(pins)).equals("rw-------"), "the PINs, owner-only");
		String user = Files.readAllLines(pins).stream().filter(l -> l.startsWith("user=")).findFirst().orElseThrow().substring(5);
		String label = Files.readAllLines(pins).stream().filter(l -> l.startsWith("label=")).findFirst().orElseThrow().substring(6);
		assertTrue(label.startsWith(CaToken.LABEL + "-"), label);
		String objects = SoftHsm.run("pkcs11-tool", "--module", "/usr/lib/softhsm/libsofthsm2.so", "--token-label", label,
				"--login", "--pin", user, "--list-objects", "--type", "privkey");
		assertTrue(objects.contains("never extractable") && objects.contains("sensitive"), objects);

		List<CardSlot> slots = OsgiServices.await(CardReaders.class).rescan();
		assertTrue(slots.stream().noneMatch(s -> s.tokenLabel().startsWith(CaToken.LABEL)), "no card list shows it: " + slots);
		assertTrue(slots.stream().anyMatch(s -> s.cardPresent() && !s.initialized()), "a blank slot is still offered: " + slots);
		try (var files = Files.walk(Path.of(System.getProperty("radesk.data")))) {
			assertTrue(files.noneMatch(f -> f.toString().endsWith(".p12") || f.toString().endsWith(".key")),
					"no key file of the CA's in the data folder");
		}
	}
}
