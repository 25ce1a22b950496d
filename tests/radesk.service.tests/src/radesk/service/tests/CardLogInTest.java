package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.AccountDesk;
import radesk.api.staff.AuditTrail;
import radesk.api.CertificateDesk;
import radesk.api.staff.FormDesk;
import radesk.api.IssuedCertificate;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.card.CardKey;
import radesk.card.CardSession;
import radesk.card.CardTerminal;
import radesk.core.access.Actor;
import radesk.core.audit.AuditEntry;
import radesk.core.card.KeyKind;
import radesk.core.review.Decision;
import radesk.core.revocation.RevocationReason;
import radesk.testing.SoftHsm;

/**
 * 晶片卡登入: the server's challenge signed by the key on the card (SoftHSM2), checked against the
 * certificate of the RA's records. Replays, forgeries, another RA unit and a revoked certificate
 * are refused, each refusal audited.
 */
class CardLogInTest {

	@BeforeAll
	static void tokens() throws Exception {
		SoftHsm.demoCardSerial();
	}

	private static byte[] signOnCard(Journey j, byte[] challenge) throws Exception {
		try (CardSession card = Services.await(CardTerminal.class).open(j.card.serial(), j.pin.toCharArray())) {
			CardKey key = card.keys().get(0);
			return card.sign(key, "SHA256withECDSA", challenge);
		}
	}

	@Test
	void theCardSignsTheChallengeAndARevokedCertificateCannotLogIn() throws Exception {
		Journey j = Journey.toCardInHand();
		AccountDesk accounts = Services.await(AccountDesk.class);
		Actor me = accounts.logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		radesk.api.SubscriberRa.Certificate cert = SubscriberEdition.apply(SubscriberEdition.logIn(j), j, KeyKind.EC_P256);

		byte[] challenge = accounts.cardChallenge();
		byte[] signature = signOnCard(j, challenge);
		Actor byCard = accounts.logInWithCard(cert.identifier().toLowerCase(), "HQ", challenge, signature, "home-pc");
		assertEquals(j.subscriber.account(), byCard.account());
		assertEquals(Reason.CHALLENGE_INVALID, assertThrows(ServiceException.class,
				() -> accounts.logInWithCard(cert.identifier(), "HQ", challenge, signature, "pc")).reason(), "a replay");
		assertEquals(Reason.CHALLENGE_INVALID, assertThrows(ServiceException.class,
				() -> accounts.logInWithCard(cert.identifier(), "HQ", new byte[32], signature, "pc")).reason(), "a made-up challenge");

		byte[] other = accounts.cardChallenge();
		assertEquals(Reason.SIGNATURE_INVALID, assertThrows(ServiceException.class,
				() -> accounts.logInWithCard(cert.identifier(), "HQ", other, signature, "pc")).reason(),
				"a signature over another challenge");
		byte[] third = accounts.cardChallenge();
		byte[] rightSignature = signOnCard(j, third);
		assertEquals(Reason.NOT_FOUND, assertThrows(ServiceException.class,
				() -> accounts.logInWithCard(cert.identifier(), "KHH", third, rightSignature, "pc")).reason(), "another RA unit");

		FormDesk forms = Services.await(FormDesk.class);
		long form = forms.submitRevocation(Staff.CLERK, cert.serial(), RevocationReason.KEY_LOST, "lost");
		forms.decide(Staff.OFFICER, form, Decision.approve());
		byte[] afterRevocation = accounts.cardChallenge();
		byte[] valid = signOnCard(j, afterRevocation);
		assertEquals(Reason.CERTIFICATE_REVOKED, assertThrows(ServiceException.class,
				() -> accounts.logInWithCard(cert.identifier(), "HQ", afterRevocation, valid, "pc")).reason());

		List<String> story = Services.await(AuditTrail.class).about(Staff.ADMIN, "subscriber:" + j.subscriber.subscriberId()).stream()
				.map(AuditEntry::after).filter(a -> a != null && a.startsWith("card ")).toList();
		assertEquals(List.of("card " + cert.identifier(), "card " + cert.identifier() + " SIGNATURE_INVALID",
				"card " + cert.identifier() + " CERTIFICATE_REVOKED"), story, "each card log-in and refusal audited");
	}

	@Test
	void overHttpsTheCardLogsInAndAForgedSignatureDoesNot() throws Exception {
		Journey j = Journey.toCardInHand();
		Actor me = Services.await(AccountDesk.class).logIn(j.subscriber.account(), j.password.toCharArray(), "pc");
		radesk.api.SubscriberRa.Certificate cert = SubscriberEdition.apply(SubscriberEdition.logIn(j), j, KeyKind.EC_P256);
		ServerApiTest.connect();
		HttpResponse<String> issued = ServerApiTest.get("challenge", null);
		String challenge = issued.body().replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1");
		String signature = Base64.getEncoder().encodeToString(signOnCard(j, Base64.getDecoder().decode(challenge)));
		String forged = Base64.getEncoder().encodeToString(signOnCard(j, "something else".getBytes()));
		HttpResponse<String> refused = ServerApiTest.post("card-sessions", "{\"identifier\":\"" + cert.identifier()
				+ "\",\"raUnit\":\"HQ\"," + ServerApiTest.captcha() + ",\"challenge\":\"" + challenge + "\",\"signature\":\"" + forged + "\"}", null);
		assertEquals(401, refused.statusCode(), refused.body());
		assertTrue(refused.body().contains("SIGNATURE_INVALID"), refused.body());
		HttpResponse<String> replay = ServerApiTest.post("card-sessions", "{\"identifier\":\"" + cert.identifier()
				+ "\",\"raUnit\":\"HQ\"," + ServerApiTest.captcha() + ",\"challenge\":\"" + challenge + "\",\"signature\":\"" + signature + "\"}", null);
		assertTrue(replay.body().contains("CHALLENGE_INVALID"), "the challenge was used up by the forged attempt: " + replay.body());

		String fresh = ServerApiTest.get("challenge", null).body().replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1");
		String good = Base64.getEncoder().encodeToString(signOnCard(j, Base64.getDecoder().decode(fresh)));
		HttpResponse<String> ok = ServerApiTest.post("card-sessions", "{\"identifier\":\"" + cert.identifier()
				+ "\",\"raUnit\":\"HQ\"," + ServerApiTest.captcha() + ",\"challenge\":\"" + fresh + "\",\"signature\":\"" + good + "\"}", null);
		assertEquals(200, ok.statusCode(), ok.body());
		String token = ok.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
		HttpResponse<String> mine = ServerApiTest.get("certificates", token);
		assertTrue(mine.body().contains(cert.identifier()), mine.body());
		assertEquals(400, ServerApiTest.post("card-sessions", "{\"identifier\":\"" + cert.identifier()
				+ "\",\"raUnit\":\"HQ\",\"challenge\":\"not base64!\",\"signature\":\"" + good + "\"}", null).statusCode());
	}
}
