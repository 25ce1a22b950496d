package radesk.ui.subscriber.uitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import radesk.api.staff.NewSubscriber;
import radesk.api.staff.RegistrationDesk;
import radesk.api.staff.RegistrationSummary;
import radesk.core.access.Actor;
import radesk.core.access.Role;
import radesk.core.registration.ProofDocument;
import radesk.core.registration.WalkInForm;
import radesk.core.review.Decision;
import radesk.server.RaServerEndpoint;
import radesk.testing.TestIds;
import radesk.testing.swt.WorkbenchRobot;

/**
 * The subscriber edition in zh-TW against a real RA server over HTTPS on loopback: a subscriber
 * registered at the counter logs in with account, password and 驗證碼 (a wrong code and a wrong
 * password each refused in words), sees the certificate list and changes the password.
 */
class AccountUiTest {

	static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(AccountUiTest.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		try {
			T found = tracker.waitForService(TimeUnit.SECONDS.toMillis(60));
			if (found == null) {
				throw new AssertionError(type.getName() + " not available");
			}
			return found;
		} finally {
			tracker.close();
		}
	}

	static String disclosedAnswer(WorkbenchRobot robot, RaServerEndpoint server) {
		org.eclipse.swt.widgets.Control image = robot.find("login.captchaImage");
		// the captcha is fetched in a Job: wait until it is shown
		robot.waitUntil(() -> robot.onUi(() -> image.getData("radesk.captchaId")) != null, () -> "a captcha is shown");
		String id = robot.onUi(() -> (String) image.getData("radesk.captchaId"));
		return server.disclosedAnswer(id).orElseThrow(() -> new AssertionError("no captcha " + id + " on the server"));
	}

