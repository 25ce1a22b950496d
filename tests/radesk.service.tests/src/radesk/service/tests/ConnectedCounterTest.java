package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.staff.AuditTrail;
import radesk.api.staff.CounterIntake;
import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.staff.SearchDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.audit.AuditEntry;
import radesk.core.registration.Field;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.Problem;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.remote.ServerConnection;
import radesk.server.RaServerEndpoint;
import radesk.testing.TestIds;

/**
 * The counter workstation's service interfaces answered by the RA server over HTTPS (connected
 * mode): staff sign in at the server, every call acts as the person who signed in whatever actor
 * the caller passes, the rules' refusals come back as in-process, and the records are the
 * server's.
 */
class ConnectedCounterTest {

	private static final char[] PASSWORD = "Remote-Counter-2026".toCharArray();
	private static String clerkAccount;
	private static String officerAccount;
	private static String mailroomAccount;

	@BeforeAll
	static void staff() throws Exception {
		ServerApiTest.connect();
		Actor admin = Staff.administrator();
		StaffDesk local = Services.await(StaffDesk.class);
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		clerkAccount = "rc.clerk." + suffix;
		officerAccount = "rc.officer." + suffix;
		local.addStaff(admin, clerkAccount, "遠端櫃檯", Role.COUNTER_CLERK, PASSWORD);
		local.addStaff(admin, officerAccount, "遠端審核", Role.RA_OFFICER, PASSWORD);
		mailroomAccount = "rc.mail." + suffix;
		local.addStaff(admin, mailroomAccount, "遠端收發", Role.MAILROOM_CLERK, PASSWORD);
		clerkCard = StaffCardHolder.issue(admin, clerkAccount, PASSWORD);
		officerCard = StaffCardHolder.issue(admin, officerAccount, PASSWORD);
		mailroomCard = StaffCardHolder.issue(admin, mailroomAccount, PASSWORD);
	}

	private static StaffCardHolder clerkCard;
	private static StaffCardHolder officerCard;
	private static StaffCardHolder mailroomCard;

	@Test
	void theMailroomsCsvOfOver16KiBIsTakenFromAMailroomClerkOnly() throws Exception {
		StringBuilder csv = new StringBuilder("name,national_id,email,ra_unit\r\n");
		java.util.List<String> ids = new java.util.ArrayList<>();
		while (csv.length() < 40_000) {
			String id = TestIds.nationalId();
			ids.add(id);
			csv.append("郵寄遠端,").append(id).append(",far@example.tw,HQ\r\n");
		}
		ServerConnection mailroom = connect();
		Actor clerk = mailroomCard.signIn(mailroom, "remote-mail-1");
		radesk.api.staff.MailroomDesk.ImportReport report = radesk.remote.RemoteDesks.mailroom(mailroom).importPostal(clerk, csv.toString());
		assertEquals(ids.size(), report.stored(), "every row of a " + csv.length() + "-character file stored: " + report.rejected());
		ServerConnection counter = connect();
		Actor counterClerk = clerkCard.signIn(counter, "remote-mail-2");
		ServiceException tooLarge = assertThrows(ServiceException.class,
				() -> radesk.remote.RemoteDesks.mailroom(counter).importPostal(counterClerk, csv.toString()));
		assertTrue(tooLarge.detail().contains("16384"), "a counter clerk's body stays capped at 16 KiB: " + tooLarge.detail());
	}

	/** A counter's connection to the server's staff listener, trusting the RA's root. */
	static ServerConnection connect() throws Exception {
		RaServerEndpoint server = Services.await(RaServerEndpoint.class);
		return new ServerConnection("https://localhost:" + server.staffPort() + "/api/v1/",
				Path.of(System.getProperty("radesk.data"), "server", "root.cer"));
	}

