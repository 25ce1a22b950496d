package radesk.card.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import radesk.api.CardAccessException;
import radesk.testing.OsgiServices;
import radesk.testing.SoftHsm;
import radesk.api.CardReaders;
import radesk.api.CardSlot;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.card.KeyKind;
import radesk.pki.CaProfile;
import radesk.pki.CertificateSubject;
import radesk.pki.CsrBuilder;
import radesk.pki.CsrInspector;
import radesk.pki.EmbeddedCa;

/**
 * A certificate application on a real token: key pair made on the card, request signed on the
 * card, certificate issued by the embedded CA and written beside its key. openssl and
 * pkcs11-tool check the result from outside.
 */
class CardApplicationTest {

	private static final char[] SO = "SOPIN2345678".toCharArray();
	private static final char[] PIN = "24681357".toCharArray();

	@TempDir
	static Path dir;
	private static CardTerminal terminal;
	private static CardReaders readers;
	private static EmbeddedCa ca;

	@BeforeAll
	static void setUp() throws Exception {
		SoftHsm.demoCardSerial();
		terminal = OsgiServices.await(CardTerminal.class);
		readers = OsgiServices.await(CardReaders.class);
		ca = EmbeddedCa.open(dir.resolve("ca"), CaProfile.demo(() -> "http://pki.example.tw"));
	}

	private static String newCard() throws Exception {
		CardSlot blank = readers.slots().stream().filter(s -> s.cardPresent() && !s.initialized()).findFirst().orElseThrow();
		String serial = "RA" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		terminal.personalize(blank.slotId(), serial, SO, PIN);
		return serial;
	}

	private static X509Certificate apply(CardSession card, KeyKind kind) throws Exception {
		CardKey key = card.generateKey(kind);
		byte[] csr = CsrBuilder.build(key.publicKey(), "ignored", (alg, data) -> card.sign(key, alg, data));
		return ca.issue(CsrInspector.inspect(csr), new CertificateSubject("林怡君", "HQ", "yi@example.com.tw", "PSEUDO1"),
				Instant.now());
	}

	private static String pem(X509Certificate c) throws Exception {
		return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(c.getEncoded())
				+ "\n-----END CERTIFICATE-----\n";
	}

	private static String run(String... command) throws Exception {
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		return p.exitValue() + "\n" + out;
	}

	@ParameterizedTest
	@EnumSource(KeyKind.class)
	void theCardMakesTheKeySignsTheRequestAndTakesTheCertificate(KeyKind kind) throws Exception {
		String serial = newCard();
		X509Certificate cert;
		try (CardSession card = terminal.open(serial, PIN)) {
			cert = apply(card, kind);
			card.storeCertificate(cert);
			card.storeCertificate(cert); // a repeated download changes nothing
			assertEquals(List.of(cert), card.certificates());
			assertEquals(1, card.keys().size());
		}
		Path chain = Files.writeString(dir.resolve("chain-" + serial + ".pem"), pem(ca.issuing()));
		Path root = Files.writeString(dir.resolve("root-" + serial + ".pem"), pem(ca.root()));
		Path leaf = Files.writeString(dir.resolve("leaf-" + serial + ".pem"), pem(cert));
		String verify = run("openssl", "verify", "-CAfile", root.toString(), "-untrusted", chain.toString(), leaf.toString());
		assertTrue(verify.startsWith("0\n") && verify.contains(": OK"), verify);

		// another process numbers SoftHSM2's slots its own way: name the card by its label
		String objects = run("pkcs11-tool", "--module", readers.module(), "--token-label", serial, "--login",
				"--pin", new String(PIN), "--list-objects");
		assertTrue(objects.contains("never extractable") && objects.contains("sensitive"), objects);
		assertTrue(objects.contains("Certificate Object"), objects);
	}

	@Test
	void onlyTheCardHoldingTheKeyTakesTheCertificate() throws Exception {
		String first = newCard();
		String second = newCard();
		X509Certificate cert;
		try (CardSession card = terminal.open(first, PIN)) {
			cert = apply(card, KeyKind.EC_P256);
		}
		try (CardSession other = terminal.open(second, PIN)) {
			CardAccessException e = assertThrows(CardAccessException.class, () -> other.storeCertificate(cert));
			assertEquals(CardAccessException.Reason.KEY_NOT_ON_CARD, e.reason());
			assertTrue(other.certificates().isEmpty());
		}
		try (CardSession card = terminal.open(first, PIN)) {
			card.storeCertificate(cert);
			assertEquals(List.of(cert), card.certificates());
		}
	}

	@Test
	void aSecondKeyCanBeMadeWhileTheFirstStillSigns() throws Exception {
		String serial = newCard();
		try (CardSession card = terminal.open(serial, PIN)) {
			X509Certificate old = apply(card, KeyKind.EC_P256);
			card.storeCertificate(old);
			X509Certificate renewed = apply(card, KeyKind.EC_P256);
			card.storeCertificate(renewed);
			assertEquals(2, card.keys().size());
			assertEquals(2, card.certificates().size());
			CardKey oldKey = card.keyFor(old.getPublicKey()).orElseThrow();
			byte[] sig = card.sign(oldKey, "SHA256withECDSA", "renewal".getBytes(StandardCharsets.UTF_8));
			java.security.Signature v = java.security.Signature.getInstance("SHA256withECDSA");
			v.initVerify(old.getPublicKey());
			v.update("renewal".getBytes(StandardCharsets.UTF_8));
			assertTrue(v.verify(sig), "the old key still signs (renewal requests are signed with it)");
		}
	}
}
