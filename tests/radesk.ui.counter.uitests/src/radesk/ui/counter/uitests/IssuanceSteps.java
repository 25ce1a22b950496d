package radesk.ui.counter.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;

import radesk.testing.swt.WorkbenchRobot;

/**
 * 註冊與發卡 in zh-TW, as a clerk does it: register the approved applicant, personalize a blank
 * card — pulled from the reader once mid-way, then put back and finished — print both slips
 * through the system print dialog (GTK's "Print to File" here), and hand the card over.
 */
final class IssuanceSteps {

	private IssuanceSteps() {
	}

	/** What the subscriber takes home: the account and website password, the card and its PIN (from the printed slips). */
	record Handed(String account, String password, String card, String pin) {
	}

	static Handed carryToHandOver(WorkbenchRobot robot, String name) throws Exception {
		robot.chord(SWT.ALT, 'w');
		robot.press('c');
		robot.waitUntil(() -> rowOf(robot, name) >= 0, () -> name + " waiting for registration: " + robot.rows("issuance.table"));
		robot.selectRow("issuance.table", rowOf(robot, name));
		assertEquals("已核准", robot.rows("issuance.table").get(rowOf(robot, name)).get(3));
		robot.click("issuance.register");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").startsWith(name + " 已註冊：帳號 ra"),
				() -> "registered; the screen says " + robot.textOf("issuance.outcome"));
		String account = robot.rows("issuance.table").get(rowOf(robot, name)).get(4);
		assertTrue(account.matches("ra\\d{8}"), account);
		// 電子郵件確認: not confirmed yet; this installation sends no mail, and the screen says so in words
		robot.waitUntil(() -> robot.textOf("issuance.email.state").contains("尚未確認"),
				() -> "the address not confirmed yet: " + robot.textOf("issuance.email.state"));
		robot.click("issuance.email.resend");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").startsWith("註冊中心尚未設定寄信"),
				() -> "no mail set up, said: " + robot.textOf("issuance.outcome"));
		robot.type("issuance.email.code", "12345678");
		robot.click("issuance.email.confirm");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").startsWith("確認碼錯誤、已用完或已逾期"),
				() -> "a code never mailed refused, said: " + robot.textOf("issuance.outcome"));
		// asked at registration: 王小明 wants his renewal notices in English
		assertEquals("中文（繁體）", robot.textOf("issuance.email.language"));
		robot.select("issuance.email.language", 1);
		robot.click("issuance.email.saveLanguage");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").equals("憑證展期通知將以English寄送。"),
				() -> "the language saved, said: " + robot.textOf("issuance.outcome"));
		Files.writeString(WalkInIntakeUiTest.data().resolve("ui-test-account.txt"), account);
		assertEquals("預覽：憑證作業網站密碼單（密碼只印在紙上）", robot.textOf("issuance.previewTitle"));
		assertTrue(robot.textOf("issuance.reader").endsWith("空白晶片卡"), robot.textOf("issuance.reader"));

		// the card is pulled once the card's record is written and before the card is: the screen says so
		Path data = WalkInIntakeUiTest.data();
		Path marker = data.resolve("pause-marker");
		Path tokens = data.resolve("cards").resolve("tokens");
		Path pulled = data.resolve("cards").resolve("tokens-pulled");
		robot.click("issuance.personalize");
		robot.waitUntil(() -> Files.exists(marker), "the personalization to reach the card");
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("issuance-personalizing-zh_TW.png"));
		assertFalse(enabled(robot, "issuance.personalize"), "one personalization at a time");
		Files.move(tokens, pulled);
		Files.writeString(data.resolve("pause-resume"), "go");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").startsWith("作業完成前晶片卡已被移除")
				|| robot.textOf("issuance.outcome").startsWith("讀卡機軟體回報錯誤"),
				() -> "the pulled card reported; the screen says " + robot.textOf("issuance.outcome"));
		Files.move(pulled, tokens, StandardCopyOption.REPLACE_EXISTING);
		robot.click("issuance.readers.refresh");
		robot.click("issuance.personalize");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").startsWith("晶片卡 RD"),
				() -> "the card personalized at the second try; the screen says " + robot.textOf("issuance.outcome"));
		String card = robot.rows("issuance.table").get(rowOf(robot, name)).get(5);
		assertTrue(card.matches("RD\\d{10} \\(已製卡\\)"), card);
		String serial = card.substring(0, 12);
		assertEquals(100, (int) robot.onUi(() -> ((org.eclipse.swt.widgets.ProgressBar) robot.find("issuance.progress")).getSelection()));

		// a card does not leave before its slips are printed
		assertFalse(enabled(robot, "issuance.handOver"));
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("issuance-slip-preview-zh_TW.png"));

		String password = printSlip(robot, "issuance.printPassword", "憑證作業網站密碼單", "網站密碼 Password:", account);
		String pin = printSlip(robot, "issuance.printPin", "晶片卡密碼單", "晶片卡密碼 PIN:", serial);
		assertTrue(password.matches("\\S{12}"), password);
		assertTrue(pin.matches("\\d{8}"), pin);
		assertFalse(enabled(robot, "issuance.printPin"), "printed once: no reprint");
		assertEquals("網站密碼單, 晶片卡密碼單", robot.rows("issuance.table").get(rowOf(robot, name)).get(6));
		assertNowhereInTheRecordsOrLogs(password);
		assertNowhereInTheRecordsOrLogs(pin);

		robot.commit("issuance.recipient", name);
		robot.click("issuance.readerSold");
		robot.click("issuance.handOver");
		robot.waitUntil(() -> robot.textOf("issuance.outcome").equals("晶片卡 " + serial + " 已交付給 " + name + "。"),
				() -> "handed over; the screen says " + robot.textOf("issuance.outcome"));
		assertEquals(-1, rowOf(robot, name), "nothing more is owed to " + name);
		robot.screenshot(WalkInIntakeUiTest.shots().resolve("issuance-handed-over-zh_TW.png"));
		return new Handed(account, password, serial, pin);
	}

	private static boolean enabled(WorkbenchRobot robot, String id) {
		org.eclipse.swt.widgets.Control control = robot.find(id);
		return Boolean.TRUE.equals(robot.onUi(() -> control.isEnabled()));
	}

	static int rowOf(WorkbenchRobot robot, String name) {
		List<List<String>> rows = robot.rows("issuance.table");
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).get(1).equals(name)) {
				return i;
			}
		}
		return -1;
	}

	/** Prints one slip through the print dialog to a file; returns the secret read back from the paper. */
	private static String printSlip(WorkbenchRobot robot, String button, String title, String secretLabel, String reference)
			throws Exception {
		return printSlip(robot, button, "issuance.outcome", title + "已列印", title, secretLabel, reference);
	}

	/** Presses {@code button}, prints through the dialog, waits for the outcome line; returns the secret read from paper. */
	static String printSlip(WorkbenchRobot robot, String button, String outcomeId, String outcomeStart, String title,
			String secretLabel, String reference) throws Exception {
		// with no output file named, GTK's "Print to File" writes output.pdf in the working directory
		Path paper = Path.of(System.getProperty("user.dir"), "output.pdf");
		Files.createDirectories(paper.getParent());
		Files.deleteIfExists(paper);
		robot.click(button);
		// GTK's print dialog is not an SWT shell: Enter prints on its one printer, "Print to File"
		for (int tries = 0; tries < 5 && !Files.exists(paper); tries++) {
			Thread.sleep(1000);
			robot.pressKey(SWT.CR);
			for (int wait = 0; wait < 40 && !Files.exists(paper); wait++) {
				Thread.sleep(100);
			}
		}
		robot.waitUntil(() -> robot.textOf(outcomeId).startsWith(outcomeStart),
				() -> "the " + title + " printed; the screen says " + robot.textOf(outcomeId));
		String text = pdfText(paper);
		Path kept = WalkInIntakeUiTest.shots().resolve((title.equals("晶片卡密碼單") ? "slip-pin-" : "slip-password-") + reference + ".txt");
		assertTrue(text.contains(title), text);
		assertTrue(text.contains("此密碼僅列印一次"), text);
		assertTrue(text.contains(reference), text);
		assertTrue(text.contains("臺北市中正區重慶南路一段"), "the address for the window envelope: " + text);
		Matcher secret = Pattern.compile(Pattern.quote(secretLabel) + "\\s*(\\S+)").matcher(text);
		assertTrue(secret.find(), "the secret on the tear-off part: " + text);
		Files.writeString(kept, text.replace(secret.group(1), "(secret)"));
		Files.delete(paper);
		return secret.group(1);
	}

	private static String pdfText(Path pdf) throws IOException, InterruptedException {
		Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
		String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, text);
		return text;
	}

	/** The secret exists on paper only: not in the database files, not in any log of the workstation. */
	private static void assertNowhereInTheRecordsOrLogs(String secret) throws IOException {
		byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
		byte[] utf16 = secret.getBytes(StandardCharsets.UTF_16BE);
		List<Path> places;
		try (Stream<Path> db = Files.walk(WalkInIntakeUiTest.data());
				Stream<Path> ws = Files.walk(Path.of(System.getProperty("osgi.instance.area", "target/work/data").replace("file:", "")))) {
			places = Stream.concat(db, ws).filter(Files::isRegularFile).filter(f -> !f.toString().contains("tokens")).toList();
		}
		assertFalse(places.isEmpty());
		for (Path f : places) {
			byte[] bytes = Files.readAllBytes(f);
			assertFalse(contains(bytes, utf8) || contains(bytes, utf16), "the secret is in " + f);
		}
	}

	private static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}
}
