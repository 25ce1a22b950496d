package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.api.staff.ReviewItem;
import radesk.api.staff.SearchDesk;
import radesk.api.staff.SearchDesk.SearchHit;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.registration.Channel;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.testing.TestIds;

/** Staff sign-in and accounts, the review queue with dual control shown, and search. */
class StaffAndSearchTest {

	private static Actor admin;

	@BeforeAll
	static void firstStart() throws Exception {
		admin = Staff.administrator();
	}

	private static String account(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 6);
	}

	@Test
	void theFirstAdministratorIsMadeOnceAndOnlyAdministratorsAddStaff() throws Exception {
		StaffDesk staff = Services.await(StaffDesk.class);
		assertFalse(staff.needsFirstAdministrator());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> staff.createFirstAdministrator(null, "second.admin", "x", "another-Admin-1".toCharArray(), "w")).reason());
		assertEquals(null, staff.openFirstAdministratorSetup(), "no code once an administrator exists");
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> staff.addStaff(Staff.CLERK, account("x"), "x", Role.RA_OFFICER, "good-Password-1".toCharArray())).reason());
		assertEquals(Reason.PASSWORD_TOO_WEAK, assertThrows(ServiceException.class,
				() -> staff.addStaff(admin, account("weak"), "弱", Role.COUNTER_CLERK, "short".toCharArray())).reason());
		assertEquals(Reason.WRONG_STATE, assertThrows(ServiceException.class,
				() -> staff.addStaff(admin, "Bad Account", "x", Role.COUNTER_CLERK, "good-Password-1".toCharArray())).reason());
	}

	@Test
	void staffSignInWithTheirRoleAndWrongPasswordsSlowTheAttackerWithoutLockingTheClerkOut() throws Exception {
		StaffDesk staff = Services.await(StaffDesk.class);
		String clerk = account("clerk");
		staff.addStaff(admin, clerk, "陳櫃檯", Role.COUNTER_CLERK, "counter-Pass-01".toCharArray());
		Actor signedIn = staff.signIn(clerk, "counter-Pass-01".toCharArray(), "counter-9");
		assertEquals(Role.COUNTER_CLERK, signedIn.role());
		assertEquals("counter-9", signedIn.workstation());
		StaffCardHolder card = StaffCardHolder.issue(admin, clerk, "counter-Pass-01".toCharArray());
		// an attacker at 203.0.113.9 guesses: without a staff card not even the password is tried
		String attacker = "203.0.113." + new java.util.Random().nextInt(1, 255) + "-" + clerk;
		assertEquals(Reason.STAFF_CARD_REQUIRED, assertThrows(ServiceException.class,
				() -> staff.signIn(clerk, "counter-Pass-01".toCharArray(), null, "w", attacker)).reason());
		// with a made-up card answer: three tries cost nothing, then each waits longer; nothing suspends
		for (int i = 1; i <= 3; i++) {
			String guess = i == 3 ? "counter-Pass-01" : "nope-nope-" + i;
			StaffDesk.StaffCardProof forged = new StaffDesk.StaffCardProof(card.cardSerial(), staff.signInChallenge(), new byte[64]);
			assertEquals(Reason.WRONG_PASSWORD, assertThrows(ServiceException.class,
					() -> staff.signIn(clerk, guess.toCharArray(), null, "w", attacker, forged)).reason(),
					"a wrong password and a wrong card answer alike");
		}
		StaffDesk.StaffCardProof forged = new StaffDesk.StaffCardProof(card.cardSerial(), staff.signInChallenge(), new byte[64]);
		ServiceException slowed = assertThrows(ServiceException.class,
				() -> staff.signIn(clerk, "counter-Pass-01".toCharArray(), null, "w", attacker, forged));
		assertEquals(Reason.TOO_MANY_REQUESTS, slowed.reason(), "even the right password waits at that address, unchecked");
		// the clerk at the counter's own workstation signs in with the card as ever: no lock-out from the network
		StaffDesk.StaffCardProof real = new radesk.flows.counter.StaffCardSignIn(staff, StaffCardHolder.terminal()).prove(clerk,
				card.cardSerial(), StaffCardHolder.PIN.toCharArray());
		assertEquals(clerk, staff.signIn(clerk, "counter-Pass-01".toCharArray(), null, "counter-9", "192.0.2.20", real).account());
		assertTrue(Services.await(radesk.api.staff.AuditTrail.class).about(admin, "staff:" + clerk).stream()
				.filter(e -> e.action().equals("SIGN_IN_FAILED")).count() >= 3, "every failure audited");
		staff.resetPassword(admin, clerk, "counter-Pass-02".toCharArray());
		staff.signIn(clerk, "counter-Pass-02".toCharArray(), "w");
		assertTrue(staff.staff(admin).stream().anyMatch(m -> m.account().equals(clerk) && m.role() == Role.COUNTER_CLERK));
		assertEquals(Reason.DUAL_CONTROL, assertThrows(ServiceException.class,
				() -> staff.resetPassword(admin, admin.account(), "self-Reset-123".toCharArray())).reason());
	}

	@Test
	void someoneWithTwoRolesSignsInAsEitherButNeverDecidesWhatTheyTookIn() throws Exception {
		StaffDesk staff = Services.await(StaffDesk.class);
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		String both = account("both");
		staff.addStaff(admin, both, "兩職", Role.COUNTER_CLERK, "two-Roles-2026".toCharArray());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> staff.signIn(both, "two-Roles-2026".toCharArray(), Role.RA_OFFICER, "desk-1")).reason(), "not granted yet");
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> staff.grantRole(Staff.CLERK, both, Role.RA_OFFICER)).reason(), "administrators grant roles");
		staff.grantRole(admin, both, Role.RA_OFFICER);
		assertEquals(java.util.EnumSet.of(Role.COUNTER_CLERK, Role.RA_OFFICER), staff.staff(admin).stream()
				.filter(m -> m.account().equals(both)).findFirst().orElseThrow().roles());
		Actor asClerk = staff.signIn(both, "two-Roles-2026".toCharArray(), "desk-1");
		assertEquals(Role.COUNTER_CLERK, asClerk.role(), "the main role unless another is asked for");
		Actor asOfficer = staff.signIn(both, "two-Roles-2026".toCharArray(), Role.RA_OFFICER, "desk-1");
		assertEquals(Role.RA_OFFICER, asOfficer.role());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> staff.signIn(both, "two-Roles-2026".toCharArray(), Role.ADMINISTRATOR, "desk-1")).reason());

		RegistrationSummary mine = desk.submitWalkIn(asClerk, new WalkInForm("自己收", TestIds.nationalId(), "own@example.tw", "HQ")
				.withDocuments(ProofDocument.ID_CARD_COPY));
		RegistrationSummary theirs = desk.submitWalkIn(Staff.CLERK, new WalkInForm("他人收", TestIds.nationalId(), "their@example.tw",
				"HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		assertEquals(Reason.DUAL_CONTROL, assertThrows(ServiceException.class,
				() -> desk.decide(asOfficer, mine.id(), Decision.approve())).reason());
		desk.decide(asOfficer, theirs.id(), Decision.approve());
	}

	@Test
	void theAdministratorAddsRaUnitsAndTheQueueFiltersByThem() throws Exception {
		StaffDesk staff = Services.await(StaffDesk.class);
		String code = "T" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
		staff.addRaUnit(admin, new radesk.core.registration.RaUnit(code.toLowerCase(), "臺中分處", "Taichung branch"));
		assertTrue(Services.await(radesk.api.staff.CounterIntake.class).raUnits().stream().anyMatch(u -> u.code().equals(code)));
		assertEquals(Reason.INVALID_INPUT, assertThrows(ServiceException.class,
				() -> staff.addRaUnit(admin, new radesk.core.registration.RaUnit(code, "重複", "Again"))).reason());
		assertEquals(Reason.INVALID_INPUT, assertThrows(ServiceException.class,
				() -> staff.addRaUnit(admin, new radesk.core.registration.RaUnit("x y", "壞", "Bad"))).reason());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> staff.addRaUnit(Staff.CLERK, new radesk.core.registration.RaUnit("ZZ", "櫃", "Counter"))).reason());
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		RegistrationSummary there = desk.submitWalkIn(Staff.CLERK, new WalkInForm("分處人", TestIds.nationalId(), "b@example.tw", code)
				.withDocuments(ProofDocument.ID_CARD_COPY));
		List<ReviewItem> ofUnit = desk.queue(Staff.OFFICER, code, null, null);
		assertEquals(List.of(there.id()), ofUnit.stream().map(i -> i.request().id()).toList());
		assertTrue(desk.queue(Staff.OFFICER, "HQ", null, null).stream().noneMatch(i -> i.request().id() == there.id()));
	}

	@Test
	void theQueueListsRequestsInReviewAndSaysWhichTheOfficerMayNotDecide() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		Actor dual = new Actor("ho.dual", Role.COUNTER_CLERK, "counter-3");
		RegistrationSummary mine = desk.submitWalkIn(dual, new WalkInForm("何雙職", TestIds.nationalId(), "h@example.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		RegistrationSummary other = desk.submitWalkIn(Staff.CLERK, new WalkInForm("林他人", TestIds.nationalId(), "l@example.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		List<ReviewItem> queue = desk.queue(new Actor("ho.dual", Role.RA_OFFICER, "review-3"), "HQ", Channel.COUNTER, null);
		ReviewItem a = queue.stream().filter(i -> i.request().id() == mine.id()).findFirst().orElseThrow();
		ReviewItem b = queue.stream().filter(i -> i.request().id() == other.id()).findFirst().orElseThrow();
		assertTrue(a.enteredByMe());
		assertFalse(b.enteredByMe());
		assertEquals("chen.clerk", b.submittedBy());
		assertTrue(desk.queue(Staff.OFFICER, null, Channel.POSTAL, null).stream().noneMatch(i -> i.request().id() == mine.id()));
		assertTrue(desk.queue(Staff.OFFICER, null, null, Duration.ofDays(1)).stream().noneMatch(i -> i.request().id() == mine.id()),
				"a request of today is not a day old");
		assertEquals(Reason.NOT_PERMITTED,
				assertThrows(ServiceException.class, () -> desk.queue(Staff.CLERK, null, null, null)).reason());
	}

	@Test
	void searchFindsBySerialIdNameAndAccount() throws Exception {
		Journey j = Journey.toCardInHand();
		SearchDesk search = Services.await(SearchDesk.class);
		List<SearchHit> byId = search.search(Staff.CLERK, j.nationalId.substring(0, 6).toLowerCase(), 20);
		assertTrue(byId.stream().anyMatch(h -> h.kind() == SearchDesk.Kind.SUBSCRIBER
				&& h.key().equals(Long.toString(j.subscriber.subscriberId()))), byId.toString());
		assertTrue(byId.stream().noneMatch(h -> h.detail().contains(j.nationalId)), "ID numbers are shown masked");
		assertTrue(search.search(Staff.CLERK, j.card.serial(), 5).stream()
				.anyMatch(h -> h.kind() == SearchDesk.Kind.CARD && h.key().equals(j.card.serial())));
		assertTrue(search.search(Staff.CLERK, j.subscriber.account(), 5).stream()
				.anyMatch(h -> h.kind() == SearchDesk.Kind.SUBSCRIBER));
		assertTrue(search.search(Staff.CLERK, "張雅", 50).stream().anyMatch(h -> h.title().equals("張雅婷")));
		assertTrue(search.search(Staff.CLERK, "%", 5).isEmpty() || search.search(Staff.CLERK, "%", 5).stream()
				.allMatch(h -> h.title().startsWith("%")), "wildcards are searched as text");
		assertEquals(Reason.NOT_PERMITTED,
				assertThrows(ServiceException.class, () -> search.search(new Actor("s", Role.SUBSCRIBER, "pc"), "A", 5)).reason());
	}

	@Test
	void theStoryOfAPersonTellsEveryStepFromAnyOfTheirRecords() throws Exception {
		Journey j = Journey.toCardInHand();
		SearchDesk search = Services.await(SearchDesk.class);
		SearchDesk.Story fromCard = search.story(Staff.OFFICER, SearchDesk.Kind.CARD, j.card.serial());
		SearchDesk.Story fromRequest = search.story(Staff.CLERK, SearchDesk.Kind.REQUEST, Long.toString(j.request.id()));
		assertEquals(fromCard.entries(), fromRequest.entries(), "the same story whichever record it starts from");
		assertEquals("張雅婷", fromCard.name());
		assertEquals(j.subscriber.account(), fromCard.account());
		assertTrue(fromCard.maskedNationalId().contains("******"));
		assertEquals(List.of(j.card.serial()), fromCard.cards().stream().map(SearchDesk.CardLine::serial).toList());
		List<String> actions = fromCard.entries().stream().map(radesk.core.audit.AuditEntry::action).toList();
		assertEquals(List.of("REQUEST_SUBMITTED", "REQUEST_APPROVED", "SUBSCRIBER_REGISTERED", "CARD_PERSONALIZATION_STARTED",
				"CARD_PERSONALIZED", "SLIP_PRINTED", "SLIP_PRINTED", "CARD_HANDED_OVER", "REQUEST_DELIVERED"), actions);
		assertTrue(fromCard.entries().stream().noneMatch(e -> String.valueOf(e.after()).contains(j.password)
				|| String.valueOf(e.after()).contains(j.pin)), "no secret in the story");

		RegistrationSummary waiting = Services.await(RegistrationDesk.class).submitWalkIn(Staff.CLERK,
				new WalkInForm("林小華", TestIds.nationalId(), "hua@example.com.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		SearchDesk.Story notYet = search.story(Staff.CLERK, SearchDesk.Kind.REQUEST, Long.toString(waiting.id()));
		assertEquals("", notYet.account());
		assertEquals(List.of("REQUEST_SUBMITTED"), notYet.entries().stream().map(radesk.core.audit.AuditEntry::action).toList());
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class,
				() -> search.story(new Actor("s", Role.SUBSCRIBER, "pc"), SearchDesk.Kind.CARD, j.card.serial())).reason());
	}
}
