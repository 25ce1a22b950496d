package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.card.CardBinding;
import radesk.core.card.KeyKind;
import radesk.pki.CsrBuilder;
import radesk.testing.SoftHsm;

/**
 * 憑證申請 and the card's confirmation over HTTPS, the card work done by the caller as the
 * subscriber edition does it: key made on the SoftHSM2 card, request signed there, certificate
 * written there. One certificate per key however often it is asked; bad requests refused with a
 * clear error and nothing issued; only the card holding the key can confirm.
 */
class ApplicationApiTest {

	@BeforeAll
	static void connect() throws Exception {
		SoftHsm.demoCardSerial();
		ServerApiTest.connect();
	}

	static String token(Journey j) throws Exception {
		HttpResponse<String> in = ServerApiTest.logIn(j.subscriber.account(), j.password);
		assertEquals(200, in.statusCode(), in.body());
		return ServerApiTest.field(in.body(), "token");
	}

	static String application(String card, String keyId, String csr, String challenge, String cardSignature) {
		return "{\"cardSerial\":\"" + card + "\",\"keyId\":\"" + keyId + "\",\"csr\":\"" + csr + "\",\"challenge\":\""
				+ challenge + "\",\"cardSignature\":\"" + cardSignature + "\"}";
	}

	/**
	 * POST /applications as the subscriber edition sends it: the request bound to the card by the
	 * card's authentication key, over a fresh challenge, for {@code account}.
	 */
	static String application(CardSession card, String account, String keyId, byte[] csr) throws Exception {
		return application(card, account, keyId, csr, challenge());
	}

	/** The same over a given challenge (one a server handed out). */
	static String application(CardSession card, String account, String keyId, byte[] csr, String challenge) throws Exception {
		byte[] message = CardBinding.message(CardBinding.Purpose.APPLICATION, account, card.cardSerial(),
				Base64.getDecoder().decode(challenge), csr);
		byte[] signature = card.sign(card.authenticationKey().orElseThrow(), CardBinding.ALGORITHM, message);
		return application(card.cardSerial(), keyId, Base64.getEncoder().encodeToString(csr), challenge,
				Base64.getEncoder().encodeToString(signature));
	}

	static int certificatesOf(String token) throws Exception {
		HttpResponse<String> list = ServerApiTest.get("certificates", token);
		assertEquals(200, list.statusCode(), list.body());
		return list.body().split("\"serial\"", -1).length - 1;
	}

	static String challenge() throws Exception {
		return ServerApiTest.field(ServerApiTest.get("challenge", null).body(), "challenge");
	}

	private static String onCard(String serial, String card, String challenge, byte[] signature) {
		return "{\"serial\":\"" + serial + "\",\"cardSerial\":\"" + card + "\",\"challenge\":\"" + challenge + "\",\"signature\":\""
				+ Base64.getEncoder().encodeToString(signature) + "\"}";
	}

