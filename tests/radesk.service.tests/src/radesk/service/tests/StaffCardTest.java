package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.AuditTrail;
import radesk.api.staff.StaffCardDesk;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.audit.AuditEntry;
import radesk.core.card.CardBinding;
import radesk.core.revocation.RevocationReason;
import radesk.flows.counter.IssueStaffCard;
import radesk.testing.SoftHsm;

/**
 * Staff cards (員工卡): an administrator issues a member of staff their own card at the counter; from
 * the network a sign-in takes the password and that card's signature over a fresh challenge. The
 * attacks: the right password alone, another card's answer, a software key's, a replayed
 * challenge, a revoked card, an administrator making their own factor.
 */
class StaffCardTest {

	private static final char[] PASSWORD = "staff-Card-2026".toCharArray();
	private static Actor admin;
	private static StaffDesk staff;

	@BeforeAll
	static void server() throws Exception {
		ServerApiTest.connect();
		admin = Staff.administrator();
		staff = Services.await(StaffDesk.class);
	}

	private static String newClerk() throws Exception {
		String account = "sc." + UUID.randomUUID().toString().substring(0, 8);
		staff.addStaff(admin, account, "員工卡測試", Role.COUNTER_CLERK, PASSWORD);
		return account;
	}

	private static HttpResponse<String> signIn(String body) throws Exception {
		return ServerApiTest.post("staff/sessions", body, null);
	}

	@Test
	void theAdministratorIssuesAStaffCardAndItsHolderSignsInWithIt() throws Exception {
		String clerk = newClerk();
		List<IssueStaffCard.Step> steps = new ArrayList<>();
		String serial = new IssueStaffCard(Services.await(StaffCardDesk.class), StaffCardHolder.terminal()).run(admin, clerk,
				Journey.blankSlot(), StaffCardHolder.PIN.toCharArray(), steps::add);
		assertEquals(List.of(IssueStaffCard.Step.values()), steps, "every step told, in order");
		assertTrue(serial.matches("RS\\d{10}"), serial);
		StaffCardHolder card = new StaffCardHolder(clerk, PASSWORD, serial, StaffCardHolder.PIN);

		// the card holds its staff certificate, for the key made on the card: openssl reads its profile
		List<X509Certificate> onCard = StaffCardHolder.terminal().certificates(serial);
		assertEquals(1, onCard.size(), "the staff certificate is on the card");
		Path pem = Files.createTempDirectory("staff-card").resolve("staff.pem");
		Files.writeString(pem, ServiceFlowTest.pem(onCard.get(0).getEncoded()));
		String text = SoftHsm.run("openssl", "x509", "-in", pem.toString(), "-noout", "-text");
		assertTrue(text.contains("TLS Web Client Authentication"), text);
		assertFalse(text.contains("E-mail Protection") || text.contains("Non Repudiation"), "nothing but signing in: " + text);
		assertTrue(text.contains("OU=RA staff") || text.contains("OU = RA staff"), text);
		assertTrue(text.contains(radesk.pki.CaProfile.DEMO_STAFF_POLICY_OID), "the staff policy, not the subscribers': " + text);
		assertTrue(text.contains("UID=" + clerk) || text.contains("UID = " + clerk), text);
		StaffDesk.StaffCard listed = staff.staff(admin).stream().filter(m -> m.account().equals(clerk)).findFirst().orElseThrow()
				.staffCard();
		assertEquals(serial, listed.serial(), "the staff list shows the person's card");
		assertEquals(onCard.get(0).getNotAfter().toInstant(), listed.notAfter());

		String token = card.token("sc-1");
		assertEquals(200, ServerApiTest.post("staff/search", "{\"text\":\"x\",\"limit\":5}", token).statusCode());
		List<String> trail = Services.await(AuditTrail.class).about(admin, "staff_card:" + serial).stream().map(AuditEntry::action)
				.toList();
		assertEquals(List.of("STAFF_CARD_STARTED", "STAFF_CERTIFICATE_ISSUED", "STAFF_CARD_ISSUED"), trail);
	}

