package radesk.ui.counter.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.Test;

import radesk.testing.swt.WorkbenchRobot;

/**
 * First launch, zh-TW: a counter clerk records a walk-in registration in the real workbench on
 * the embedded database. A wrong ID checksum is refused next to the field and nothing is stored.
 * Then the clerk chooses English in the preferences, which the second launch must show.
 */
class WalkInIntakeUiTest {

	static Path data() {
		return Path.of(System.getProperty("radesk.data"));
	}

	static Path shots() {
		return Path.of(System.getProperty("user.dir"), "target", "screenshots");
	}

	@Test
	void clerkRecordsAWalkInAndAWrongChecksumIsRefused() throws Exception {
		WorkbenchRobot robot = WorkbenchRobot.attach("intake.submit");
		assertEquals("RA Desk 櫃檯作業", robot.shellTitle("intake.submit"));
		assertEquals("儲存申請", robot.textOf("intake.submit"));
		robot.waitUntil(() -> robot.textOf("status.service").startsWith("RA 服務：內嵌"), "the status line to name the service");
		// SoftHSM2's spare slot in the product's own demo token folder reads as a blank card
		robot.waitUntil(() -> robot.textOf("status.card").endsWith("空白卡"),
				() -> "the status line to show the blank demo card, not '" + robot.textOf("status.card") + "'");
		int before = robot.rows("intake.recent").size();

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