	@Test
	void theCounterWorksThroughTheServerAsThePersonWhoSignedIn() throws Exception {
		ServerConnection counter = connect();
		StaffDesk staff = radesk.remote.RemoteDesks.staff(counter);
		assertFalse(staff.needsFirstAdministrator());
		assertEquals(Reason.STAFF_CARD_REQUIRED, assertThrows(ServiceException.class,
				() -> staff.signIn(clerkAccount, PASSWORD, "remote-counter-1")).reason(), "the right password alone gets nothing");
		ServiceException wrong = assertThrows(ServiceException.class, () -> new StaffCardHolder(clerkAccount,
				"not-the-Password-1".toCharArray(), clerkCard.cardSerial(), clerkCard.pin()).signIn(counter, "remote-counter-1"));
		assertEquals(Reason.WRONG_PASSWORD, wrong.reason());
		Actor clerk = clerkCard.signIn(counter, "remote-counter-1");
		assertEquals(new Actor(clerkAccount, Role.COUNTER_CLERK, "remote-counter-1 @127.0.0.1"), clerk,
				"the workstation as named, and the address the server saw it at");
		assertFalse(radesk.remote.RemoteDesks.intake(counter).raUnits().isEmpty());

		RegistrationDesk registration = radesk.remote.RemoteDesks.registration(counter);
		InvalidFormException refused = assertThrows(InvalidFormException.class, () -> registration.submitWalkIn(clerk,
				new WalkInForm("遠端測試", "A123456788", "remote@example.com.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY)));
		assertTrue(refused.problems().stream().anyMatch(p -> p.field() == Field.NATIONAL_ID && p.problem() == Problem.ID_WRONG_CHECKSUM),
				refused.problems().toString());
		String name = "遠端" + UUID.randomUUID().toString().substring(0, 4);
		RegistrationSummary request = registration.submitWalkIn(clerk,
				new WalkInForm(name, TestIds.nationalId(), "remote@example.com.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY));

		// the clerk's session cannot approve, even passing an officer's actor: the server acts as the clerk
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> registration.decide(new Actor(officerAccount, Role.RA_OFFICER, "forged"), request.id(), Decision.approve()))
				.reason());
		ServerConnection review = connect();
		Actor officer = officerCard.signIn(review, "remote-review-1");
		radesk.remote.RemoteDesks.registration(review).decide(officer, request.id(), Decision.approve());
		NewSubscriber subscriber = registration.register(clerk, request.id());
		assertTrue(subscriber.password().length >= 10, "the website password for its slip");

		List<SearchDesk.SearchHit> found = radesk.remote.RemoteDesks.search(counter).search(clerk, name, 10);
		assertTrue(found.stream().anyMatch(h -> h.title().startsWith(name)), found.toString());
		SearchDesk.Story story = radesk.remote.RemoteDesks.search(counter).story(clerk, SearchDesk.Kind.SUBSCRIBER, String.valueOf(subscriber.subscriberId()));
		assertEquals(name, story.name());
		assertTrue(story.notices().isEmpty(), "no notice yet");
		// 展期到期 and 重寄通知 over HTTPS: the list answers; this server sends no mail, and says so; a bad month is refused
		radesk.api.staff.NoticeDesk notices = radesk.remote.RemoteDesks.notices(counter);
		java.time.YearMonth thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Taipei"));
		assertTrue(notices.dueForRenewal(clerk, "HQ", thisMonth).total() >= 0);
		assertEquals(Reason.MAIL_NOT_SET_UP, assertThrows(ServiceException.class, () -> notices.resend(clerk, 987_654_321L)).reason());
		assertEquals(Reason.INVALID_INPUT,
				assertThrows(ServiceException.class, () -> notices.dueForRenewal(clerk, "HQ", java.time.YearMonth.of(1999, 1))).reason());

		// the server's records, written as the people who signed in, at their workstations
		List<AuditEntry> trail = Services.await(AuditTrail.class).about(Staff.ADMIN, "request:" + request.id());
		assertTrue(trail.stream().anyMatch(e -> e.actor().equals(clerkAccount) && e.workstation().equals("remote-counter-1 @127.0.0.1")), trail.toString());
		assertTrue(trail.stream().anyMatch(e -> e.actor().equals(officerAccount) && e.workstation().equals("remote-review-1 @127.0.0.1")), trail.toString());

		// signed out, the same calls are refused
		counter.signOut();
		assertEquals(Reason.SIGNED_OUT, assertThrows(ServiceException.class, () -> radesk.remote.RemoteDesks.search(counter).search(clerk, name, 10))
				.reason(), "the screen can say: sign in again");
		ServerConnection nowhere = new ServerConnection("https://localhost:1/api/v1/",
				Path.of(System.getProperty("radesk.data"), "server", "root.cer"));
		assertEquals(Reason.SERVER_UNREACHABLE,
				assertThrows(ServiceException.class, () -> radesk.remote.RemoteDesks.staff(nowhere).needsFirstAdministrator()).reason());
	}

	@Test
	void theCardIsWrittenAtTheWorkstationTheRecordsAreTheServers() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		ServerConnection counter = connect();
		Actor clerk = clerkCard.signIn(counter, "remote-counter-2");
		radesk.card.CardTerminal reader = Services.await(radesk.card.CardTerminal.class);
		java.util.List<radesk.api.staff.CardDesk.Step> steps = new java.util.ArrayList<>();
		radesk.api.staff.NewCard card = new radesk.flows.counter.PersonalizeCard(radesk.remote.RemoteDesks.cards(counter), reader).run(clerk,
				j.subscriber.subscriberId(), Journey.blankSlot(), steps::add);
		assertEquals(List.of(radesk.api.staff.CardDesk.Step.values()), steps, "every step told, in order");
		assertEquals(3, reader.verifyPin(card.serial(), card.pin()), "the card in this reader took the PIN");
		SearchDesk.Story story = Services.await(SearchDesk.class).story(Staff.CLERK, SearchDesk.Kind.CARD, card.serial());
		assertEquals(List.of(new SearchDesk.CardLine(card.serial(), "PERSONALIZED")), story.cards(), "the server recorded it");

		radesk.api.staff.IssuanceDesk issuance = radesk.remote.RemoteDesks.issuance(counter);
		issuance.slipPrinted(clerk, radesk.api.staff.IssuanceDesk.SlipKind.CARD_PIN, "card:" + card.serial());
		issuance.slipPrinted(clerk, radesk.api.staff.IssuanceDesk.SlipKind.WEBSITE_PASSWORD, "subscriber:" + j.subscriber.subscriberId());
		issuance.handOver(clerk, card.serial(), new radesk.api.staff.IssuanceDesk.Delivery(radesk.api.staff.IssuanceDesk.Delivery.Method.COUNTER,
				"張雅婷", "", false));

		// a locked card, unlocked at this workstation after an officer approved the form on the server
		for (int i = 0; i < 3; i++) {
			assertThrows(radesk.api.CardAccessException.class, () -> reader.verifyPin(card.serial(), "00000000".toCharArray()));
		}
		radesk.api.staff.FormDesk forms = radesk.remote.RemoteDesks.forms(counter);
		long form = forms.submitPinUnlock(clerk, card.serial(), "用戶攜卡臨櫃");
		ServerConnection review = connect();
		Actor officer = officerCard.signIn(review, "remote-review-2");
		radesk.remote.RemoteDesks.forms(review).decide(officer, form, Decision.approve());
		radesk.api.staff.NewCard unlocked = new radesk.flows.counter.UnlockPin(forms, reader).run(clerk, form);
		assertEquals(3, reader.verifyPin(card.serial(), unlocked.pin()), "the new PIN opens the card");
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class, () -> forms.beginPinUnlock(clerk, form)).reason(),
				"one form, one new PIN: the SO PIN is not handed out again");
	}

