package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import radesk.api.CounterIntake;
import radesk.api.RaConnection;
import radesk.api.RegistrationSummary;
import radesk.core.registration.Channel;
import radesk.core.registration.Field;
import radesk.core.registration.FieldProblem;
import radesk.core.registration.InvalidFormException;
import radesk.core.registration.Problem;
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
		RegistrationSummary stored = intake.submitWalkIn(Staff.CLERK, new WalkInForm("陳美玲", id, email, "HQ"));
		assertEquals(Channel.COUNTER, stored.channel());
		assertEquals(RequestState.IN_REVIEW, stored.state());
		RegistrationSummary listed = intake.recentRequests(10).stream().filter(r -> r.email().equals(email)).findFirst()
				.orElseThrow();
		assertEquals("陳美玲", listed.applicantName());
		assertEquals(id, listed.nationalId());
		assertEquals(id.charAt(0) + "******" + id.substring(7), listed.maskedNationalId());
	}

	@Test
	void refusesAWrongChecksumAndStoresNothing() throws Exception {
		CounterIntake intake = Services.await(CounterIntake.class);
		String email = uniqueEmail();
		int before = intake.recentRequests(500).size();
		String id = TestIds.nationalId();
		InvalidFormException e = assertThrows(InvalidFormException.class,
				() -> intake.submitWalkIn(Staff.CLERK, new WalkInForm("陳美玲", wrongChecksum(id), email, "HQ")));
		assertEquals(List.of(new FieldProblem(Field.NATIONAL_ID, Problem.ID_WRONG_CHECKSUM)), e.problems());
		assertEquals(before, intake.recentRequests(500).size());
		assertTrue(intake.recentRequests(500).stream().noneMatch(r -> r.email().equals(email)));
	}

	@Test
	void refusesAnOversizedNameOrAnUnknownUnit() throws Exception {
		CounterIntake intake = Services.await(CounterIntake.class);
		InvalidFormException e = assertThrows(InvalidFormException.class,
				() -> intake.submitWalkIn(Staff.CLERK, new WalkInForm("名".repeat(101), "A123456789", uniqueEmail(), "NOWHERE")));
		assertEquals(List.of(new FieldProblem(Field.NAME, Problem.TOO_LONG),
				new FieldProblem(Field.RA_UNIT, Problem.UNKNOWN_RA_UNIT)), e.problems());
	}

	@Test
	void aStoredRequestSurvivesARestartOfTheService() throws Exception {
		String email = uniqueEmail();
		Services.await(CounterIntake.class).submitWalkIn(Staff.CLERK, new WalkInForm("林志明", TestIds.nationalId(), email, "HQ"));
		Services.restart("radesk.store");
		Services.restart("radesk.service");
		CounterIntake again = Services.await(CounterIntake.class);
		assertTrue(again.recentRequests(50).stream().anyMatch(r -> r.email().equals(email)));
	}

	@Test
	void reportsTheEmbeddedDatabaseAsTheRaService() throws Exception {
		RaConnection connection = Services.await(RaConnection.class);
		assertEquals(RaConnection.Mode.EMBEDDED, connection.mode());
		String data = System.getProperty("radesk.data");
		assertTrue(connection.location().startsWith(data), connection.location() + " not under " + data);
	}
}
