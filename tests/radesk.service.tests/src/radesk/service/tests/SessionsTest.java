package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.api.staff.FormDesk;
import radesk.api.staff.StaffDesk;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.review.Decision;
import radesk.server.RaServerEndpoint;
import radesk.store.Database;

/**
 * Sessions that end (security review M1): a password reset at the counter, a password changed by
 * its owner (the other sessions), a staff password reset or role change, a log-out that racing
 * requests cannot undo. Sessions are rows (only a token's hash stored), so a restart of the
 * service logs nobody out.
 */
class SessionsTest {

	@BeforeAll
	static void connect() throws Exception {
		ServerApiTest.connect();
	}

	private static String token(Journey j, String password) throws Exception {
		HttpResponse<String> in = ServerApiTest.logIn(j.subscriber.account(), password);
		assertEquals(200, in.statusCode(), in.body());
		return ServerApiTest.field(in.body(), "token");
	}

	private static int status(String token) throws Exception {
		return ServerApiTest.get("certificates", token).statusCode();
	}

	private static HttpResponse<String> logOut(String token) throws Exception {
		RaServerEndpoint server = Services.await(RaServerEndpoint.class);
		HttpClient client = radesk.client.Https.client(Path.of(System.getProperty("radesk.data"), "server", "root.cer"));
		return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port() + "/api/v1/sessions"))
				.header("Authorization", "Bearer " + token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aPasswordResetAtTheCounterEndsEverySessionAndAChangeEndsTheOthers() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		String atHome = token(j, j.password);
		String atWork = token(j, j.password);
		assertEquals(200, status(atHome));

		// the owner changes the password at home: the session at work ends, the one at home goes on
		String fresh = "Tainan-2026-new";
		HttpResponse<String> changed = ServerApiTest.post("password", "{\"oldPassword\":\"" + j.password + "\",\"newPassword\":\""
				+ fresh + "\",\"confirm\":\"" + fresh + "\"}", atHome);
		assertEquals(200, changed.statusCode(), changed.body());
		assertEquals(200, status(atHome));
		assertEquals(401, status(atWork), "the other session ended with the old password");

		// a reset at the counter (the password slip lost): every session ends at once
		FormDesk forms = Services.await(FormDesk.class);
		long form = forms.submitPasswordReset(Staff.CLERK, j.subscriber.account(), "用戶臨櫃，已核對身分證");
		forms.decide(Staff.OFFICER, form, Decision.approve());
		forms.carryOutPasswordReset(Staff.CLERK, form);
		assertEquals(401, status(atHome), "a session after a password reset is refused");
	}

	@Test
	void aSessionEndsAfterHalfAnHourIdleAndAtFourHoursWhateverItsUse() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		String idle = token(j, j.password);
		String busy = token(j, j.password);
		try {
			radesk.core.TimeSource.advance(java.time.Duration.ofMinutes(29));
			assertEquals(200, status(busy), "used within half an hour");
			radesk.core.TimeSource.advance(java.time.Duration.ofMinutes(2));
			assertEquals(401, status(idle), "31 minutes without use");
			for (int minutes = 51; minutes < 240; minutes += 20) {
				radesk.core.TimeSource.advance(java.time.Duration.ofMinutes(20));
				assertEquals(200, status(busy), "in use at minute " + minutes);
			}
			radesk.core.TimeSource.advance(java.time.Duration.ofMinutes(20));
			assertEquals(401, status(busy), "four hours after the log-in, however busy");
		} finally {
			radesk.core.TimeSource.reset();
		}
	}

	@Test
	void aLogOutCannotBeUndoneByRacingRequestsAndARestartLogsNobodyOut() throws Exception {
		Journey j = Journey.toRegisteredSubscriber();
		String kept = token(j, j.password);
		String ended = token(j, j.password);

		// the token itself is nowhere in the records: only its hash
		long stored = Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("select count(*) from session where token_hash = ?")) {
				ps.setString(1, ended);
				try (var rs = ps.executeQuery()) {
					rs.next();
					return rs.getLong(1);
				}
			}
		});
		assertEquals(0, stored);

		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Integer>> racing = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			racing.add(pool.submit(() -> status(ended)));
		}
		assertEquals(200, logOut(ended).statusCode());
		for (Future<Integer> f : racing) {
			f.get();
		}
		pool.shutdown();
		assertEquals(401, status(ended), "logged out stays logged out, whatever raced it");
		assertEquals(401, logOut(ended).statusCode(), "a second log-out finds nothing");

		// the service restarted: the other session is still open, and a captcha shown before it still
		// works once (sessions and captchas are rows, not one server's memory)
		String captcha = ServerApiTest.captcha();
		Services.stopRa();
		Services.startRa();
		ServerApiTest.connect();
		assertEquals(200, status(kept));
		String logIn = "{\"account\":\"" + j.subscriber.account() + "\",\"password\":\"" + j.password + "\"," + captcha + "}";
		assertEquals(200, ServerApiTest.post("sessions", logIn, null).statusCode(), "the captcha outlived the restart");
		HttpResponse<String> again = ServerApiTest.post("sessions", logIn, null);
		assertEquals(400, again.statusCode(), "and works once: " + again.body());
		assertTrue(again.body().contains("CAPTCHA_WRONG"), again.body());
	}

	@Test
	void aStaffPasswordResetOrRoleChangeEndsTheirSessionsAtTheServer() throws Exception {
		Actor admin = Staff.administrator();
		StaffDesk staff = Services.await(StaffDesk.class);
		String clerk = "s." + java.util.UUID.randomUUID().toString().substring(0, 6);
		staff.addStaff(admin, clerk, "王櫃檯", Role.COUNTER_CLERK, "counter-Pass-11".toCharArray());
		StaffCardHolder card = StaffCardHolder.issue(admin, clerk, "counter-Pass-11".toCharArray());
		String first = card.token("c-1");
		String search = "{\"text\":\"x\",\"limit\":5}";
		assertEquals(200, ServerApiTest.post("staff/search", search, first).statusCode());
		assertEquals(401, ServerApiTest.get("certificates", first).statusCode(), "a staff token is no subscriber's");

		staff.grantRole(admin, clerk, Role.MAILROOM_CLERK);
		assertEquals(401, ServerApiTest.post("staff/search", search, first).statusCode(), "a role change: sign in again");

		String second = card.token("c-1");
		assertEquals(200, ServerApiTest.post("staff/search", search, second).statusCode());
		staff.resetPassword(admin, clerk, "counter-Pass-12".toCharArray());
		assertEquals(401, ServerApiTest.post("staff/search", search, second).statusCode(), "a password reset ends the session");
		assertFalse(ServerApiTest.post("staff/sessions", card.signInBody("c-1"), null).statusCode() == 200,
				"and the old password is gone");
		assertTrue(ServerApiTest.post("staff/sessions", card.signInBody("counter-Pass-12", "c-1"), null).body().contains("token"));
	}
}
