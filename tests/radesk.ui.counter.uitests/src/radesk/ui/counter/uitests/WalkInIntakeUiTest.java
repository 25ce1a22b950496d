package radesk.ui.counter.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.Test;

import radesk.testing.swt.WorkbenchRobot;

/**
 * First launch on a fresh installation, zh-TW: the first-run dialog creates the administrator,
 * who adds a counter clerk and cannot take in forms; the clerk signs in (切換使用者), records a
 * walk-in, has a wrong ID checksum refused next to the field, and chooses English for the next
 * start. The administrator also adds the RA officer who reviews in the second launch.
 */
class WalkInIntakeUiTest {

	static final String CLERK = "ui.clerk";
	static final String CLERK_PASSWORD = "Clerk-pass-2026";
	static final String OFFICER = "ui.officer";
	static final String OFFICER_PASSWORD = "Officer-pass-2026";
	static final String MAILROOM = "ui.mail";
	static final String MAILROOM_PASSWORD = "Mailroom-pass-2026";

	static Path data() {
		return Path.of(System.getProperty("radesk.data"));
	}

	/** Where the screenshots go; the run in connected mode keeps its own. */
	static Path shots() {
		Path shots = Path.of(System.getProperty("user.dir"), "target", "screenshots");
		return "server".equals(System.getProperty("radesk.connection")) ? shots.resolve("connected") : shots;
	}

	static void switchUser(WorkbenchRobot robot, String account, String password, String who) {
		switchUser(robot, account, password, 0, who);
	}

	/** 檔案 → 切換使用者, working in the role at {@code roleIndex} of the dialog's list (0: the main role). */
	static void switchUser(WorkbenchRobot robot, String account, String password, int roleIndex, String who) {
		robot.chord(SWT.ALT, 'f');
		robot.press('s');
		robot.find("signin.account");
		robot.type("signin.account", account);
		robot.type("signin.password", password);
		robot.select("signin.role", roleIndex);
		chooseCard(robot, account);
		robot.click("signin.ok");
		robot.waitUntil(() -> robot.textOf("status.who").startsWith(who), () -> who + ", not '" + robot.textOf("status.who") + "'");
	}

	/** The staff cards issued in this launch, by account (their serials, RS…). */
	static final java.util.Map<String, String> CARDS = new java.util.HashMap<>();
	static final String CARD_PIN = "135790";

	/** In the sign-in dialog: the account's staff card and its PIN when it holds one, else none (standalone only). */
	/** Chooses month {@code ends} and waits for {@code name} in the list, or (null) for the list to be read. */
	static void showDueForRenewal(WorkbenchRobot robot, java.time.YearMonth ends, String name) {
		robot.find("renewals.table");
		robot.select("renewals.month", (int) java.time.YearMonth.now(java.time.ZoneId.of("Asia/Taipei")).until(ends,
				java.time.temporal.ChronoUnit.MONTHS));
		robot.waitUntil(() -> name == null ? !robot.textOf("renewals.outcome").isEmpty()
				: robot.rows("renewals.table").stream().anyMatch(r -> r.get(2).equals(name)),
				() -> name + " due in " + ends + ": " + robot.rows("renewals.table") + " " + robot.textOf("renewals.outcome"));
	}

	static void chooseCard(WorkbenchRobot robot, String account) {
		String serial = CARDS.get(account);
		List<String> cards = robot.items("signin.card");
		int index = 0;
		for (int i = 1; serial != null && i < cards.size(); i++) {
			if (cards.get(i).startsWith(serial)) {
				index = i;
			}
		}
		assertTrue(serial == null || index > 0, () -> serial + " offered in " + cards);
		robot.select("signin.card", index);
		robot.type("signin.cardPin", index == 0 ? "" : CARD_PIN);
	}

	/** 人員管理 → 發給員工卡: the person in that row gets the blank card in the reader; its serial is kept. */
	static void issueStaffCard(WorkbenchRobot robot, String account) {
		int row = robot.rows("staff.table").stream().map(r -> r.get(0)).toList().indexOf(account);
		robot.selectRow("staff.table", row);
		robot.click("staffcard.readers.refresh");
		robot.type("staffcard.pin", CARD_PIN);
		robot.type("staffcard.pinAgain", CARD_PIN);
		robot.click("staffcard.issue");
		robot.waitUntil(() -> robot.textOf("staff.outcome").startsWith("已發給 " + account + " 員工卡 RS"),
				() -> "the staff card issued, not '" + robot.textOf("staff.outcome") + "'");
		robot.waitUntil(() -> robot.rows("staff.table").get(row).get(4).startsWith("RS"),
				() -> "the card listed: " + robot.rows("staff.table"));
		CARDS.put(account, robot.rows("staff.table").get(row).get(4).substring(0, 12));
	}

