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

import radesk.api.AuditTrail;
import radesk.api.CounterIntake;
import radesk.api.NewSubscriber;
import radesk.api.RegistrationDesk;
import radesk.api.RegistrationSummary;
import radesk.api.SearchDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.StaffDesk;
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
	}

	private static ServerConnection connect() throws Exception {
		RaServerEndpoint server = Services.await(RaServerEndpoint.class);
		return new ServerConnection("https://localhost:" + server.port() + "/api/v1/",
				Path.of(System.getProperty("radesk.data"), "server", "root.cer"));
	}

	@Test
	void theCounterWorksThroughTheServerAsThePersonWhoSignedIn() throws Exception {
		ServerConnection counter = connect();
		StaffDesk staff = counter.desk(StaffDesk.class);
		assertFalse(staff.needsFirstAdministrator());
		ServiceException wrong = assertThrows(ServiceException.class,
				() -> staff.signIn(clerkAccount, "not-the-Password-1".toCharArray(), "remote-counter-1"));
		assertEquals(Reason.WRONG_PASSWORD, wrong.reason());
		assertEquals(2, wrong.triesLeft(), "the tries left travel too");
		Actor clerk = staff.signIn(clerkAccount, PASSWORD, "remote-counter-1");
		assertEquals(new Actor(clerkAccount, Role.COUNTER_CLERK, "remote-counter-1"), clerk);
		assertFalse(counter.desk(CounterIntake.class).raUnits().isEmpty());

		RegistrationDesk registration = counter.desk(RegistrationDesk.class);
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
		Actor officer = review.desk(StaffDesk.class).signIn(officerAccount, PASSWORD, "remote-review-1");
		review.desk(RegistrationDesk.class).decide(officer, request.id(), Decision.approve());
		NewSubscriber subscriber = registration.register(clerk, request.id());
		assertTrue(subscriber.password().length >= 10, "the website password for its slip");

		List<SearchDesk.SearchHit> found = counter.desk(SearchDesk.class).search(clerk, name, 10);
		assertTrue(found.stream().anyMatch(h -> h.title().startsWith(name)), found.toString());
		SearchDesk.Story story = counter.desk(SearchDesk.class).story(clerk, SearchDesk.Kind.SUBSCRIBER, String.valueOf(subscriber.subscriberId()));
		assertEquals(name, story.name());

		// the server's records, written as the people who signed in, at their workstations
		List<AuditEntry> trail = Services.await(AuditTrail.class).about(Staff.ADMIN, "request:" + request.id());
		assertTrue(trail.stream().anyMatch(e -> e.actor().equals(clerkAccount) && e.workstation().equals("remote-counter-1")), trail.toString());
		assertTrue(trail.stream().anyMatch(e -> e.actor().equals(officerAccount) && e.workstation().equals("remote-review-1")), trail.toString());

		// signed out, the same calls are refused
		counter.signOut();
		assertEquals(Reason.SIGNED_OUT, assertThrows(ServiceException.class, () -> counter.desk(SearchDesk.class).search(clerk, name, 10))
				.reason(), "the screen can say: sign in again");
		ServerConnection nowhere = new ServerConnection("https://localhost:1/api/v1/",
				Path.of(System.getProperty("radesk.data"), "server", "root.cer"));
		assertEquals(Reason.SERVER_UNREACHABLE,
				assertThrows(ServiceException.class, () -> nowhere.desk(StaffDesk.class).needsFirstAdministrator()).reason());
	}

	@Test
	void theCardIsWrittenAtTheWorkstationTheRecordsAreTheServers() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		ServerConnection counter = connect();
		Actor clerk = counter.desk(StaffDesk.class).signIn(clerkAccount, PASSWORD, "remote-counter-2");
		radesk.card.CardTerminal reader = Services.await(radesk.card.CardTerminal.class);
		java.util.List<radesk.api.CardDesk.Step> steps = new java.util.ArrayList<>();
		radesk.api.NewCard card = radesk.card.CounterCardWork.personalize(counter.desk(radesk.api.CardDesk.class), reader, clerk,
				j.subscriber.subscriberId(), Journey.blankSlot(), steps::add);
		assertEquals(List.of(radesk.api.CardDesk.Step.values()), steps, "every step told, in order");
		assertEquals(3, reader.verifyPin(card.serial(), card.pin()), "the card in this reader took the PIN");
		SearchDesk.Story story = Services.await(SearchDesk.class).story(Staff.CLERK, SearchDesk.Kind.CARD, card.serial());
		assertEquals(List.of(new SearchDesk.CardLine(card.serial(), "PERSONALIZED")), story.cards(), "the server recorded it");

		radesk.api.IssuanceDesk issuance = counter.desk(radesk.api.IssuanceDesk.class);
		issuance.slipPrinted(clerk, radesk.api.IssuanceDesk.SlipKind.CARD_PIN, "card:" + card.serial());
		issuance.slipPrinted(clerk, radesk.api.IssuanceDesk.SlipKind.WEBSITE_PASSWORD, "subscriber:" + j.subscriber.subscriberId());
		issuance.handOver(clerk, card.serial(), new radesk.api.IssuanceDesk.Delivery(radesk.api.IssuanceDesk.Delivery.Method.COUNTER,
				"張雅婷", "", false));

		// a locked card, unlocked at this workstation after an officer approved the form on the server
		for (int i = 0; i < 3; i++) {
			assertThrows(radesk.api.CardAccessException.class, () -> reader.verifyPin(card.serial(), "00000000".toCharArray()));
		}
		radesk.api.FormDesk forms = counter.desk(radesk.api.FormDesk.class);
		long form = forms.submitPinUnlock(clerk, card.serial(), "用戶攜卡臨櫃");
		ServerConnection review = connect();
		Actor officer = review.desk(StaffDesk.class).signIn(officerAccount, PASSWORD, "remote-review-2");
		review.desk(radesk.api.FormDesk.class).decide(officer, form, Decision.approve());
		radesk.api.NewCard unlocked = radesk.card.CounterCardWork.unlock(forms, reader, clerk, form);
		assertEquals(3, reader.verifyPin(card.serial(), unlocked.pin()), "the new PIN opens the card");
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class, () -> forms.beginPinUnlock(clerk, form)).reason(),
				"one form, one new PIN: the SO PIN is not handed out again");
	}

	@Test
	void badStaffCallsAreRefusedWithAClearError() throws Exception {
		HttpResponse<String> in = ServerApiTest.post("staff/sessions",
				"{\"account\":\"" + clerkAccount + "\",\"password\":\"" + new String(PASSWORD) + "\",\"workstation\":\"raw\"}", null);
		assertEquals(200, in.statusCode(), in.body());
		String token = ServerApiTest.field(in.body(), "token");
		assertEquals(401, ServerApiTest.post("staff/call", "{\"desk\":\"SearchDesk\",\"method\":\"search\",\"args\":[null,\"x\",5]}", null)
				.statusCode(), "no session");
		HttpResponse<String> subscriberToken = ServerApiTest.logIn("nobody", "nothing");
		assertTrue(subscriberToken.statusCode() >= 400);
		assertEquals(404, ServerApiTest.post("staff/call", "{\"desk\":\"EmbeddedRa\",\"method\":\"sealSoPin\",\"args\":[]}", token)
				.statusCode(), "only the service interfaces");
		assertEquals(404, ServerApiTest.post("staff/call", "{\"desk\":\"FormDesk\",\"method\":\"carryOutPinUnlock\",\"args\":[null,1]}", token)
				.statusCode(), "card work is done at the workstation");
		assertEquals(404, ServerApiTest.post("staff/call", "{\"desk\":\"CardDesk\",\"method\":\"personalize\",\"args\":[null,1,0]}", token)
				.statusCode(), "only the records' halves of it");
		HttpResponse<String> units = ServerApiTest.post("staff/call", "{\"desk\":\"CounterIntake\",\"method\":\"raUnits\",\"args\":[]}", null);
		assertEquals(200, units.statusCode(), "the RA units are public: " + units.body());
		assertEquals(401, ServerApiTest.post("staff/call", "{\"desk\":\"CounterIntake\",\"method\":\"recentRequests\",\"args\":[5]}", null)
				.statusCode(), "the recent requests are not");
		assertEquals(404, ServerApiTest.post("staff/call", "{\"desk\":\"StaffDesk\",\"method\":\"signIn\",\"args\":[\"a\",\"b\",null,\"c\"]}", token)
				.statusCode(), "sign-in has its own route");
		HttpResponse<String> notArray = ServerApiTest.post("staff/call", "{\"desk\":\"SearchDesk\",\"method\":\"search\",\"args\":5}", token);
		assertEquals(400, notArray.statusCode());
		HttpResponse<String> wrongType = ServerApiTest.post("staff/call",
				"{\"desk\":\"SearchDesk\",\"method\":\"search\",\"args\":[null,\"x\",\"many\"]}", token);
		assertEquals(400, wrongType.statusCode(), wrongType.body());
		assertTrue(wrongType.body().contains("WRONG_TYPE"), wrongType.body());
		HttpResponse<String> ok = ServerApiTest.post("staff/call", "{\"desk\":\"SearchDesk\",\"method\":\"search\",\"args\":[null,\"x\",5]}", token);
		assertEquals(200, ok.statusCode(), ok.body());
		// a subscriber's session is no staff session
		HttpResponse<String> forged = ServerApiTest.post("staff/call", "{\"desk\":\"SearchDesk\",\"method\":\"search\",\"args\":[null,\"x\",5]}",
				"made-up-token");
		assertEquals(401, forged.statusCode());
	}
}