	/** What the shared bundles say through System.Logger at WARNING and above lands in the workspace's .metadata/.log. */
	@Test
	void theSharedBundlesWarningsReachTheWorkspaceLog() throws Exception {
		String probe = "probe " + java.util.UUID.randomUUID();
		System.getLogger("radesk.test.probe").log(System.Logger.Level.WARNING, "{0} reached the log", probe);
		Path log = Path.of(org.eclipse.core.runtime.Platform.getLogFileLocation().toOSString());
		long deadline = System.currentTimeMillis() + 20_000;
		while (!(Files.exists(log) && Files.readString(log).contains("radesk.test.probe: " + probe + " reached the log"))) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("no warning in " + log);
			}
			Thread.sleep(100);
		}
	}

	@Test
	void aSubscriberLogsInWithTheCaptchaAndChangesThePassword() throws Exception {
		WorkbenchRobot robot = WorkbenchRobot.attach("login.account");
		// the counter's part, done in-process: a registered subscriber with a website password
		RegistrationDesk desk = service(RegistrationDesk.class);
		Actor clerk = new Actor("ui.clerk", Role.COUNTER_CLERK, "counter");
		Actor officer = new Actor("ui.officer", Role.RA_OFFICER, "review");
		RegistrationSummary request = desk.submitWalkIn(clerk, new WalkInForm("林用戶", TestIds.nationalId(), "user@example.com.tw", "HQ")
				.withDocuments(ProofDocument.ID_CARD_COPY));
		desk.decide(officer, request.id(), Decision.approve());
		NewSubscriber subscriber = desk.register(clerk, request.id());
		String password = new String(subscriber.password());

		RaServerEndpoint server = service(RaServerEndpoint.class);
		System.setProperty("radesk.server.url", "https://localhost:" + server.port() + "/api/v1/");
		System.setProperty("radesk.server.root", Path.of(System.getProperty("radesk.data"), "server", "root.cer").toString());
		robot.click("login.newCaptcha");
		robot.waitUntil(() -> robot.onUi(() -> robot.find("login.captchaImage").getData("radesk.captchaId")) != null,
				() -> "a captcha from the server; the screen says " + robot.textOf("login.outcome"));

		robot.type("login.account", subscriber.account());
		robot.type("login.password", password);
		String answer = disclosedAnswer(robot, server);
		robot.type("login.captcha", answer.equals("00000") ? "11111" : "00000");
		robot.click("login.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals("驗證碼錯誤，已換一組新的驗證碼。"),
				() -> "the wrong code refused; the screen says " + robot.textOf("login.outcome"));

		robot.type("login.password", "not-the-password-1");
		robot.type("login.captcha", disclosedAnswer(robot, server));
		robot.click("login.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals("帳號或密碼錯誤。"),
				() -> "the wrong password refused; the screen says " + robot.textOf("login.outcome"));

		robot.type("login.password", password);
		robot.type("login.captcha", disclosedAnswer(robot, server));
		robot.click("login.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals("已登入。"),
				() -> "logged in; the screen says " + robot.textOf("login.outcome"));
		assertEquals("已登入：" + subscriber.account(), robot.textOf("account.who"));
		assertTrue(robot.rows("account.certificates").isEmpty(), "no certificate applied for yet");
		// 電子郵件地址: not confirmed until the mailed code comes back
		robot.waitUntil(() -> robot.textOf("email.address").contains("尚未確認"),
				() -> "the address shown unconfirmed: " + robot.textOf("email.address"));
		robot.type("email.code", "12345678");
		robot.click("email.confirm");
		robot.waitUntil(() -> robot.textOf("email.outcome").equals("確認碼錯誤、已用完或已逾期：請重新索取。"),
				() -> "a code never mailed is refused: " + robot.textOf("email.outcome"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "email-zh_TW.png"));

		robot.type("password.old", password);
		robot.type("password.new", "Kaohsiung-2026a");
		robot.type("password.confirm", "Kaohsiung-2026b");
		robot.click("password.submit");
		robot.waitUntil(() -> robot.textOf("password.outcome").equals("兩次輸入的新密碼不一致。"),
				() -> "the differing passwords refused: " + robot.textOf("password.outcome"));
		robot.type("password.confirm", "Kaohsiung-2026a");
		robot.click("password.submit");
		robot.waitUntil(() -> robot.textOf("password.outcome").equals("密碼更改成功"),
				() -> "the password changed: " + robot.textOf("password.outcome"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "account-zh_TW.png"));

		// the counter's part again, in-process: a personalized card handed over to this subscriber, and one to somebody else
		String pin = cardFor(clerk, subscriber.subscriberId());
		String cardSerial = lastCard;
		RegistrationSummary otherRequest = desk.submitWalkIn(clerk, new WalkInForm("王小明", TestIds.nationalId(),
				"other@example.com.tw", "HQ").withDocuments(ProofDocument.ID_CARD_COPY));
		desk.decide(officer, otherRequest.id(), Decision.approve());
		NewSubscriber other = desk.register(clerk, otherRequest.id());
		String otherPin = cardFor(clerk, other.subscriberId());
		String otherCard = lastCard;

		// 憑證申請: the key made on the card, the request signed there, the certificate written there — step by step
		robot.showTab("憑證申請與下載");
		robot.waitUntil(() -> robot.textOf("certs.who").equals("已登入：" + subscriber.account()),
				() -> "the log-in of 我的帳號 carries over; the screen says " + robot.textOf("certs.who"));
		robot.click("certs.lookAgain");
		robot.select("certs.card", cardIndex(robot, cardSerial));
		robot.type("certs.pin", "99999999".equals(pin) ? "11111111" : "99999999");
		robot.click("certs.apply");
		robot.waitUntil(() -> robot.textOf("certs.outcome").equals("晶片卡密碼錯誤：再錯 2 次晶片卡將鎖卡。"),
				() -> "a wrong PIN counted by the card; the screen says " + robot.textOf("certs.outcome"));
		robot.type("certs.pin", pin);
		robot.click("certs.apply");
		robot.waitUntil(() -> robot.textOf("certs.outcome").startsWith("憑證申請完成：憑證識別碼 C"),
				() -> "the certificate applied for; the screen says " + robot.textOf("certs.outcome"));
		assertEquals(100, (int) robot.onUi(() -> ((org.eclipse.swt.widgets.ProgressBar) robot.find("certs.progress")).getSelection()));
		assertEquals("", robot.textOf("certs.pin"), "the PIN left the screen");
		robot.waitUntil(() -> robot.rows("certs.table").size() == 1 && robot.rows("certs.table").get(0).get(1).equals("已在晶片卡中"),
				() -> "the certificate on the card: " + robot.rows("certs.table"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "apply-zh_TW.png"));

		// a second certificate on the same card is refused: the card holds a valid one (renewal is the way)
		robot.type("certs.pin", pin);
		robot.click("certs.apply");
		robot.waitUntil(() -> robot.textOf("certs.outcome").equals("這張晶片卡已有有效的憑證：請於憑證到期前一個月內辦理憑證展期。"),
				() -> "a second certificate refused; the screen says " + robot.textOf("certs.outcome"));
		assertEquals(1, robot.rows("certs.table").size(), "nothing issued: " + robot.rows("certs.table"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "apply-refused-zh_TW.png"));

		// the card's certificate revoked at the counter (a revocation form, approved by an officer): the card may apply again
		radesk.api.staff.FormDesk forms = service(radesk.api.staff.FormDesk.class);
		String first = service(radesk.api.CertificateDesk.class)
				.certificates(service(radesk.api.AccountDesk.class).logIn(subscriber.account(), "Kaohsiung-2026a".toCharArray(), "pc"))
				.get(0).identifier();
		long revocation = forms.submitRevocation(clerk, first, radesk.core.revocation.RevocationReason.KEY_LOST, "用戶臨櫃申請");
		forms.decide(officer, revocation, Decision.approve());
		robot.showTab("我的帳號");
		robot.showTab("憑證申請與下載");
		robot.waitUntil(() -> robot.rows("certs.table").stream().anyMatch(r -> r.get(1).equals("已廢止")),
				() -> "the revoked certificate listed: " + robot.rows("certs.table"));

		// a new application, the card pulled after the RA issued and before the card took the certificate
		Path data = Path.of(System.getProperty("radesk.data"));
		Path marker = data.resolve("apply-marker");
		Path resume = data.resolve("apply-resume");
		Path tokens = data.resolve("cards").resolve("tokens");
		Path pulled = data.resolve("cards").resolve("tokens-pulled");
		System.setProperty("radesk.test.marker", marker.toString());
		System.setProperty("radesk.test.resume", resume.toString());
		System.setProperty("radesk.test.pauseAt", "subscriber.apply.issued");
		robot.type("certs.pin", pin);
		robot.select("certs.keyKind", 1);
		robot.click("certs.apply");
		robot.waitUntil(() -> java.nio.file.Files.exists(marker), "the application to reach the issued certificate");
		assertTrue(!robot.onUi(() -> robot.find("certs.apply").isEnabled()), "one piece of card work at a time");
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "apply-running-zh_TW.png"));
		java.nio.file.Files.move(tokens, pulled);
		System.clearProperty("radesk.test.pauseAt");
		java.nio.file.Files.writeString(resume, "go");
		robot.waitUntil(() -> robot.textOf("certs.outcome").startsWith("讀卡機中沒有晶片卡（或晶片卡已被拔出）")
				|| robot.textOf("certs.outcome").startsWith("讀卡機軟體"),
				() -> "the pulled card reported; the screen says " + robot.textOf("certs.outcome"));
		java.nio.file.Files.move(pulled, tokens, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		robot.waitUntil(() -> robot.rows("certs.table").stream().anyMatch(r -> r.get(1).equals("已簽發，尚未下載到晶片卡")),
				() -> "the issued certificate waits for its card: " + robot.rows("certs.table"));
		int waiting = rowWhere(robot, "已簽發，尚未下載到晶片卡");

		// 憑證下載 refused onto somebody else's card, then done onto the card that holds the key
		robot.click("certs.lookAgain");
		robot.select("certs.card", cardIndex(robot, otherCard));
		robot.selectRow("certs.table", waiting);
		robot.type("certs.pin", otherPin);
		robot.click("certs.download");
		robot.waitUntil(() -> robot.textOf("certs.outcome").equals("這張晶片卡沒有此憑證的金鑰：請插入申請此憑證時所用的晶片卡。"),
				() -> "another card refused; the screen says " + robot.textOf("certs.outcome"));
		robot.select("certs.card", cardIndex(robot, cardSerial));
		robot.selectRow("certs.table", rowWhere(robot, "已簽發，尚未下載到晶片卡"));
		robot.type("certs.pin", pin);
		robot.click("certs.download");
		robot.waitUntil(() -> robot.textOf("certs.outcome").startsWith("憑證下載完成：憑證識別碼 C"),
				() -> "downloaded onto its card; the screen says " + robot.textOf("certs.outcome"));
		robot.waitUntil(() -> robot.rows("certs.table").size() == 2
				&& robot.rows("certs.table").stream().map(r -> r.get(1)).sorted().toList().equals(java.util.List.of("已在晶片卡中", "已廢止")),
				() -> "the new certificate on the card, the revoked one listed: " + robot.rows("certs.table"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "download-zh_TW.png"));

		// the other card is taken out of its reader (its token folder moved away, the readers looked at afresh)
		takeOut(tokens, otherCard, data.resolve("other-card-out"));
		robot.click("certs.lookAgain");
		robot.waitUntil(() -> robot.onUi(() -> ((org.eclipse.swt.widgets.Combo) robot.find("certs.card")).indexOf(otherCard)) < 0,
				() -> "the other card gone: " + robot.textOf("certs.card"));

		// 晶片卡登入 with two certificates on the card: the list shows both, the newest expiry chosen; a wrong PIN first
		Actor me = service(radesk.api.AccountDesk.class).logIn(subscriber.account(), "Kaohsiung-2026a".toCharArray(), "pc");
		java.util.List<radesk.api.IssuedCertificate> mine = service(radesk.api.CertificateDesk.class).certificates(me);
		assertEquals(2, mine.size(), mine.toString());
		radesk.api.IssuedCertificate cert = mine.get(0);
		robot.showTab("我的帳號");
		robot.click("cardlogin.readCard");
		robot.waitUntil(() -> robot.rows("cardlogin.certificates").size() == 2, () -> "two certificates on the card: "
				+ robot.rows("cardlogin.certificates"));
		java.util.List<java.util.List<String>> onCard = robot.rows("cardlogin.certificates");
		assertEquals(2, onCard.size(), onCard.toString());
		assertEquals(new java.math.BigInteger(cert.serial(), 16).toString(16), onCard.get(0).get(2), "the newest expiry first");
		assertEquals(cardSerial, onCard.get(0).get(1), "on the subscriber's card (the other card holds none)");
		assertEquals(0, (int) robot.onUi(() -> ((org.eclipse.swt.widgets.Table) robot.find("cardlogin.certificates")).getSelectionIndex()),
				"and chosen");
		robot.type("cardlogin.identifier", cert.identifier());
		robot.type("cardlogin.pin", "99999999".equals(pin) ? "11111111" : "99999999");
		robot.type("login.captcha", disclosedAnswer(robot, server));
		robot.click("cardlogin.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals("晶片卡密碼錯誤：再錯 2 次晶片卡將鎖卡。"),
				() -> "the wrong PIN counted; the screen says " + robot.textOf("login.outcome"));
		robot.type("cardlogin.pin", pin);
		robot.type("login.captcha", disclosedAnswer(robot, server));
		robot.click("cardlogin.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals("已登入。"),
				() -> "logged in with the card; the screen says " + robot.textOf("login.outcome"));
		assertEquals("已登入：" + subscriber.account(), robot.textOf("account.who"));
		assertTrue(robot.rows("account.certificates").stream().anyMatch(r -> r.get(0).equals(cert.identifier()) && r.get(1).equals("已在晶片卡中")),
				() -> "the certificate listed: " + robot.rows("account.certificates"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "card-login-zh_TW.png"));

		// 環境檢測: every item passes but the RA CA and the card's certificates in this user's NSS database; 變更設定
		// puts each right (certutil -L confirms)
		robot.showTab("環境檢測");
		robot.click("env.run");
		robot.waitUntil(() -> robot.rows("env.table").size() == 8, () -> "eight items: " + robot.rows("env.table"));
		java.util.List<java.util.List<String>> items = robot.rows("env.table");
		assertEquals(java.util.List.of("通過", "通過", "通過", "通過", "通過", "通過", "未通過", "未通過"),
				items.stream().map(r -> r.get(1)).toList(), items.toString());
		assertEquals("示範卡（SoftHSM2）不需要", items.get(1).get(2), "no PC/SC for the demo card");
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "environment-failed-zh_TW.png"));
		robot.selectRow("env.table", 6);
		robot.click("env.fix");
		robot.waitUntil(() -> robot.textOf("env.outcome").equals("有 1 個項目未通過。"),
				() -> "the CA installed; the screen says " + robot.textOf("env.outcome") + " " + robot.rows("env.table"));
		robot.selectRow("env.table", 7);
		robot.click("env.fix");
		robot.waitUntil(() -> robot.textOf("env.outcome").equals("所有項目皆通過。"),
				() -> "all passed after the changes; the screen says " + robot.textOf("env.outcome") + " " + robot.rows("env.table"));
		Path nss = Path.of(System.getenv("HOME"), ".pki", "nssdb");
		Process list = new ProcessBuilder("certutil", "-L", "-d", "sql:" + nss).redirectErrorStream(true).start();
		String listed = new String(list.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(listed.matches("(?s).*RA Desk root CA\\s+,C,.*"), "trusted for e-mail only, not web servers nor code: " + listed);
		for (radesk.api.IssuedCertificate c : mine) {
			assertTrue(listed.contains("RA Desk " + new java.math.BigInteger(c.serial(), 16).toString(16)), "the card's certificates: " + listed);
		}
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "environment-passed-zh_TW.png"));

		// 更換電腦: the card's certificate registered for this user's programs; the key stays on the card
		robot.showTab("我的晶片卡");
		robot.type("computer.pin", pin);
		robot.click("computer.register");
		robot.waitUntil(() -> robot.textOf("computer.outcome").startsWith("憑證註冊成功"),
				() -> "registered; the screen says " + robot.textOf("computer.outcome"));
		String serialHex = new java.math.BigInteger(cert.serial(), 16).toString(16);
		assertTrue(tool("certutil", "-L", "-d", "sql:" + nss).contains("RA Desk " + serialHex), "the certificate in the NSS database");
		assertTrue(tool("modutil", "-list", "-dbdir", "sql:" + nss).contains("RA Desk card"), "the card's module in the NSS database");
		assertTrue(tool("p11-kit", "list-modules").contains("libsofthsm2.so"), "the card's module reachable through p11-kit for this user");
		String keys = tool("certutil", "-K", "-d", "sql:" + nss, "-h", "internal");
		assertTrue(keys.contains("no keys found"), "no private key was copied into the database: " + keys);
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "this-computer-zh_TW.png"));

		// 憑證展期: two years left — refused with the day the window opens; inside it, renewed on the card, the card
		// pulled once after the RA issued (the next attempt writes the same certificate, the old one works meanwhile)
		robot.showTab("憑證展期");
		robot.waitUntil(() -> robot.rows("renew.table").size() == 1, () -> "the certificate on the card: " + robot.rows("renew.table"));
		assertTrue(robot.textOf("renew.data").contains("RA 單位"), robot.textOf("renew.data"));
		assertTrue(!robot.onUi(() -> robot.find("renew.submit").isEnabled()), "not before the agreement is accepted");
		robot.click("renew.accept");
		robot.click("renew.lookAgain");
		robot.select("renew.card", renewCardIndex(robot, cardSerial));
		robot.type("renew.pin", pin);
		robot.type("renew.pinAgain", pin);
		robot.click("renew.submit");
		robot.waitUntil(() -> robot.textOf("renew.outcome").startsWith("尚未到展期期間：此憑證自 "),
				() -> "too early, said with the day: " + robot.textOf("renew.outcome"));
		String renewing = robot.rows("renew.table").get(0).get(0);
		service(radesk.store.Database.class).inTransaction((java.sql.Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where identifier = ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofDays(20))));
				ps.setString(2, renewing);
				ps.executeUpdate();
			}
			return null;
		});
		System.setProperty("radesk.test.marker", marker.toString() + ".renew");
		System.setProperty("radesk.test.resume", resume.toString() + ".renew");
		System.setProperty("radesk.test.pauseAt", "subscriber.renew.issued");
		robot.type("renew.pin", pin);
		robot.type("renew.pinAgain", pin);
		robot.click("renew.submit");
		robot.waitUntil(() -> java.nio.file.Files.exists(Path.of(marker + ".renew")), "the renewal to reach the issued certificate");
		java.nio.file.Files.move(tokens, pulled);
		System.clearProperty("radesk.test.pauseAt");
		java.nio.file.Files.writeString(Path.of(resume + ".renew"), "go");
		robot.waitUntil(() -> robot.textOf("renew.outcome").startsWith("讀卡機中沒有晶片卡（或晶片卡已被拔出）")
				|| robot.textOf("renew.outcome").startsWith("讀卡機軟體"),
				() -> "the pulled card reported; the screen says " + robot.textOf("renew.outcome"));
		java.nio.file.Files.move(pulled, tokens, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		robot.click("renew.lookAgain");
		robot.waitUntil(() -> robot.rows("renew.table").size() == 1 && robot.rows("renew.table").get(0).get(0).equals(renewing),
				() -> "a half-done renewal leaves the old certificate working: " + robot.rows("renew.table"));
		assertTrue(robot.onUi(() -> ((org.eclipse.swt.widgets.Button) robot.find("renew.accept")).getSelection()), "still accepted");
		robot.select("renew.card", renewCardIndex(robot, cardSerial));
		robot.type("renew.pin", pin);
		robot.type("renew.pinAgain", pin);
		robot.click("renew.submit");
		robot.waitUntil(() -> robot.textOf("renew.outcome").startsWith("憑證更新完成：新憑證 C")
				&& robot.textOf("renew.outcome").endsWith("您已完成憑證更新作業。"),
				() -> "renewed; the screen says " + robot.textOf("renew.outcome"));
		robot.waitUntil(() -> robot.rows("renew.table").size() == 1 && !robot.rows("renew.table").get(0).get(0).equals(renewing),
				() -> "the new certificate listed, the old one superseded: " + robot.rows("renew.table"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "renew-zh_TW.png"));
		long issuedForCard = service(radesk.api.CertificateDesk.class)
				.certificates(service(radesk.api.AccountDesk.class).logIn(subscriber.account(), "Kaohsiung-2026a".toCharArray(), "pc"))
				.stream().filter(c -> c.state() == radesk.core.certificate.CertificateState.ON_CARD).count();
		assertEquals(1, issuedForCard, "exactly one active certificate after the pulled card");

		// 晶片卡遺失 (暫禁): logged in with the website password — the card is gone — not without the tick; then every
		// certificate in use on hold at once, the list showing it; an officer resumes it at the counter
		robot.showTab("我的帳號");
		robot.type("login.account", subscriber.account());
		robot.type("login.password", "Kaohsiung-2026a");
		robot.type("login.captcha", disclosedAnswer(robot, server));
		robot.click("login.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals("已登入。"), () -> "logged in: " + robot.textOf("login.outcome"));
		robot.click("lost.suspend");
		robot.waitUntil(() -> robot.textOf("lost.outcome").equals("請先勾選「我的晶片卡已遺失」。"),
				() -> "not without the tick: " + robot.textOf("lost.outcome"));
		robot.click("lost.sure");
		robot.click("lost.suspend");
		robot.waitUntil(() -> robot.textOf("lost.outcome").startsWith("已暫禁：C") && robot.textOf("lost.outcome").endsWith("恢復使用或廢止請至 RA 櫃檯辦理。"),
				() -> "on hold; the screen says " + robot.textOf("lost.outcome"));
		robot.waitUntil(() -> robot.rows("account.certificates").stream().anyMatch(r -> r.get(1).equals("已暫禁")),
				() -> "the list shows it on hold: " + robot.rows("account.certificates"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "lost-card-zh_TW.png"));
		radesk.api.IssuedCertificate held = service(radesk.api.CertificateDesk.class)
				.certificates(service(radesk.api.AccountDesk.class).logIn(subscriber.account(), "Kaohsiung-2026a".toCharArray(), "pc"))
				.stream().filter(c -> c.state() == radesk.core.certificate.CertificateState.SUSPENDED).findFirst().orElseThrow();
		service(radesk.api.staff.SuspensionDesk.class).resume(officer, held.identifier(), "card found, identity checked");
		assertEquals(radesk.core.certificate.CertificateState.ON_CARD, service(radesk.api.CertificateDesk.class)
				.certificates(service(radesk.api.AccountDesk.class).logIn(subscriber.account(), "Kaohsiung-2026a".toCharArray(), "pc"))
				.stream().filter(c -> c.serial().equals(held.serial())).findFirst().orElseThrow().state(), "resumed");

		// three wrong website passwords in a row suspend an account: the screen warns before the third and says
		// what to do after it; the right password is refused from then on
		robot.showTab("我的帳號");
		String[] expected = { "帳號或密碼錯誤。", "帳號或密碼錯誤。再錯一次，帳號將被暫停使用。", "此帳號因連續三次密碼錯誤已暫停使用，請至 RA 櫃檯辦理密碼重新設定。" };
		for (String said : expected) {
			robot.type("login.account", other.account());
			robot.type("login.password", "Wrong-password-9");
			robot.type("login.captcha", disclosedAnswer(robot, server));
			robot.click("login.submit");
			robot.waitUntil(() -> robot.textOf("login.outcome").equals(said), () -> "expected '" + said + "'; the screen says "
					+ robot.textOf("login.outcome"));
		}
		robot.type("login.account", other.account());
		robot.type("login.password", new String(other.password()));
		robot.type("login.captcha", disclosedAnswer(robot, server));
		robot.click("login.submit");
		robot.waitUntil(() -> robot.textOf("login.outcome").equals(expected[2]),
				() -> "the right password refused while suspended; the screen says " + robot.textOf("login.outcome"));
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "suspended-zh_TW.png"));

		// 登出: the subscriber leaves; the session ends and no page shows the subscriber any more
		robot.click("account.logOut");
		robot.waitUntil(() -> robot.textOf("account.who").equals("尚未登入。"), () -> "logged out: " + robot.textOf("account.who"));
		assertTrue(robot.rows("account.certificates").isEmpty(), "the list goes with the subscriber");
		robot.showTab("憑證申請與下載");
		robot.waitUntil(() -> robot.textOf("certs.who").equals("請先在「我的帳號」登入（網站密碼或晶片卡）。") && robot.rows("certs.table").isEmpty(),
				() -> "the application page forgot the subscriber: " + robot.textOf("certs.who") + " " + robot.rows("certs.table"));

		// 檔案 → 設定: the RA server's address and root for this computer; a bad address or a missing file refused in words
		org.eclipse.swt.widgets.Control statusLine = robot.find("status.service");
		robot.chord(org.eclipse.swt.SWT.ALT, 'f');
		robot.press('p');
		robot.find("prefs.serverAddress");
		assertEquals("https://localhost:8443/api/v1/", robot.textOf("prefs.serverAddress"), "nothing set yet: the server on this computer");
		robot.type("prefs.serverAddress", "http://ra.example.tw");
		robot.click("prefs.ok");
		robot.waitUntil(() -> robot.textOf("prefs.problem").equals("伺服器位址必須以 https:// 開頭並包含主機名稱。"),
				() -> "a plain http address refused: " + robot.textOf("prefs.problem"));
		robot.type("prefs.serverAddress", "https://ra.example.tw:9443");
		robot.type("prefs.serverRoot", "/no/such/root.cer");
		robot.click("prefs.ok");
		robot.waitUntil(() -> robot.textOf("prefs.problem").equals("找不到這個根憑證檔案。"),
				() -> "a missing root file refused: " + robot.textOf("prefs.problem"));
		String rootFile = Path.of(System.getProperty("radesk.data"), "server", "root.cer").toString();
		robot.type("prefs.serverRoot", rootFile);
		robot.screenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", "preferences-server-zh_TW.png"));
		robot.click("prefs.ok");
		robot.waitUntil(() -> Boolean.TRUE.equals(robot.onUi(() -> statusLine.getShell().isEnabled())), "the dialog to close");
		// the start-up properties of this test no longer pin them: the preference speaks
		System.clearProperty("radesk.server.url");
		System.clearProperty("radesk.server.root");
		assertEquals("https://ra.example.tw:9443/api/v1/", radesk.client.ServerSettings.address());
		assertEquals(rootFile, radesk.client.ServerSettings.rootFile().toString());
		robot.waitUntil(() -> robot.textOf("status.service").equals("RA 伺服器：ra.example.tw:9443"),
				() -> "the status line names the server: " + robot.textOf("status.service"));
	}

	static String lastCard;

	/** The counter personalizes a blank card for the subscriber, prints both slips and hands it over; the PIN. */
	static String cardFor(Actor clerk, long subscriberId) throws Exception {
		long blankSlot = service(radesk.api.CardReaders.class).slots().stream().filter(s -> s.cardPresent() && !s.initialized())
				.findFirst().orElseThrow().slotId();
		radesk.api.staff.NewCard card = new radesk.flows.counter.PersonalizeCard(service(radesk.api.staff.CardDesk.class),
				service(radesk.card.CardTerminal.class)).run(clerk, subscriberId, blankSlot);
		radesk.api.staff.IssuanceDesk issuance = service(radesk.api.staff.IssuanceDesk.class);
		issuance.slipPrinted(clerk, radesk.api.staff.IssuanceDesk.SlipKind.CARD_PIN, "card:" + card.serial());
		issuance.slipPrinted(clerk, radesk.api.staff.IssuanceDesk.SlipKind.WEBSITE_PASSWORD, "subscriber:" + subscriberId);
		issuance.handOver(clerk, card.serial(), new radesk.api.staff.IssuanceDesk.Delivery(radesk.api.staff.IssuanceDesk.Delivery.Method.COUNTER,
				"用戶", "", false));
		lastCard = card.serial();
		return new String(card.pin());
	}

	/** Takes one demo card out: the SoftHSM2 token folder that holds its label goes elsewhere. */
	private static void takeOut(Path tokens, String serial, Path elsewhere) throws java.io.IOException {
		try (java.util.stream.Stream<Path> folders = java.nio.file.Files.list(tokens)) {
			for (Path folder : folders.toList()) {
				Path token = folder.resolve("token.object");
				if (java.nio.file.Files.exists(token) && new String(java.nio.file.Files.readAllBytes(token),
						java.nio.charset.StandardCharsets.ISO_8859_1).contains(serial)) {
					java.nio.file.Files.move(folder, elsewhere);
					return;
				}
			}
		}
		throw new AssertionError("no token folder holds card " + serial);
	}

	/** Where the card is in the list of cards in readers (read in the background: waits for it). */
	static int cardIndex(WorkbenchRobot robot, String serial) {
		java.util.function.Supplier<Integer> index = () -> robot.onUi(() -> ((org.eclipse.swt.widgets.Combo) robot.find("certs.card")).indexOf(serial));
		robot.waitUntil(() -> index.get() >= 0, () -> "card " + serial + " offered: " + robot.textOf("certs.card") + "; the screen says "
				+ robot.textOf("certs.outcome"));
		return index.get();
	}

	static int renewCardIndex(WorkbenchRobot robot, String serial) {
		java.util.function.Supplier<Integer> index = () -> robot.onUi(() -> ((org.eclipse.swt.widgets.Combo) robot.find("renew.card")).indexOf(serial));
		robot.waitUntil(() -> index.get() >= 0, () -> "card " + serial + " offered: " + robot.textOf("renew.card"));
		return index.get();
	}

	private static int rowWhere(WorkbenchRobot robot, String state) {
		java.util.List<java.util.List<String>> rows = robot.rows("certs.table");
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).get(1).equals(state)) {
				return i;
			}
		}
		throw new AssertionError("no certificate " + state + ": " + rows);
	}

	/** An outside tool's output (the demo card's configuration passed on, as the edition does). */
	private static String tool(String... command) throws Exception {
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
		pb.environment().put("SOFTHSM2_CONF", Path.of(System.getProperty("radesk.data"), "cards", "softhsm2.conf").toString());
		Process p = pb.start();
		String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		p.waitFor(60, TimeUnit.SECONDS);
		return out;
	}
}
