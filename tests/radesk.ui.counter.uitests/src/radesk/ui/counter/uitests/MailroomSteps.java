package radesk.ui.counter.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;

import radesk.testing.swt.WorkbenchRobot;

/**
 * 收發 in English: the mailroom clerk keys in a batch of 20 postal forms from the keyboard alone
 * (Enter stores one and starts the next), then imports a CSV file with good and bad rows.
 */
final class MailroomSteps {

	private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

	private MailroomSteps() {
	}

	static void batchAndCsv(WorkbenchRobot robot) throws Exception {
		WalkInIntakeUiTest.switchUser(robot, WalkInIntakeUiTest.MAILROOM, WalkInIntakeUiTest.MAILROOM_PASSWORD,
				"Signed in: ui.mail (mailroom clerk)");
		robot.chord(SWT.ALT, 'w');
		robot.press('m');
		robot.find("mail.count");
		assertEquals("This batch: 0 forms", robot.textOf("mail.count"));
		robot.select("mail.raUnit", 0);
		for (int i = 1; i <= 20; i++) {
			robot.commit("mail.name", "郵寄申請人" + i);
			robot.type("mail.nationalId", nationalId('M', 1000 + i));
			robot.type("mail.email", "post" + i + "@example.com.tw");
			robot.pressKey(SWT.CR);
			int stored = i;
			robot.waitUntil(() -> robot.textOf("mail.count").equals("This batch: " + stored + " forms"),
					() -> "form " + stored + " stored; the screen says " + robot.textOf("mail.outcome"));
		}
		assertEquals("", robot.textOf("mail.name"), "the form is empty for the next one");
		// a bad one is refused next to its field and not counted
		robot.commit("mail.name", "錯誤範例");
		robot.type("mail.nationalId", "M123456780");
		robot.type("mail.email", "bad@example.com.tw");
		robot.pressKey(SWT.CR);
		robot.waitUntil(() -> !robot.textOf("mail.nationalId.problem").isEmpty(), "the checksum problem");
		assertEquals("This batch: 20 forms", robot.textOf("mail.count"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("mailroom-batch-en.png"));

		Path csv = WalkInIntakeUiTest.data().resolve("postal-batch.csv");
		Files.writeString(csv, String.join("\n", List.of("name,national_id,email,ra_unit",
				"趙一," + nationalId('N', 2001) + ",one@example.com.tw,HQ",
				"錢二," + nationalId('N', 2002) + ",two@example.com.tw,HQ",
				"孫三,N123456788,three@example.com.tw,HQ",
				"李四," + nationalId('N', 2004) + ",not-an-address,HQ",
				"周五," + nationalId('M', 1001) + ",five@example.com.tw,HQ",
				"吳六," + nationalId('N', 2006) + ",six@example.com.tw,HQ")) + "\n");
		robot.commit("mail.csv.path", csv.toString());
		robot.click("mail.csv.import");
		robot.waitUntil(() -> robot.textOf("mail.csv.summary").equals("3 forms stored, 3 rows refused."),
				() -> "the import report; the screen says " + robot.textOf("mail.csv.summary"));
		List<List<String>> report = robot.rows("mail.csv.report");
		assertEquals(List.of("4", "5", "6"), report.stream().map(r -> r.get(0)).toList(), report.toString());
		assertTrue(report.get(0).get(1).contains("check"), report.toString());
		assertTrue(report.get(1).get(1).contains("e-mail"), report.toString());
		assertEquals("This ID number already has a registration pending or an account.", report.get(2).get(1));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("mailroom-csv-en.png"));

		// 密碼重新設定 by post for 王小明: the mailroom takes it in, an officer approves, the counter prints the new slip
		String account = Files.readString(WalkInIntakeUiTest.data().resolve("ui-test-account.txt")).strip();
		robot.chord(SWT.ALT, 'w');
		robot.press('f');
		robot.select("forms.kind", 1);
		robot.type("forms.subject", account);
		robot.type("forms.note", "forgot password, form by post");
		robot.pressKey(SWT.CR);
		robot.waitUntil(() -> robot.textOf("forms.submitted").startsWith("Website password reset form"),
				() -> "the reset form taken in; the screen says " + robot.textOf("forms.submitted"));
		robot.waitUntil(() -> robot.rows("forms.table").size() == 1, () -> "the form listed: " + robot.rows("forms.table"));
		assertTrue(robot.textOf("forms.count").startsWith("Forms taken in this batch: 1 "), robot.textOf("forms.count"));
		assertEquals("王小明", robot.rows("forms.table").get(0).get(3));
		assertEquals("you", robot.rows("forms.table").get(0).get(6));
		robot.selectRow("forms.table", 0);
		assertEquals("You took in this request: another RA officer must decide it (dual control).", robot.textOf("forms.outcome"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("forms-dual-control-en.png"));

		WalkInIntakeUiTest.switchUser(robot, WalkInIntakeUiTest.OFFICER, WalkInIntakeUiTest.OFFICER_PASSWORD,
				"Signed in: ui.officer (RA officer)");
		// the list still shows the mailroom's view ("you") until the officer's is read (off the UI thread)
		robot.waitUntil(() -> robot.rows("forms.table").size() == 1 && !robot.rows("forms.table").get(0).get(6).equals("you"),
				() -> "the form for the officer: " + robot.rows("forms.table"));
		robot.selectRow("forms.table", 0);
		robot.click("forms.approve");
		robot.waitUntil(() -> robot.textOf("forms.outcome").endsWith("the counter carries it out."),
				() -> "approved; the screen says " + robot.textOf("forms.outcome"));

		WalkInIntakeUiTest.switchUser(robot, WalkInIntakeUiTest.CLERK, WalkInIntakeUiTest.CLERK_PASSWORD,
				"Signed in: ui.clerk (counter clerk)");
		robot.select("forms.state", 1);
		robot.waitUntil(() -> robot.rows("forms.table").size() == 1, () -> "the approved form: " + robot.rows("forms.table"));
		robot.selectRow("forms.table", 0);
		String password = IssuanceSteps.printSlip(robot, "forms.carryOut", "forms.outcome", "Form", "憑證作業網站密碼單",
				"網站密碼 Password:", account);
		assertTrue(robot.textOf("forms.outcome").endsWith("the new slip was printed once."), robot.textOf("forms.outcome"));
		assertTrue(password.matches("\\S{12}"), password);
		assertTrue(robot.rows("forms.table").isEmpty(), "carried out once");
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("forms-carried-out-en.png"));

		// 用戶資料: the clerk finds 王小明 by account and opens his whole story
		robot.chord(SWT.ALT, 'w');
		robot.press('s');
		robot.type("search.text", account);
		robot.waitUntil(() -> robot.rows("search.results").stream().anyMatch(r -> r.get(0).equals("Subscriber")),
				() -> "the subscriber found: " + robot.rows("search.results"));
		int row = 0;
		while (!robot.rows("search.results").get(row).get(0).equals("Subscriber")) {
			row++;
		}
		robot.openRow("search.results", row);
		robot.waitUntil(() -> robot.textOf("story.title").startsWith("王小明 · A******789 · " + account),
				() -> "the story's title: " + robot.textOf("story.title"));
		List<String> story = robot.rows("story.entries").stream().map(r -> r.get(2)).toList();
		for (String step : List.of("Form received", "Approved", "Registered (account and website password)", "Card personalized",
				"Slip printed", "Card handed over / mailed", "Password reset form received", "New website password set")) {
			assertTrue(story.contains(step), step + " in the story: " + story);
		}
		assertTrue(robot.textOf("story.facts").contains("Card RD"), robot.textOf("story.facts"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("story-en.png"));
	}

	/** A valid 身分證字號 with this letter and serial (the check digit computed). */
	static String nationalId(char letter, int serial) {
		int code = LETTERS.indexOf(letter) + 10;
		String body = letter + "2" + String.format("%07d", serial);
		int sum = code / 10 + (code % 10) * 9;
		for (int i = 1; i < 9; i++) {
			sum += (body.charAt(i) - '0') * (9 - i);
		}
		return body + (10 - sum % 10) % 10;
	}
}