	@Test
	void aPasswordAloneAnotherCardASoftwareKeyOrAReplayedChallengeGetNothing() throws Exception {
		String clerk = newClerk();
		StaffCardHolder card = StaffCardHolder.issue(admin, clerk, PASSWORD);
		String other = newClerk();
		StaffCardHolder otherCard = StaffCardHolder.issue(admin, other, PASSWORD);

		HttpResponse<String> passwordOnly = signIn("{\"account\":\"" + clerk + "\",\"password\":\"" + new String(PASSWORD)
				+ "\",\"workstation\":\"x\"}");
		assertEquals(401, passwordOnly.statusCode(), passwordOnly.body());
		assertTrue(passwordOnly.body().contains("STAFF_CARD_REQUIRED"), passwordOnly.body());

		// the card's own answer works once; replayed, its challenge is gone
		String good = card.signInBody("x");
		assertEquals(200, signIn(good).statusCode());
		HttpResponse<String> replayed = signIn(good);
		assertEquals(401, replayed.statusCode(), replayed.body());
		assertTrue(replayed.body().contains("CHALLENGE_INVALID"), replayed.body());

		// another person's card answering for this account (its own serial, or this person's serial)
		String othersAnswer = otherCard.signInBody("x").replace("\"account\":\"" + other + "\"", "\"account\":\"" + clerk + "\"");
		assertWrong(signIn(othersAnswer), "another person's card");
		String othersSignature = otherCard.signInBody("x").replace("\"account\":\"" + other + "\"", "\"account\":\"" + clerk + "\"")
				.replace(otherCard.cardSerial(), card.cardSerial());
		assertWrong(signIn(othersSignature), "another card's signature over this card's serial");

		// a key made in software, signing exactly the right text for this card
		byte[] challenge = Base64.getDecoder()
				.decode(ServerApiTest.field(ServerApiTest.post("staff/sign-in/challenge", "{}", null).body(), "challenge"));
		KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
		g.initialize(256);
		KeyPair software = g.generateKeyPair();
		Signature s = Signature.getInstance(CardBinding.ALGORITHM);
		s.initSign(software.getPrivate());
		s.update(CardBinding.message(CardBinding.Purpose.STAFF_SIGN_IN, clerk, card.cardSerial(), challenge, new byte[0]));
		Base64.Encoder b64 = Base64.getEncoder();
		assertWrong(signIn("{\"account\":\"" + clerk + "\",\"password\":\"" + new String(PASSWORD) + "\",\"workstation\":\"x\","
				+ "\"cardSerial\":\"" + card.cardSerial() + "\",\"challenge\":\"" + b64.encodeToString(challenge)
				+ "\",\"cardSignature\":\"" + b64.encodeToString(s.sign()) + "\"}"), "a software key");


		List<String> failures = Services.await(AuditTrail.class).about(admin, "staff:" + clerk).stream()
				.filter(e -> e.action().startsWith("SIGN_IN_")).map(e -> e.action() + " " + e.after()).toList();
		assertTrue(failures.stream().anyMatch(f -> f.contains("no staff card")), failures.toString());
		assertTrue(failures.stream().anyMatch(f -> f.contains("not this person's staff card")), failures.toString());
		assertTrue(failures.stream().filter(f -> f.contains("signature not by staff card")).count() >= 2, failures.toString());
	}

	private static void assertWrong(HttpResponse<String> answer, String what) {
		assertEquals(401, answer.statusCode(), what + ": " + answer.body());
		assertTrue(answer.body().contains("WRONG_PASSWORD"), what + " is told apart from nothing: " + answer.body());
	}

