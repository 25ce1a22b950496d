package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.staff.RegistrationSummary;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;

/**
 * Personal data minimized (security review M7), asked over the staff API as a clerk's workstation
 * would: the counter's lists, the issuance list, the search and a person's story carry the ID
 * number masked; only an officer's review queue, where the request is decided against the papers,
 * carries it whole. Every read of a person's story is audited.
 */
class PersonalDataTest {

	private static final String PASSWORD = "Personal-Data-2026";
	private static String clerk;
	private static String officer;

	@BeforeAll
	static void staff() throws Exception {
		ServerApiTest.connect();
		Actor admin = Staff.administrator();
		StaffDesk desk = Services.await(StaffDesk.class);
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		clerk = "pd.clerk." + suffix;
		officer = "pd.officer." + suffix;
		desk.addStaff(admin, clerk, "個資櫃檯", Role.COUNTER_CLERK, PASSWORD.toCharArray());
		desk.addStaff(admin, officer, "個資審核", Role.RA_OFFICER, PASSWORD.toCharArray());
		cards.put(clerk, StaffCardHolder.issue(admin, clerk, PASSWORD.toCharArray()));
		cards.put(officer, StaffCardHolder.issue(admin, officer, PASSWORD.toCharArray()));
	}

	private static final java.util.Map<String, StaffCardHolder> cards = new java.util.HashMap<>();

	private static String signIn(String account) throws Exception {
		return cards.get(account).token("pd");
	}

	@Test
	void aClerksAnswersCarryNoFullIdNumberAndAnOfficerDecidingSeesIt() throws Exception {
		Journey j = Journey.toCardInHand();
		String id = j.nationalId;
		String clerkToken = signIn(clerk);
		for (String[] call : new String[][] { { "staff/registrations/recent", "{\"limit\":200}" },
				{ "staff/issuance/pending", "{}" }, { "staff/search", "{\"text\":\"張雅婷\",\"limit\":200}" },
				{ "staff/search/story", "{\"kind\":\"CARD\",\"key\":\"" + j.card.serial() + "\"}" } }) {
			HttpResponse<String> answer = ServerApiTest.post(call[0], call[1], clerkToken);
			assertEquals(200, answer.statusCode(), call[0] + ": " + answer.body());
			assertFalse(answer.body().contains(id), call[0] + " carries the full ID number: " + answer.body());
		}
		HttpResponse<String> story = ServerApiTest.post("staff/search/story",
				"{\"kind\":\"CARD\",\"key\":\"" + j.card.serial() + "\"}", clerkToken);
		assertTrue(story.body().contains(RegistrationSummary.mask(id)), "masked, still recognisable: " + story.body());
		assertTrue(Services.await(radesk.api.staff.AuditTrail.class).about(Staff.ADMIN, "subscriber:" + j.subscriber.subscriberId())
				.stream().anyMatch(e -> e.action().equals("PERSONAL_DATA_READ") && e.actor().equals(clerk)), "the read is on the record");

		// an officer deciding a new request sees the whole number, to check it against the papers
		radesk.api.staff.RegistrationDesk desk = Services.await(radesk.api.staff.RegistrationDesk.class);
		String other = radesk.testing.TestIds.nationalId();
		desk.submitWalkIn(Staff.CLERK, new radesk.core.registration.WalkInForm("陳審核", other, "pd@example.tw", "HQ")
				.withDocuments(radesk.core.registration.ProofDocument.ID_CARD_COPY));
		HttpResponse<String> queue = ServerApiTest.post("staff/reviews/queue", "{\"raUnit\":null,\"channel\":null,\"minimumAge\":null}", signIn(officer));
		assertEquals(200, queue.statusCode(), queue.body());
		assertTrue(queue.body().contains(other), "the officer's queue: " + queue.body());
	}
}