	@Test
	void badStaffCallsAreRefusedWithAClearError() throws Exception {
		String token = clerkCard.token("raw");
		String search = "{\"text\":\"x\",\"limit\":5}";
		assertEquals(401, ServerApiTest.post("staff/search", search, null).statusCode(), "no session");
		HttpResponse<String> subscriberToken = ServerApiTest.logIn("nobody", "nothing");
		assertTrue(subscriberToken.statusCode() >= 400);
		// only what a route names is callable: the old reflective call, internal classes, card work done at the workstation
		for (String unnamed : List.of("staff/call", "staff/EmbeddedRa/sealSoPin", "staff/forms/pin-unlock/carry-out",
				"staff/cards/personalize", "staff/sessions/../first-administrator")) {
			HttpResponse<String> refused = ServerApiTest.post(unnamed, "{}", token);
			assertEquals(404, refused.statusCode(), unnamed + ": " + refused.body());
			assertTrue(refused.body().contains("NOT_FOUND"), refused.body());
		}
		HttpResponse<String> units = ServerApiTest.post("staff/ra-units/list", "{}", null);
		assertEquals(200, units.statusCode(), "the RA units are public: " + units.body());
		assertTrue(units.body().startsWith("["), units.body());
		assertEquals(401, ServerApiTest.post("staff/registrations/recent", "{\"limit\":5}", null).statusCode(),
				"the recent requests are not");
		HttpResponse<String> missing = ServerApiTest.post("staff/search", "{\"limit\":5}", token);
		assertEquals(400, missing.statusCode(), missing.body());
		assertTrue(missing.body().contains("MISSING_FIELD") && missing.body().contains("text"), missing.body());
		HttpResponse<String> wrongType = ServerApiTest.post("staff/search", "{\"text\":\"x\",\"limit\":\"many\"}", token);
		assertEquals(400, wrongType.statusCode(), wrongType.body());
		assertTrue(wrongType.body().contains("WRONG_TYPE"), wrongType.body());
		HttpResponse<String> notObject = ServerApiTest.post("staff/search", "[1,2]", token);
		assertEquals(400, notObject.statusCode(), notObject.body());
		HttpResponse<String> badEnum = ServerApiTest.post("staff/search/story", "{\"kind\":\"EVERYTHING\",\"key\":\"1\"}", token);
		assertEquals(400, badEnum.statusCode(), badEnum.body());
		HttpResponse<String> ok = ServerApiTest.post("staff/search", search, token);
		assertEquals(200, ok.statusCode(), ok.body());
		HttpResponse<String> big = ServerApiTest.post("staff/search", "{\"text\":\"" + "x".repeat(20_000) + "\",\"limit\":5}", token);
		assertEquals(413, big.statusCode(), "a clerk's body is capped at 16 KiB: " + big.body());
		// a subscriber's session is no staff session
		HttpResponse<String> forged = ServerApiTest.post("staff/search", search, "made-up-token");
		assertEquals(401, forged.statusCode());
	}
}