	private static void addStaff(WorkbenchRobot robot, String account, String name, String password, int role, String expected) {
		robot.type("staff.account", account);
		robot.commit("staff.name", name);
		robot.type("staff.password", password);
		robot.select("staff.role", role);
		robot.click("staff.add");
		robot.waitUntil(() -> robot.textOf("staff.outcome").equals(expected),
				() -> account + " added, not '" + robot.textOf("staff.outcome") + "'");
	}

	static boolean connected() {
		return "server".equals(System.getProperty("radesk.connection"));
	}

	/**
	 * Connected: the one-time code the RA server showed on its console at its start, as whoever set
	 * the server up reads it on its host. The server runs in this test's runtime: its own desk
	 * (never the connected counter's) is asked again, as a restart of the server would.
	 */
	static String setupCode() throws Exception {
		org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(WalkInIntakeUiTest.class).getBundleContext();
		org.osgi.util.tracker.ServiceTracker<radesk.api.staff.StaffDesk, radesk.api.staff.StaffDesk> local = new org.osgi.util.tracker.ServiceTracker<>(
				context, context.createFilter("(&(objectClass=radesk.api.staff.StaffDesk)(!(radesk.remote=true)))"), null);
		local.open();
		try {
			return new String(local.waitForService(30_000).openFirstAdministratorSetup());
		} finally {
			local.close();
		}
	}

	/** 查詢: 王小明 searched by his ID number and his story opened. */
	private static void openStoryOfWang(WorkbenchRobot robot) {
		robot.chord(SWT.ALT, 'w');
		robot.press('s');
		robot.type("search.text", "a1234");
		robot.waitUntil(() -> !robot.rows("search.results").isEmpty(), "王小明 found");
		robot.openRow("search.results", 0);
		robot.waitUntil(() -> robot.textOf("story.title").startsWith("王小明"), () -> "the story: " + robot.textOf("story.title"));
	}

	/**
	 * 暫禁 in 王小明's story: connected, the clerk puts his certificate on hold (the story says so), cannot
	 * resume it (an officer's work; refused in words), and an officer resumes it at the server; embedded,
	 * he has no certificate and neither button can be pressed.
	 */
	private static void holdAndResume(WorkbenchRobot robot) throws Exception {
		openStoryOfWang(robot);
		if (!connected()) {
			assertFalse(robot.onUi(() -> robot.find("story.hold.suspend").isEnabled() || robot.find("story.hold.resume").isEnabled()),
					"no certificate, nothing to suspend or resume");
			return;
		}
		robot.waitUntil(() -> robot.textOf("story.hold.certificate").endsWith("已存入晶片卡"),
				() -> "his certificate offered: " + robot.textOf("story.hold.certificate"));
		robot.type("story.hold.note", "phoned: card lost");
		robot.click("story.hold.suspend");
		robot.waitUntil(() -> robot.textOf("story.hold.outcome").endsWith("已暫禁：CRL 與 OCSP 已載明。"),
				() -> "on hold: " + robot.textOf("story.hold.outcome"));
		robot.waitUntil(() -> robot.textOf("story.hold.certificate").endsWith("已暫禁"),
				() -> "the story read again: " + robot.textOf("story.hold.certificate"));
		robot.click("story.hold.resume");
		robot.waitUntil(() -> robot.textOf("story.hold.outcome").equals("未執行：您的角色沒有此作業的權限。"),
				() -> "a clerk does not resume: " + robot.textOf("story.hold.outcome"));
		robot.screenshot(shots().resolve("hold-zh_TW.png"));
		String identifier = robot.textOf("story.hold.certificate").split(" ")[0];
		org.osgi.framework.BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(WalkInIntakeUiTest.class).getBundleContext();
		org.osgi.util.tracker.ServiceTracker<radesk.api.staff.SuspensionDesk, radesk.api.staff.SuspensionDesk> local = new org.osgi.util.tracker.ServiceTracker<>(
				context, context.createFilter("(&(objectClass=radesk.api.staff.SuspensionDesk)(!(radesk.remote=true)))"), null);
		local.open();
		try {
			local.waitForService(30_000).resume(new radesk.core.access.Actor("ui.officer", radesk.core.access.Role.RA_OFFICER, "review"),
					identifier, "card found");
		} finally {
			local.close();
		}
	}

