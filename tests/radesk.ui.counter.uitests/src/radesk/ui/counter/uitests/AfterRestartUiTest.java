package radesk.ui.counter.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.Test;

import radesk.testing.swt.WorkbenchRobot;

/**
 * Second launch of the workbench on the same data folder and workspace, started with
 * {@code -nl zh_TW} again: the English chosen in the preferences wins, and the walk-in recorded by
 * the first launch is listed again.
 */
class AfterRestartUiTest {

	@Test
	void theWalkInIsStillListedAfterARestart() throws Exception {
		String email = Files.readString(WalkInIntakeUiTest.data().resolve("ui-test-last-walk-in.txt")).strip();
		WorkbenchRobot robot = WorkbenchRobot.attach("signin.account");
		assertEquals("RA Desk Counter \u2014 sign in", robot.shellTitle("signin.account"));
		robot.type("signin.account", WalkInIntakeUiTest.CLERK);
		robot.type("signin.password", WalkInIntakeUiTest.CLERK_PASSWORD);
		robot.click("signin.ok");
		robot.waitUntil(() -> robot.textOf("status.who").startsWith("Signed in: ui.clerk (counter clerk)"),
				() -> "the clerk signed in, not '" + robot.textOf("status.who") + "'");
		assertEquals("RA Desk Counter", robot.shellTitle("intake.submit"));
		assertEquals("Save request", robot.textOf("intake.submit"));
		// the list is read off the UI thread once the clerk is signed in: wait for it
		robot.waitUntil(() -> robot.rows("intake.recent").stream().anyMatch(r -> r.get(4).equals(email)),
				() -> email + " not listed after restart: " + robot.rows("intake.recent"));
		List<List<String>> rows = robot.rows("intake.recent");
		List<String> row = rows.stream().filter(r -> r.get(4).equals(email)).findFirst().orElseThrow();
		assertEquals("王小明", row.get(2));
		assertEquals("Counter", row.get(6));
		assertEquals("Delivered", row.get(7), "the first launch carried 王小明 to hand-over");

		robot.type("intake.nationalId", "B12345678");
		robot.type("intake.email", "not-an-address");
		robot.click("intake.submit");
		robot.waitUntil(() -> !robot.textOf("intake.name.problem").isEmpty(), "the problems to show");
		assertEquals("Enter the applicant's name.", robot.textOf("intake.name.problem"));
		assertEquals("An ID number has 10 characters, e.g. A123456789.", robot.textOf("intake.nationalId.problem"));
		assertEquals("This is not an e-mail address (name@example.com.tw).", robot.textOf("intake.email.problem"));
		assertEquals(rows.size(), robot.rows("intake.recent").size(), "nothing was stored");
		assertTrue(robot.textOf("status.service").startsWith("RA service: embedded"), robot.textOf("status.service"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("intake-after-restart-en.png"));
		robot.chord(SWT.ALT, 'w');
		robot.press('d');
		// 王小明 has not applied for his certificate in this installation: nothing ends that month
		WalkInIntakeUiTest.showDueForRenewal(robot, java.time.YearMonth.now(java.time.ZoneId.of("Asia/Taipei")).plusMonths(24), null);
		assertEquals("No certificate of this unit ends in this month without being renewed.", robot.textOf("renewals.outcome"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("renewals-en.png"));
		robot.chord(SWT.ALT, 'w');
		robot.press('w');
		robot.find("intake.submit");

		// a second walk-in, then the officer reviews both: one rejected with its reason, one approved
		robot.commit("intake.name", "陳美玲");
		robot.type("intake.nationalId", "F131104093");
		robot.type("intake.email", "mei-" + email);
		robot.click("intake.doc.ID_CARD_COPY");
		robot.click("intake.submit");
		robot.waitUntil(() -> robot.rows("intake.recent").size() == rows.size() + 1,
				() -> "the second request; the form says: " + robot.textOf("intake.outcome"));
		robot.commit("intake.name", "林志豪");
		robot.type("intake.nationalId", "K220028711");
		robot.type("intake.email", "hao-" + email);
		robot.click("intake.doc.ID_CARD_COPY");
		robot.click("intake.submit");
		robot.waitUntil(() -> robot.rows("intake.recent").size() == rows.size() + 2,
				() -> "the third request; the form says: " + robot.textOf("intake.outcome"));

		// the clerk also works as an officer, but may not decide the walk-ins he took in himself
		WalkInIntakeUiTest.switchUser(robot, WalkInIntakeUiTest.CLERK, WalkInIntakeUiTest.CLERK_PASSWORD, 2,
				"Signed in: ui.clerk (RA officer)");
		robot.chord(SWT.ALT, 'w');
		robot.press('r');
		robot.waitUntil(() -> robot.rows("review.table").size() == 2, () -> "two requests in review: " + robot.rows("review.table"));
		assertEquals("you", robot.rows("review.table").get(0).get(6));
		robot.selectRow("review.table", 0);
		assertEquals("You took in this request: another RA officer must decide it (dual control).", robot.textOf("review.outcome"));
		org.eclipse.swt.widgets.Control approve = robot.find("review.approve");
		assertTrue(Boolean.FALSE.equals(robot.onUi(() -> approve.isEnabled())), "approve is off for one's own request");
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("review-dual-control-en.png"));

		robot.chord(SWT.ALT, 'f');
		robot.press('s');
		robot.waitUntil(() -> robot.shellTitle("signin.account").equals("RA Desk Counter \u2014 sign in"), "the sign-in dialog");
		robot.type("signin.account", WalkInIntakeUiTest.OFFICER);
		robot.type("signin.password", WalkInIntakeUiTest.OFFICER_PASSWORD);
		robot.click("signin.ok");
		robot.waitUntil(() -> robot.textOf("status.who").startsWith("Signed in: ui.officer (RA officer)"),
				() -> "the officer signed in, not '" + robot.textOf("status.who") + "'");
		robot.chord(SWT.ALT, 'w');
		robot.press('r');
		// the queue still shows the clerk's view until the officer's is read (off the UI thread)
		robot.waitUntil(() -> robot.rows("review.table").size() == 2 && robot.rows("review.table").get(0).get(6).equals("ui.clerk"),
				() -> "two requests in review, taken in by ui.clerk: " + robot.rows("review.table"));
		robot.selectRow("review.table", 1);
		robot.click("review.reject");
		assertEquals("A rejection needs a reason: the applicant is told why.", robot.textOf("review.outcome"));
		assertEquals(2, robot.rows("review.table").size(), "nothing was decided");
		robot.type("review.reason", "ID copy unreadable");
		robot.click("review.reject");
		robot.waitUntil(() -> robot.rows("review.table").size() == 1, () -> "one left; the part says " + robot.textOf("review.outcome"));
		assertTrue(robot.textOf("review.outcome").endsWith("rejected."), robot.textOf("review.outcome"));
		robot.selectRow("review.table", 0);
		robot.click("review.approve");
		robot.waitUntil(() -> robot.rows("review.table").isEmpty(), () -> "none left; the part says " + robot.textOf("review.outcome"));
		assertTrue(robot.textOf("review.outcome").startsWith("Request") && robot.textOf("review.outcome").endsWith("approved."),
				robot.textOf("review.outcome"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("review-en.png"));

		// 作業 → 查詢: the officer finds the approved request by the start of its ID number, as typed
		robot.chord(SWT.ALT, 'w');
		robot.press('s');
		robot.type("search.text", "f1311");
		robot.waitUntil(() -> robot.rows("search.results").stream()
				.anyMatch(r -> r.get(0).equals("Request") && r.get(2).equals("陳美玲") && r.get(3).equals("Approved")
						&& r.get(4).equals("F******093")),
				() -> "the request found; the results are " + robot.rows("search.results"));
		assertTrue(robot.rows("search.results").stream().noneMatch(r -> r.get(4).contains("F131104093")), "ID numbers stay masked");
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("search-en.png"));
	
		// the clerk registers 陳美玲: the screen in English, the password slip waiting in the preview
		WalkInIntakeUiTest.switchUser(robot, WalkInIntakeUiTest.CLERK, WalkInIntakeUiTest.CLERK_PASSWORD,
				"Signed in: ui.clerk (counter clerk)");
		robot.chord(SWT.ALT, 'w');
		robot.press('c');
		robot.waitUntil(() -> IssuanceSteps.rowOf(robot, "陳美玲") >= 0, () -> "陳美玲 waiting: " + robot.rows("issuance.table"));
		robot.selectRow("issuance.table", IssuanceSteps.rowOf(robot, "陳美玲"));
		robot.click("issuance.register");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").startsWith("陳美玲 is registered: account ra"),
				() -> "registered; the screen says " + robot.textOf("issuance.outcome"));
		assertEquals("Preview: website password slip (the secret is printed only on paper)", robot.textOf("issuance.previewTitle"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("issuance-registered-en.png"));
	
		MailroomSteps.batchAndCsv(robot);

		// File → Preferences: the RA service of this workstation; an RA server needs an https:// address
		org.eclipse.swt.widgets.Control statusLine = robot.find("status.service");
		robot.chord(SWT.ALT, 'f');
		robot.press('p');
		robot.find("prefs.connection");
		assertEquals("Standalone (this workstation's embedded database and CA)", robot.textOf("prefs.connection"));
		org.eclipse.swt.widgets.Control address = robot.find("prefs.serverAddress");
		assertTrue(Boolean.FALSE.equals(robot.onUi(() -> address.isEnabled())), "no address when standalone");
		robot.select("prefs.connection", 1);
		robot.type("prefs.serverAddress", "ra.example.tw:8443");
		robot.click("prefs.ok");
		robot.waitUntil(() -> robot.textOf("prefs.problem").equals("The server address must start with https:// and name a host."),
				() -> "the address refused: " + robot.textOf("prefs.problem"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("preferences-connection-en.png"));
		robot.click("prefs.cancel");
		robot.waitUntil(() -> Boolean.TRUE.equals(robot.onUi(() -> statusLine.getShell().isEnabled())), "the dialog to close");
		assertTrue(robot.textOf("status.service").startsWith("RA service: embedded"), "still standalone: " + robot.textOf("status.service"));
	}
}
