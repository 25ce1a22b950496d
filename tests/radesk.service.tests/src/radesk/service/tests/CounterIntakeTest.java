package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import radesk.api.staff.CounterIntake;
import radesk.api.RaConnection;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.core.registration.Channel;
import radesk.core.registration.Field;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.Problem;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;
import radesk.testing.TestIds;

/** The walk-in slice through DS, the service and H2 with its Flyway schema. */
class CounterIntakeTest {

	private static String uniqueEmail() {
		return "ut-" + UUID.randomUUID() + "@example.com.tw";
	}

	private static String wrongChecksum(String id) {
		return id.substring(0, 9) + (char) ('0' + (id.charAt(9) - '0' + 1) % 10);
	}

	@Test
	void offersTheSeededRaUnit() throws Exception {
		assertTrue(Services.await(CounterIntake.class).raUnits().stream().anyMatch(u -> u.code().equals("HQ")));
	}

	@Test
	void storesAWalkInAsARequestInReview() throws Exception {
		CounterIntake intake = Services.await(CounterIntake.class);
		String email = uniqueEmail();
		String id = TestIds.nationalId();
		RegistrationSummary stored = intake.submitWalkIn(Staff.CLERK, new WalkInForm("陳美玲", id, email, "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		assertEquals(Channel.COUNTER, stored.channel());
		assertEquals(RequestState.IN_REVIEW, stored.state());
		RegistrationSummary listed = intake.recentRequests(Staff.CLERK, 10).stream().filter(r -> r.email().equals(email)).findFirst()
				.orElseThrow();
		assertEquals("陳美玲", listed.applicantName());
		assertEquals(id.charAt(0) + "******" + id.substring(7), listed.nationalId(), "lists carry the ID number masked (M7)");
		assertEquals(listed.nationalId(), listed.maskedNationalId());
		assertEquals(radesk.api.ServiceException.Reason.NOT_PERMITTED, org.junit.jupiter.api.Assertions.assertThrows(radesk.api.ServiceException.class,
				() -> intake.recentRequests(Staff.MAILROOM, 10)).reason(), "the counter's list is the counter's");
	}

	@Test
	void refusesAWrongChecksumAndStoresNothing() throws Exception {
		CounterIntake intake = Services.await(CounterIntake.class);
		String email = uniqueEmail();
		int before = intake.recentRequests(Staff.CLERK, 500).size();
		String id = TestIds.nationalId();
		InvalidFormException e = assertThrows(InvalidFormException.class,
				() -> intake.submitWalkIn(Staff.CLERK, new WalkInForm("陳美玲", wrongChecksum(id), email, "HQ").withDocuments(ProofDocument.ID_CARD_COPY)));
		assertEquals(List.of(new FieldProblem(Field.NATIONAL_ID, Problem.ID_WRONG_CHECKSUM)), e.problems());
		assertEquals(before, intake.recentRequests(Staff.CLERK, 500).size());
		assertTrue(intake.recentRequests(Staff.CLERK, 500).stream().noneMatch(r -> r.email().equals(email)));
	}

	@Test
	void anOrganizationsFormKeepsEveryFieldForTheOfficerAndNeedsItsPapers() throws Exception {
		RegistrationDesk desk = Services.await(RegistrationDesk.class);
		WalkInForm form = new WalkInForm("蔡經理", TestIds.nationalId(), uniqueEmail(), "HQ", "02-2345-6789#12",
				"100 臺北市中正區重慶南路一段122號", "財團法人範例基金會", "22099131", java.util.Set.of(ProofDocument.ID_CARD_COPY));
		InvalidFormException missing = assertThrows(InvalidFormException.class, () -> desk.submitWalkIn(Staff.CLERK, form));
		assertEquals(List.of(new FieldProblem(Field.DOCUMENTS, Problem.DOCUMENTS_MISSING)), missing.problems(),
				"an organization also hands in its registration and a letter of authorization");
		RegistrationSummary stored = desk.submitWalkIn(Staff.CLERK, form.withDocuments(ProofDocument.ID_CARD_COPY,
				ProofDocument.ORGANIZATION_REGISTRATION, ProofDocument.AUTHORIZATION_LETTER));
		WalkInForm seen = desk.queue(Staff.OFFICER, null, null, null).stream().filter(i -> i.request().id() == stored.id())
				.findFirst().orElseThrow().form();
		assertEquals("0223456789#12", seen.phone());
		assertEquals("100 臺北市中正區重慶南路一段122號", seen.address());
		assertEquals("財團法人範例基金會", seen.organization());
		assertEquals("22099131", seen.businessNumber());
		assertEquals(java.util.EnumSet.of(ProofDocument.ID_CARD_COPY, ProofDocument.ORGANIZATION_REGISTRATION,
				ProofDocument.AUTHORIZATION_LETTER), seen.documents());
		assertEquals(List.of(new FieldProblem(Field.DOCUMENTS, Problem.DOCUMENTS_MISSING)),
				assertThrows(InvalidFormException.class, () -> desk.submitWalkIn(Staff.CLERK,
						new WalkInForm("無文件", TestIds.nationalId(), uniqueEmail(), "HQ"))).problems(),
				"at the counter the papers are in hand: no identity document, no request");
	}

	@Test
	void refusesAnOversizedNameOrAnUnknownUnit() throws Exception {
		CounterIntake intake = Services.await(CounterIntake.class);
		InvalidFormException e = assertThrows(InvalidFormException.class,
				() -> intake.submitWalkIn(Staff.CLERK, new WalkInForm("名".repeat(101), "A123456789", uniqueEmail(), "NOWHERE").withDocuments(ProofDocument.ID_CARD_COPY)));
		assertEquals(List.of(new FieldProblem(Field.NAME, Problem.TOO_LONG),
				new FieldProblem(Field.RA_UNIT, Problem.UNKNOWN_RA_UNIT)), e.problems());
	}

	@Test
	void aStoredRequestSurvivesARestartOfTheService() throws Exception {
		String email = uniqueEmail();
		Services.await(CounterIntake.class).submitWalkIn(Staff.CLERK, new WalkInForm("林志明", TestIds.nationalId(), email, "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		Services.restart("radesk.store");
		Services.restart("radesk.service");
		CounterIntake again = Services.await(CounterIntake.class);
		assertTrue(again.recentRequests(Staff.CLERK, 50).stream().anyMatch(r -> r.email().equals(email)));
	}

	@Test
	void reportsTheEmbeddedDatabaseAsTheRaService() throws Exception {
		RaConnection connection = Services.await(RaConnection.class);
		assertEquals(RaConnection.Mode.EMBEDDED, connection.mode());
		if (radesk.testing.RaProcess.sharedDatabase()) {
			// the records' address for people: the database and its user, never its password
			assertTrue(connection.location().startsWith("jdbc:postgresql://localhost:") && connection.location().contains("radesk_test"),
					connection.location());
			String password = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("radesk.database"))
					.resolveSibling("db.password")).strip();
			assertTrue(!connection.location().contains(password), "no password in " + connection.location());
			return;
		}
		String data = System.getProperty("radesk.data");
		assertTrue(connection.location().startsWith(data), connection.location() + " not under " + data);
	}
}