	@Test
	void firstStartAdministratorClerkAndAWalkIn() throws Exception {
		WorkbenchRobot robot = WorkbenchRobot.attach("signin.account");
		assertEquals("RA Desk 櫃檯作業 — 首次啟動", robot.shellTitle("signin.account"));
		robot.screenshot(shots().resolve("first-start-zh_TW.png"));
		if (connected()) {
			// a wrong code first: refused in words, nothing created
			robot.type("signin.setupCode", "AAAA-BBBB-CCCC-DDDD");
			robot.type("signin.account", "ui.admin");
			robot.commit("signin.displayName", "系統管理者");
			robot.type("signin.password", "Admin-pass-2026");
			robot.type("signin.confirm", "Admin-pass-2026");
			robot.click("signin.ok");
			robot.waitUntil(() -> robot.shellWords("signin.account").contains("設定碼錯誤、已使用或已逾期"),
					() -> "the wrong code refused: " + robot.shellWords("signin.account"));
			robot.screenshot(shots().resolve("first-start-wrong-code-zh_TW.png"));
			robot.type("signin.setupCode", setupCode());
		}
		robot.type("signin.account", "ui.admin");
		robot.commit("signin.displayName", "系統管理者");
		robot.type("signin.password", "Admin-pass-2026");
		robot.type("signin.confirm", "Admin-pass-2026");
		robot.click("signin.ok");
		robot.waitUntil(() -> robot.textOf("status.who").startsWith("已登入：ui.admin（系統管理者）"),
				() -> "the administrator signed in, not '" + robot.textOf("status.who") + "'");
		// the run in connected mode works on the RA server, and the status line says so
		String service = "server".equals(System.getProperty("radesk.connection")) ? "RA 服務：https://localhost:18444/api/v1/" : "RA 服務：內嵌";
		assertTrue(robot.textOf("status.service").startsWith(service), robot.textOf("status.service"));

		// 作業 → 人員管理: the administrator adds a counter clerk
		robot.chord(SWT.ALT, 'w');
		robot.press('t');
		addStaff(robot, CLERK, "陳櫃檯", CLERK_PASSWORD, 0, "已新增 ui.clerk（櫃檯人員）。");
		robot.waitUntil(() -> robot.rows("staff.table").stream().anyMatch(r -> r.get(0).equals(CLERK) && r.get(2).equals("櫃檯人員")),
				() -> "the clerk listed: " + robot.rows("staff.table"));
		addStaff(robot, OFFICER, "林審核", OFFICER_PASSWORD, 1, "已新增 ui.officer（審核人員）。");
		addStaff(robot, MAILROOM, "吳收發", MAILROOM_PASSWORD, 2, "已新增 ui.mail（收發人員）。");
		// a small office: the clerk may also work as an officer
		robot.waitUntil(() -> robot.rows("staff.table").stream().anyMatch(r -> r.get(0).equals(MAILROOM)),
				() -> "the mailroom clerk listed: " + robot.rows("staff.table"));
		int clerkRow = robot.rows("staff.table").stream().map(r -> r.get(0)).toList().indexOf(CLERK);
		robot.selectRow("staff.table", clerkRow);
		robot.select("staff.extraRole", 1);
		robot.click("staff.grant");
		robot.waitUntil(() -> robot.textOf("staff.outcome").equals("ui.clerk 現在也可擔任審核人員。"),
				() -> "the role granted; the screen says " + robot.textOf("staff.outcome"));
		robot.waitUntil(() -> robot.rows("staff.table").get(clerkRow).get(2).equals("櫃檯人員, 審核人員"),
				() -> "the clerk's two roles listed: " + robot.rows("staff.table"));
		robot.type("units.code", "KHH");
		robot.commit("units.nameZh", "高雄分處");
		robot.type("units.nameEn", "Kaohsiung branch");
		robot.click("units.add");
		robot.waitUntil(() -> robot.textOf("staff.outcome").equals("已新增 RA 單位 KHH。"),
				() -> "the unit added; the screen says " + robot.textOf("staff.outcome"));
		assertTrue(robot.textOf("units.list").contains("KHH 高雄分處 / Kaohsiung branch"), robot.textOf("units.list"));
		// 員工卡: PINs that differ are refused before any card is touched; then the clerk's and the officer's cards
		int officerRow = robot.rows("staff.table").stream().map(r -> r.get(0)).toList().indexOf(OFFICER);
		robot.selectRow("staff.table", officerRow);
		robot.type("staffcard.pin", CARD_PIN);
		robot.type("staffcard.pinAgain", "135791");
		robot.click("staffcard.issue");
		robot.waitUntil(() -> robot.textOf("staff.outcome").equals("兩次輸入的 PIN 碼不同：請持卡人輸入相同的 PIN 碼兩次。"),
				() -> "different PINs refused, not '" + robot.textOf("staff.outcome") + "'");
		issueStaffCard(robot, CLERK);
		issueStaffCard(robot, OFFICER);
		robot.screenshot(shots().resolve("staff-zh_TW.png"));
		robot.chord(SWT.ALT, 'w');
		robot.press('m');
		robot.find("mail.count");
		assertEquals("本批已登錄：0 件", robot.textOf("mail.count"));
		robot.screenshot(shots().resolve("mailroom-zh_TW.png"));

		// the administrator may not take in forms: the service says no, the screen says why
		robot.chord(SWT.ALT, 'w');
		robot.press('w');
		int before = robot.rows("intake.recent").size();
		robot.commit("intake.name", "王小明");
		robot.type("intake.nationalId", "A123456789");
		robot.type("intake.email", "ming@example.com.tw");
		robot.click("intake.submit");
		robot.waitUntil(() -> robot.textOf("intake.outcome").equals("未執行：您的角色沒有此作業的權限。"),
				() -> "the refusal shown, not '" + robot.textOf("intake.outcome") + "'");
		assertEquals(before, robot.rows("intake.recent").size());

		// 檔案 → 切換使用者: the clerk signs in
		robot.chord(SWT.ALT, 'f');
		robot.press('s');
		robot.waitUntil(() -> robot.shellTitle("signin.account").equals("RA Desk 櫃檯作業 — 登入"), "the sign-in dialog");
		robot.type("signin.account", CLERK);
		robot.type("signin.password", CLERK_PASSWORD);
		if (connected()) {
			// at the RA server the right password alone is not enough
			robot.select("signin.card", 0);
			robot.click("signin.ok");
			robot.waitUntil(() -> robot.shellWords("signin.account").contains("還需要您的員工卡及其 PIN 碼"),
					() -> "the card asked for: " + robot.shellWords("signin.account"));
			robot.screenshot(shots().resolve("signin-card-required-zh_TW.png"));
		}
		robot.type("signin.password", "wrong-pass-123");
		chooseCard(robot, CLERK);
		robot.click("signin.ok");
		robot.waitUntil(() -> robot.shellWords("signin.account").contains("帳號、密碼或員工卡錯誤"),
				() -> "the wrong password refused: " + robot.shellWords("signin.account"));
		assertTrue(robot.textOf("status.who").startsWith("已登入：ui.admin"), "a wrong password signs nobody in");
		robot.type("signin.password", CLERK_PASSWORD);
		chooseCard(robot, CLERK);
		robot.screenshot(shots().resolve("signin-card-zh_TW.png"));
		robot.click("signin.ok");
		robot.waitUntil(() -> robot.textOf("status.who").startsWith("已登入：ui.clerk（櫃檯人員）"),
				() -> "the clerk signed in, not '" + robot.textOf("status.who") + "'");

		String email = "walkin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com.tw";
		robot.commit("intake.name", "王小明");
		robot.type("intake.nationalId", "A123456788");
		robot.type("intake.email", email);
		robot.click("intake.submit");
		robot.waitUntil(() -> !robot.textOf("intake.nationalId.problem").isEmpty(), "the ID problem to show");
		assertEquals("身分證字號檢查碼不正確，請與證件再核對一次。", robot.textOf("intake.nationalId.problem"));
		assertEquals("未儲存任何資料，請更正標示的欄位。", robot.textOf("intake.outcome"));
		assertEquals("", robot.textOf("intake.name.problem"));
		assertEquals(before, robot.rows("intake.recent").size());
		robot.screenshot(shots().resolve("intake-wrong-checksum-zh_TW.png"));

		robot.type("intake.nationalId", "A123456789");
		robot.waitUntil(() -> robot.textOf("intake.nationalId.problem").isEmpty(), "the ID problem to clear once fixed");
		assertEquals("請勾選檢附的文件：身分證或居留證影本；團體申請另需設立登記文件及授權書。", robot.textOf("intake.documents.problem"));
		robot.type("intake.phone", "0912-345-678");
		robot.commit("intake.address", "100 臺北市中正區重慶南路一段122號");
		robot.click("intake.doc.ID_CARD_COPY");
		robot.waitUntil(() -> robot.textOf("intake.documents.problem").isEmpty(), "the documents problem to clear once ticked");
		robot.click("intake.submit");
		robot.waitUntil(() -> robot.rows("intake.recent").size() == before + 1,
				() -> "the new request in the list; the form says: " + robot.textOf("intake.outcome"));
		List<String> newest = robot.rows("intake.recent").get(0);
		assertEquals("王小明", newest.get(2));
		assertEquals("A******789", newest.get(3));
		assertEquals(email, newest.get(4));
		assertEquals("臨櫃", newest.get(6));
		assertEquals("審核中", newest.get(7));
		assertTrue(robot.textOf("intake.outcome").startsWith("已收件：王小明 的申請"), robot.textOf("intake.outcome"));
		assertEquals("", robot.textOf("intake.name"), "the form is cleared for the next applicant");
		robot.screenshot(shots().resolve("intake-saved-zh_TW.png"));

		Files.createDirectories(data());
		Files.writeString(data().resolve("ui-test-last-walk-in.txt"), email);

		// the officer approves it; the clerk registers 王小明, personalizes his card (pulled once), prints both slips, hands over
		switchUser(robot, OFFICER, OFFICER_PASSWORD, "已登入：ui.officer（審核人員）");
		robot.chord(SWT.ALT, 'w');
		robot.press('r');
		robot.waitUntil(() -> robot.rows("review.table").size() == 1, () -> "the walk-in in review: " + robot.rows("review.table"));
		robot.selectRow("review.table", 0);
		robot.click("review.approve");
		robot.waitUntil(() -> robot.rows("review.table").isEmpty(), () -> "approved; the part says " + robot.textOf("review.outcome"));
		switchUser(robot, CLERK, CLERK_PASSWORD, "已登入：ui.clerk（櫃檯人員）");
		IssuanceSteps.Handed handed = IssuanceSteps.carryToHandOver(robot, "王小明");
		// connected: at home, 王小明 applies for his certificate on the card with the subscriber edition's own flow
		java.time.YearMonth ends = connected() ? AtHome.applyForCertificate(handed) : null;
		// every other screen once in zh-TW, for the eye: 審核, 收發, 申請表單, 查詢 with the story
		robot.chord(SWT.ALT, 'w');
		robot.press('r');
		robot.find("review.table");
		robot.screenshot(shots().resolve("review-zh_TW.png"));
		robot.chord(SWT.ALT, 'w');
		robot.press('f');
		robot.find("forms.table");
		robot.select("forms.kind", 2);
		robot.screenshot(shots().resolve("forms-zh_TW.png"));
		openStoryOfWang(robot);
		robot.screenshot(shots().resolve("story-zh_TW.png"));
		assertEquals("此人的憑證尚無展期通知。", robot.textOf("story.notices.outcome"));
		// 展期到期: 王小明's certificate (connected: he applied at home) in the month it ends
		robot.chord(SWT.ALT, 'w');
		robot.press('d');
		if (connected()) {
			showDueForRenewal(robot, ends, "王小明");
			List<String> due = robot.rows("renewals.table").stream().filter(r -> r.get(2).equals("王小明")).findFirst().orElseThrow();
			assertEquals("尚未通知", due.get(6));
			assertTrue(due.get(5).endsWith("（未確認）"), due.get(5));
			assertTrue(robot.textOf("renewals.outcome").startsWith("此月份共有 "), robot.textOf("renewals.outcome"));
		} else {
			showDueForRenewal(robot, java.time.YearMonth.now(java.time.ZoneId.of("Asia/Taipei")), null);
			assertEquals("此單位在此月份沒有尚未展期的到期憑證。", robot.textOf("renewals.outcome"));
		}
		robot.screenshot(shots().resolve("renewals-zh_TW.png"));
		holdAndResume(robot);
		robot.chord(SWT.ALT, 'w');
		robot.press('w');
		robot.find("intake.submit");

		// 檔案 → 設定: the clerk switches the UI to English, to take effect at the next start
		robot.chord(SWT.ALT, 'f');
		robot.press('p');
		robot.find("prefs.language");
		assertEquals("依作業系統", robot.textOf("prefs.language"));
		robot.select("prefs.language", 2);
		robot.screenshot(shots().resolve("preferences-zh_TW.png"));
		robot.click("prefs.ok");
		robot.clickButton("稍後");
		robot.waitUntil(() -> robot.onUi(() -> robot.find("intake.submit").getShell().isEnabled()), "the dialogs to close");
		assertEquals("儲存申請", robot.textOf("intake.submit"), "the language changes only after a restart");
	}
}