	@Test
	void theCardMakesTheKeyAndTheRequestTheServerIssuesOnceAndOnlyThatCardConfirms() throws Exception {
		Journey j = Journey.toCardInHand();
		Journey other = Journey.toCardInHand();
		String token = token(j);
		CardTerminal terminal = Services.await(CardTerminal.class);
		try (CardSession card = terminal.open(j.card.serial(), j.pin.toCharArray())) {
			CardKey key = card.generateKey(KeyKind.RSA_2048);
			byte[] csr = CsrBuilder.build(key.publicKey(), j.subscriber.account(), (alg, data) -> card.sign(key, alg, data));
			String csr64 = Base64.getEncoder().encodeToString(csr);

			// refused, each with its code, and nothing issued
			String account = j.subscriber.account();
			assertEquals(401, ServerApiTest.post("applications", application(card, account, key.idHex(), csr), null).statusCode());
			HttpResponse<String> notBase64 = ServerApiTest.post("applications",
					application(j.card.serial(), key.idHex(), "%%%", challenge(), csr64), token);
			assertEquals(400, notBase64.statusCode());
			assertTrue(notBase64.body().contains("WRONG_TYPE"), notBase64.body());
			HttpResponse<String> garbage = ServerApiTest.post("applications",
					application(card, account, key.idHex(), "not a request".getBytes()), token);
			assertEquals(400, garbage.statusCode());
			assertTrue(garbage.body().contains("BAD_REQUEST"), garbage.body());
			byte[] tampered = csr.clone();
			tampered[tampered.length - 5] ^= 0x01;
			HttpResponse<String> forged = ServerApiTest.post("applications", application(card, account, key.idHex(), tampered), token);
			assertEquals(400, forged.statusCode(), "a request whose signature does not hold: " + forged.body());
			HttpResponse<String> badKeyId = ServerApiTest.post("applications", application(card, account, "not hex", csr), token);
			assertEquals(400, badKeyId.statusCode());
			assertTrue(badKeyId.body().contains("INVALID_INPUT"), badKeyId.body());
			HttpResponse<String> notMine = ServerApiTest.post("applications",
					application(other.card.serial(), key.idHex(), csr64, challenge(), csr64), token);
			assertEquals(403, notMine.statusCode());
			assertTrue(notMine.body().contains("NOT_YOURS"), notMine.body());
			HttpResponse<String> number = ServerApiTest.post("applications",
					"{\"cardSerial\":\"" + j.card.serial() + "\",\"keyId\":\"" + key.idHex() + "\",\"csr\":42}", token);
			assertEquals(400, number.statusCode());
			assertEquals(0, certificatesOf(token), "nothing was issued by the refused requests");

			// issued, not on the card yet; the same key asked again (a lost answer) gets the same certificate
			HttpResponse<String> issued = ServerApiTest.post("applications", application(card, account, key.idHex(), csr), token);
			assertEquals(200, issued.statusCode(), issued.body());
			assertEquals("ISSUED_NOT_ON_CARD", ServerApiTest.field(issued.body(), "state"));
			String serial = ServerApiTest.field(issued.body(), "serial");
			HttpResponse<String> again = ServerApiTest.post("applications", application(card, account, key.idHex(), csr), token);
			assertEquals(serial, ServerApiTest.field(again.body(), "serial"), "one certificate per key");
			assertEquals(1, certificatesOf(token));
			X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
					new ByteArrayInputStream(Base64.getDecoder().decode(ServerApiTest.field(issued.body(), "der"))));
			assertArrayEquals(key.publicKey().getEncoded(), x509.getPublicKey().getEncoded(), "the card's key is certified");
			assertTrue(x509.getSubjectX500Principal().getName().contains("張雅婷"), "the subject comes from the RA's records, not the request");
			assertEquals(null, x509.getSubjectAlternativeNames(), "no unverified e-mail address in the certificate");
			assertEquals(java.util.List.of("1.3.6.1.5.5.7.3.2"), x509.getExtendedKeyUsage(), "client authentication, no S/MIME");

			card.storeCertificate(x509);
			// the confirmation: only this card's key over a fresh challenge, only for this card
			String first = challenge();
			HttpResponse<String> wrongKey = ServerApiTest.post("certificates/on-card",
					onCard(serial, j.card.serial(), first, card.sign(key, "SHA256withRSA", "other data".getBytes())), token);
			assertEquals(401, wrongKey.statusCode());
			assertTrue(wrongKey.body().contains("SIGNATURE_INVALID"), wrongKey.body());
			HttpResponse<String> replay = ServerApiTest.post("certificates/on-card",
					onCard(serial, j.card.serial(), first, card.sign(key, "SHA256withRSA", Base64.getDecoder().decode(first))), token);
			assertTrue(replay.body().contains("CHALLENGE_INVALID"), "a challenge works once: " + replay.body());
			String second = challenge();
			HttpResponse<String> otherCard = ServerApiTest.post("certificates/on-card",
					onCard(serial, other.card.serial(), second, card.sign(key, "SHA256withRSA", Base64.getDecoder().decode(second))), token);
			assertEquals(403, otherCard.statusCode());
			assertTrue(otherCard.body().contains("WRONG_CARD"), otherCard.body());
			assertTrue(ServerApiTest.get("certificates", token).body().contains("ISSUED_NOT_ON_CARD"), "unchanged by the refusals");

			String third = challenge();
			HttpResponse<String> confirmed = ServerApiTest.post("certificates/on-card",
					onCard(serial, j.card.serial(), third, card.sign(key, "SHA256withRSA", Base64.getDecoder().decode(third))), token);
			assertEquals(200, confirmed.statusCode(), confirmed.body());
			assertEquals("ON_CARD", ServerApiTest.field(confirmed.body(), "state"));
			assertTrue(card.certificates().contains(x509));
		}

		// what the card said of its PIN reaches the card's record: the third wrong PIN locks the record too
		assertEquals(200, ServerApiTest.post("cards/pin-strikes", strikes(j.card.serial(), "2"), token).statusCode());
		HttpResponse<String> tooMany = ServerApiTest.post("cards/pin-strikes", strikes(j.card.serial(), "7"), token);
		assertEquals(400, tooMany.statusCode());
		assertTrue(tooMany.body().contains("INVALID_INPUT"), tooMany.body());
		assertEquals(400, ServerApiTest.post("cards/pin-strikes", strikes(j.card.serial(), "\"two\""), token).statusCode());
		assertEquals(403, ServerApiTest.post("cards/pin-strikes", strikes(other.card.serial(), "1"), token).statusCode(),
				"only one's own card");
		assertEquals("ISSUED", cardState(j.card.serial()));
		assertEquals(200, ServerApiTest.post("cards/pin-strikes", strikes(j.card.serial(), "3"), token).statusCode());
		assertEquals("LOCKED", cardState(j.card.serial()), "the counter sees the card locked");
		assertEquals(200, ServerApiTest.post("cards/pin-strikes", strikes(j.card.serial(), "0"), token).statusCode());
		assertEquals("LOCKED", cardState(j.card.serial()), "only the counter unlocks");
	}

	private static String strikes(String card, String count) {
		return "{\"cardSerial\":\"" + card + "\",\"strikes\":" + count + "}";
	}

	private static String cardState(String serial) throws Exception {
		return Services.await(radesk.api.staff.SearchDesk.class).story(Staff.CLERK, radesk.api.staff.SearchDesk.Kind.CARD, serial).cards().stream()
				.filter(c -> c.serial().equals(serial)).findFirst().orElseThrow().state();
	}
}