	@Test
	void aRevokedOrReplacedStaffCardEndsItsSessionsAndSignsNobodyIn() throws Exception {
		String clerk = newClerk();
		StaffCardHolder first = StaffCardHolder.issue(admin, clerk, PASSWORD);
		String token = first.token("rv-1");
		String search = "{\"text\":\"x\",\"limit\":5}";
		assertEquals(200, ServerApiTest.post("staff/search", search, token).statusCode());

		// a second card replaces the first: the first's session ends, and it signs in no more
		StaffCardHolder second = StaffCardHolder.issue(admin, clerk, PASSWORD);
		assertNotEquals(first.cardSerial(), second.cardSerial());
		assertEquals(401, ServerApiTest.post("staff/search", search, token).statusCode(), "the replaced card's session ended");
		assertWrong(signIn(first.signInBody("rv-1")), "the replaced card");
		String secondToken = second.token("rv-2");
		assertEquals(200, ServerApiTest.post("staff/search", search, secondToken).statusCode());

		// 停用員工卡 (the card was lost): its session ends at once, the CRL lists its certificate
		StaffCardDesk cards = Services.await(StaffCardDesk.class);
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> cards.revoke(Staff.CLERK, second.cardSerial(), RevocationReason.KEY_LOST)).reason(), "administrators only");
		cards.revoke(admin, second.cardSerial(), RevocationReason.KEY_LOST);
		assertEquals(401, ServerApiTest.post("staff/search", search, secondToken).statusCode(), "signed out at once");
		assertWrong(signIn(second.signInBody("rv-2")), "a revoked card");
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class,
				() -> cards.revoke(admin, second.cardSerial(), RevocationReason.KEY_LOST)).reason());
		String certificateSerial = StaffCardHolder.terminal().certificates(second.cardSerial()).get(0).getSerialNumber().toString(16);
		Path crl = Path.of(System.getProperty("radesk.data"), "publish", "radesk-issuing.crl");
		String text = SoftHsm.run("openssl", "crl", "-inform", "DER", "-in", crl.toString(), "-noout", "-text");
		assertTrue(text.toUpperCase().contains(certificateSerial.toUpperCase()), "the CRL lists the staff certificate: " + text);
		assertTrue(staff.staff(admin).stream().filter(m -> m.account().equals(clerk)).findFirst().orElseThrow().staffCard() == null,
				"no active card any more");
	}

	@Test
	void anAdministratorMakesNoStaffCardForThemselvesWhileAnotherCouldAndTheHostRecoveryLetsOneSignInThrough()
			throws Exception {
		String second = "sc.admin." + UUID.randomUUID().toString().substring(0, 6);
		staff.addStaff(admin, second, "第二管理者", Role.ADMINISTRATOR, PASSWORD);
		StaffCardHolder.issue(admin, second, PASSWORD);
		StaffCardDesk cards = Services.await(StaffCardDesk.class);
		assertEquals(Reason.DUAL_CONTROL, assertThrows(ServiceException.class, () -> cards.begin(admin, admin.account())).reason(),
				"another administrator holds a card: they issue this one");
		// the second administrator issues the first one's card; then neither makes their own
		Actor secondAdmin = new Actor(second, Role.ADMINISTRATOR, "admin-2");
		StaffCardHolder.issue(secondAdmin, admin.account(), PASSWORD);
		assertEquals(Reason.DUAL_CONTROL, assertThrows(ServiceException.class, () -> cards.begin(secondAdmin, second)).reason());

		// the host's recovery: a new password, and one sign-in without the card (to have a new one issued)
		String clerk = newClerk();
		char[] fresh = staff.recoverOnHost(clerk);
		String body = "{\"account\":\"" + clerk + "\",\"password\":\"" + new String(fresh) + "\",\"workstation\":\"host\"}";
		HttpResponse<String> once = signIn(body);
		assertEquals(200, once.statusCode(), once.body());
		HttpResponse<String> twice = signIn(body);
		assertEquals(401, twice.statusCode(), "the waiver is used up: " + twice.body());
		assertTrue(twice.body().contains("STAFF_CARD_REQUIRED"), twice.body());
	}
}
