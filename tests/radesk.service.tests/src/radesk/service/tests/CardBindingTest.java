package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.FormDesk;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.card.CardBinding;
import radesk.core.card.KeyKind;
import radesk.core.review.Decision;
import radesk.pki.CsrBuilder;
import radesk.store.Database;
import radesk.testing.SoftHsm;

/**
 * Card possession behind every certificate (security review H1), tried as an attacker would over
 * HTTPS: a subscriber's website password and card serial are not enough. Every request must be
 * signed by the authentication key that personalization made on that very card, over a fresh
 * challenge; a software key, another card's key, a replayed challenge, or the authentication key
 * itself as the certified key get nothing, and each attempt is audited.
 */
class CardBindingTest {

	@BeforeAll
	static void connect() throws Exception {
		SoftHsm.demoCardSerial();
		ServerApiTest.connect();
	}

	private static KeyPair softwareKey() throws Exception {
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(new ECGenParameterSpec("secp256r1"));
		return g.generateKeyPair();
	}

	private static byte[] softwareSigned(KeyPair key, byte[] data) throws Exception {
		Signature s = Signature.getInstance("SHA256withECDSA");
		s.initSign(key.getPrivate());
		s.update(data);
		return s.sign();
	}

	/** A request for a key made in software, signed by that key (what an attacker can make without the card). */
	private static byte[] softwareRequest(KeyPair key, String account) throws Exception {
		return CsrBuilder.build(key.getPublic(), account, (algorithm, data) -> softwareSigned(key, data));
	}

	private static String b64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}

	private static long refusalsAudited(String cardSerial) throws Exception {
		return Services.await(AuditTrail.class).about(Staff.CLERK, "card:" + cardSerial).stream()
				.filter(e -> e.action().equals("APPLICATION_REFUSED")).count();
	}

	@Test
	void aPasswordAndACardSerialWithoutTheCardGetNoCertificate() throws Exception {
		Journey victim = Journey.toCardInHand();
		Journey attacker = Journey.toCardInHand();
		String token = ApplicationApiTest.token(victim);
		String account = victim.subscriber.account();
		KeyPair soft = softwareKey();
		byte[] csr = softwareRequest(soft, account);

		// the request alone, as before card binding: a field is missing
		HttpResponse<String> bare = ServerApiTest.post("applications",
				"{\"cardSerial\":\"" + victim.card.serial() + "\",\"keyId\":\"aa\",\"csr\":\"" + b64(csr) + "\"}", token);
		assertEquals(400, bare.statusCode(), bare.body());
		assertTrue(bare.body().contains("MISSING_FIELD"), bare.body());

		// the binding signed by a software key
		String challenge = ApplicationApiTest.challenge();
		byte[] message = CardBinding.message(CardBinding.Purpose.APPLICATION, account, victim.card.serial(),
				Base64.getDecoder().decode(challenge), csr);
		HttpResponse<String> software = ServerApiTest.post("applications",
				ApplicationApiTest.application(victim.card.serial(), "aa", b64(csr), challenge, b64(softwareSigned(soft, message))), token);
		assertEquals(403, software.statusCode(), software.body());
		assertTrue(software.body().contains("CARD_NOT_PROVEN"), software.body());

		// the binding signed by a real RA card: the attacker's own
		String second = ApplicationApiTest.challenge();
		byte[] secondMessage = CardBinding.message(CardBinding.Purpose.APPLICATION, account, victim.card.serial(),
				Base64.getDecoder().decode(second), csr);
		byte[] byAnotherCard;
		try (CardSession theirs = Services.await(CardTerminal.class).open(attacker.card.serial(), attacker.pin.toCharArray())) {
			byAnotherCard = theirs.sign(theirs.authenticationKey().orElseThrow(), CardBinding.ALGORITHM, secondMessage);
		}
		HttpResponse<String> otherCard = ServerApiTest.post("applications",
				ApplicationApiTest.application(victim.card.serial(), "aa", b64(csr), second, b64(byAnotherCard)), token);
		assertEquals(403, otherCard.statusCode(), otherCard.body());
		assertTrue(otherCard.body().contains("CARD_NOT_PROVEN"), otherCard.body());

		// nothing issued, nothing on the card's record but the refusals, each audited
		assertEquals(0, ApplicationApiTest.certificatesOf(token));
		assertEquals(2, refusalsAudited(victim.card.serial()), "both attempts audited");
	}

	@Test
	void aChallengeBindsOneRequestOnceAndTheAuthenticationKeyIsNeverCertified() throws Exception {
		Journey j = Journey.toCardInHand();
		String token = ApplicationApiTest.token(j);
		String account = j.subscriber.account();
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			CardKey authentication = card.authenticationKey().orElseThrow();
			assertTrue(card.keys().isEmpty(), "the authentication key is not a key for certificates");

			// the authentication key as the certified key: refused
			byte[] ownCsr = CsrBuilder.build(authentication.publicKey(), account, (alg, data) -> card.sign(authentication, alg, data));
			HttpResponse<String> self = ServerApiTest.post("applications", ApplicationApiTest.application(card, account, "aa", ownCsr), token);
			assertEquals(400, self.statusCode(), self.body());
			assertTrue(self.body().contains("BAD_REQUEST"), self.body());

			// a challenge the server never gave, and one used already
			CardKey key = card.generateKey(KeyKind.EC_P256);
			byte[] csr = CsrBuilder.build(key.publicKey(), account, (alg, data) -> card.sign(key, alg, data));
			byte[] madeUp = new byte[32];
			byte[] madeUpSignature = card.sign(authentication, CardBinding.ALGORITHM,
					CardBinding.message(CardBinding.Purpose.APPLICATION, account, j.card.serial(), madeUp, csr));
			HttpResponse<String> unknown = ServerApiTest.post("applications",
					ApplicationApiTest.application(j.card.serial(), key.idHex(), b64(csr), b64(madeUp), b64(madeUpSignature)), token);
			assertEquals(401, unknown.statusCode(), unknown.body());
			assertTrue(unknown.body().contains("CHALLENGE_INVALID"), unknown.body());

			String body = ApplicationApiTest.application(card, account, key.idHex(), csr);
			HttpResponse<String> issued = ServerApiTest.post("applications", body, token);
			assertEquals(200, issued.statusCode(), issued.body());
			HttpResponse<String> replayed = ServerApiTest.post("applications", body, token);
			assertEquals(401, replayed.statusCode(), "the same challenge twice: " + replayed.body());
			assertTrue(replayed.body().contains("CHALLENGE_INVALID"), replayed.body());

			// a second key on a card that holds a valid certificate: renewal is the way
			CardKey another = card.generateKey(KeyKind.EC_P256);
			byte[] anotherCsr = CsrBuilder.build(another.publicKey(), account, (alg, data) -> card.sign(another, alg, data));
			HttpResponse<String> second = ServerApiTest.post("applications",
					ApplicationApiTest.application(card, account, another.idHex(), anotherCsr), token);
			assertEquals(409, second.statusCode(), second.body());
			assertTrue(second.body().contains("CARD_HAS_CERTIFICATE"), second.body());
		}
		assertEquals(1, ApplicationApiTest.certificatesOf(token));
	}

	@Test
	void aKeyCertifiedOnceIsNeverCertifiedAgainForAnotherCardOrPerson() throws Exception {
		Journey first = Journey.toCardInHand();
		Journey second = Journey.toCardInHand();
		CardTerminal terminal = Services.await(CardTerminal.class);
		try (CardSession a = terminal.open(first.card.serial(), first.pin.toCharArray());
				CardSession b = terminal.open(second.card.serial(), second.pin.toCharArray())) {
			CardKey key = a.generateKey(KeyKind.EC_P256);
			byte[] csr = CsrBuilder.build(key.publicKey(), first.subscriber.account(), (alg, data) -> a.sign(key, alg, data));
			HttpResponse<String> issued = ServerApiTest.post("applications",
					ApplicationApiTest.application(a, first.subscriber.account(), key.idHex(), csr), ApplicationApiTest.token(first));
			assertEquals(200, issued.statusCode(), issued.body());
			// the same key, its request signed on the first card, bound by the second card for its own subscriber
			byte[] again = CsrBuilder.build(key.publicKey(), second.subscriber.account(), (alg, data) -> a.sign(key, alg, data));
			String token = ApplicationApiTest.token(second);
			HttpResponse<String> reused = ServerApiTest.post("applications",
					ApplicationApiTest.application(b, second.subscriber.account(), "bb", again), token);
			assertEquals(400, reused.statusCode(), reused.body());
			assertTrue(reused.body().contains("BAD_REQUEST"), reused.body());
			assertEquals(0, ApplicationApiTest.certificatesOf(token), "nothing issued for a key certified before");
			assertEquals(1, refusalsAudited(second.card.serial()));
		}
	}

	@Test
	void aChallengeOlderThanTwoMinutesIsStale() throws Exception {
		Journey j = Journey.toCardInHand();
		String token = ApplicationApiTest.token(j);
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			CardKey key = card.generateKey(KeyKind.EC_P256);
			byte[] csr = CsrBuilder.build(key.publicKey(), j.subscriber.account(), (alg, data) -> card.sign(key, alg, data));
			String body = ApplicationApiTest.application(card, j.subscriber.account(), key.idHex(), csr);
			radesk.core.TimeSource.advance(java.time.Duration.ofMinutes(3));
			HttpResponse<String> stale = ServerApiTest.post("applications", body, token);
			assertEquals(401, stale.statusCode(), stale.body());
			assertTrue(stale.body().contains("CHALLENGE_INVALID"), stale.body());
		} finally {
			radesk.core.TimeSource.reset();
		}
		assertEquals(0, ApplicationApiTest.certificatesOf(token));
	}

	@Test
	void aCardPersonalizedBeforeBindingIsRefusedUntilACounterVisitBindsIt() throws Exception {
		Journey j = Journey.toCardInHand();
		// as an older card: no authentication key on the card, none on record
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			card.deleteKey(card.authenticationKey().orElseThrow());
		}
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update card set auth_key = null where serial = ?")) {
				ps.setString(1, j.card.serial());
				ps.executeUpdate();
			}
			return null;
		});
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		radesk.api.CardAccessException unbound = org.junit.jupiter.api.Assertions.assertThrows(radesk.api.CardAccessException.class,
				() -> SubscriberEdition.apply(me, j, KeyKind.EC_P256));
		assertEquals(radesk.api.CardAccessException.Reason.NOT_BOUND, unbound.reason(), "the subscriber edition says: to the counter");

		// the counter visit: a PIN unlock form, approved, carried out; the card makes its key and the RA records it
		FormDesk forms = Services.await(FormDesk.class);
		long form = forms.submitPinUnlock(Staff.CLERK, j.card.serial(), "用戶攜舊卡臨櫃，已核對身分證");
		forms.decide(Staff.OFFICER, form, Decision.approve());
		String pin = new String(Journey.unlockPin(form).pin());
		assertEquals(radesk.core.certificate.CertificateState.ON_CARD,
				SubscriberEdition.apply(me, j.card.serial(), pin, KeyKind.EC_P256).certificate().state());
		assertEquals(List.of("CARD_BOUND"), Services.await(AuditTrail.class).about(Staff.CLERK, "card:" + j.card.serial()).stream()
				.map(e -> e.action()).filter(a -> a.equals("CARD_BOUND")).toList());
	}
}
