package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import radesk.api.EmailDesk;
import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.NoticeDesk;
import radesk.core.card.KeyKind;
import radesk.store.Database;
import radesk.testing.SoftHsm;

/**
 * 憑證展期通知 against a real SMTP server (GreenMail on loopback): an address confirmed with the
 * mailed code first; a notice per certificate and stage, once, in the subscriber's language,
 * S/MIME-signed (openssl smime -verify accepts it), with no attachment and no link; a revoked
 * certificate noticed no more; kill -9 before the final dot sends it once after all, kill -9 after
 * the server took it sends no second copy; a dry run sends nothing.
 */
class NoticesTest {

	private static GreenMail smtp;
	private static Path settings;

	@BeforeAll
	static void mailServer() throws Exception {
		SoftHsm.demoCardSerial();
		ServerApiTest.connect();
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		settings = Path.of(System.getProperty("radesk.data"), "notify", "smtp.properties");
		Files.createDirectories(settings.getParent());
		Files.writeString(settings, "host = 127.0.0.1\nport = " + port + "\nsecurity = none\nsender = ra-notices@radesk.test\n"
				+ "senderName = RA Desk 憑證註冊中心\nstages = 30,14,7,1\n", StandardCharsets.UTF_8);
	}

	@AfterAll
	static void stop() throws Exception {
		Files.deleteIfExists(settings);
		smtp.stop();
	}

	private ClassLoader previous;

	/** JavaMail reads received messages with its handlers only through its own loader (OSGi), as the RA's mailer does. */
	@org.junit.jupiter.api.BeforeEach
	void javaMailsLoader() {
		previous = Thread.currentThread().getContextClassLoader();
		Thread.currentThread().setContextClassLoader(javax.mail.Session.class.getClassLoader());
	}

	@AfterEach
	void emptyTheMailbox() throws Exception {
		Thread.currentThread().setContextClassLoader(previous);
		// nothing of this test's subscribers is left due for the next test
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where state = 'ON_CARD' and not_after < ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(700))));
				ps.setTimestamp(2, java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(60))));
				ps.executeUpdate();
			}
			return null;
		});
		smtp.purgeEmailFromAllMailboxes();
	}

	/** A subscriber with a certificate on the card that ends in {@code days}, the address confirmed with the mailed code. */
	private static Journey dueIn(int days) throws Exception {
		Journey j = Journey.toCardInHand();
		SubscriberEdition.apply(SubscriberEdition.logIn(j), j, KeyKind.EC_P256);
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where subscriber_id = ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(days)).plus(Duration.ofHours(1))));
				ps.setLong(2, j.subscriber.subscriberId());
				ps.executeUpdate();
			}
			return null;
		});
		EmailDesk email = Services.await(EmailDesk.class);
		// registration mailed the code (beside the counter's work); another within the minute is refused
		MimeMessage codeMail = lastTo(j.email);
		assertEquals(Reason.TOO_MANY_REQUESTS, org.junit.jupiter.api.Assertions
				.assertThrows(ServiceException.class, () -> email.sendCode(Staff.CLERK, j.subscriber.account())).reason());
		assertFalse(email.address(Staff.CLERK, j.subscriber.account()).confirmed(), "not confirmed before the code comes back");
		assertTrue(codeMail.getSubject().contains("電子郵件地址確認碼"), codeMail.getSubject());
		Matcher code = Pattern.compile("\\b(\\d{8})\\b").matcher(plainText(codeMail));
		assertTrue(code.find(), "the code is in the mail: " + plainText(codeMail));
		assertEquals(Reason.EMAIL_CODE_WRONG,
				org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
						() -> email.confirm(Staff.CLERK, j.subscriber.account(), "00000000".equals(code.group(1)) ? "11111111" : "00000000"))
						.reason());
		email.confirm(Staff.CLERK, j.subscriber.account(), code.group(1));
		assertTrue(email.address(Staff.CLERK, j.subscriber.account()).confirmed());
		smtp.purgeEmailFromAllMailboxes();
		return j;
	}

	/** The newest mail to {@code address}, waiting up to ten seconds for one (codes are mailed beside the registration). */
	private static MimeMessage lastTo(String address) throws Exception {
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			List<MimeMessage> to = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
				try {
					return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
				} catch (javax.mail.MessagingException e) {
					return false;
				}
			}).toList();
			if (!to.isEmpty()) {
				return to.get(to.size() - 1);
			}
			assertTrue(System.currentTimeMillis() < deadline, "a mail to " + address);
			Thread.sleep(100);
		}
	}

	/** How many renewal notices (not confirmation codes) went to {@code address}. */
	private static long mailsTo(String address) throws Exception {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getMessageID() != null && m.getMessageID().startsWith("<renewal.")
						&& Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
			} catch (javax.mail.MessagingException e) {
				return false;
			}
		}).count();
	}

	/** The plain-text alternative inside the signed message. */
	static String plainText(Part part) throws Exception {
		return textOf(part, "text/plain");
	}

	/** The first part of {@code type} inside the message, decoded. */
	static String textOf(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart m) {
			for (int i = 0; i < m.getCount(); i++) {
				String text = textOf(m.getBodyPart(i), type);
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static int attachments(Part part) throws Exception {
		int n = 0;
		if (part.getContent() instanceof Multipart m) {
			for (int i = 0; i < m.getCount(); i++) {
				n += attachments(m.getBodyPart(i));
			}
		} else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && !part.isMimeType("application/pkcs7-signature")) {
			n++;
		}
		return n;
	}

	@Test
	void aNoticeGoesOncePerStageSignedInTheSubscribersLanguage() throws Exception {
		Journey j = dueIn(20);
		NoticeDesk notices = Services.await(NoticeDesk.class);

		// the dry run lists it and sends nothing
		assertTrue(notices.due(Staff.ADMIN).stream().anyMatch(d -> d.recipient().equals(j.email) && d.stage() == 30), "due");
		assertEquals(0, mailsTo(j.email), "a dry run sends nothing");

		NoticeDesk.Report first = notices.runJob();
		assertTrue(first.ran() && first.sent() >= 1, first.toString());
		MimeMessage notice = lastTo(j.email);
		assertTrue(notice.getSubject().startsWith("RA Desk 憑證展期通知"), notice.getSubject());
		assertTrue(notice.isMimeType("multipart/signed"), notice.getContentType());
		String text = plainText(notice);
		assertTrue(text.contains("憑證識別碼") && text.contains("RA Desk 用戶端程式"), text);
		String html = textOf(notice, "text/html");
		assertTrue(html != null && html.contains("憑證識別碼") && html.contains("RA Desk 用戶端程式") && !html.contains("<a "),
				"the HTML alternative: " + html);
		assertFalse(text.contains("http://") || text.contains("https://") || notice.getContentType().contains("mixed"), "no link");
		assertEquals(0, attachments(notice), "no attachment");
		assertTrue(notice.getMessageID().startsWith("<renewal."), notice.getMessageID());

		// openssl, from outside: the S/MIME signature verifies to the RA's root
		Path dir = Files.createTempDirectory("notice");
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		notice.writeTo(raw);
		Path eml = Files.write(dir.resolve("notice.eml"), raw.toByteArray());
		Path root = dir.resolve("root.pem");
		SoftHsm.run("openssl", "x509", "-inform", "DER", "-in", Path.of(System.getProperty("radesk.data"), "server", "root.cer").toString(),
				"-out", root.toString());
		String verdict = SoftHsm.runAllowingFailure("openssl", "smime", "-verify", "-in", eml.toString(), "-CAfile", root.toString(),
				"-out", dir.resolve("content.txt").toString());
		assertTrue(verdict.contains("Verification successful"), verdict);

		// once per stage: run again, nothing new
		notices.runJob();
		assertEquals(1, mailsTo(j.email), "no second copy of a stage");

		// the subscriber chooses English; the next stage comes in English
		Services.await(EmailDesk.class).language(Staff.CLERK, j.subscriber.account(), "en");
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where subscriber_id = ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(6))));
				ps.setLong(2, j.subscriber.subscriberId());
				ps.executeUpdate();
			}
			return null;
		});
		notices.runJob();
		assertEquals(2, mailsTo(j.email));
		MimeMessage reminder = lastTo(j.email);
		assertTrue(reminder.getSubject().startsWith("RA Desk: your certificate"), reminder.getSubject());
	}

	@Test
	void anUnconfirmedAddressOrARevokedCertificateGetsNoNotice() throws Exception {
		Journey unconfirmed = Journey.toCardInHand();
		SubscriberEdition.apply(SubscriberEdition.logIn(unconfirmed), unconfirmed, KeyKind.EC_P256);
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where subscriber_id = ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(10))));
				ps.setLong(2, unconfirmed.subscriber.subscriberId());
				ps.executeUpdate();
			}
			return null;
		});
		Journey revoked = dueIn(10);
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set state = 'REVOKED', revoked_at = ?, revocation_reason = 'KEY_LOST'"
					+ " where subscriber_id = ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
				ps.setLong(2, revoked.subscriber.subscriberId());
				ps.executeUpdate();
			}
			return null;
		});
		NoticeDesk.Report report = Services.await(NoticeDesk.class).runJob();
		assertTrue(report.unconfirmed() >= 1, report.toString());
		assertEquals(0, mailsTo(unconfirmed.email), "an unconfirmed address gets nothing");
		assertEquals(0, mailsTo(revoked.email), "a revoked certificate is noticed no more");
	}

	@Test
	void killedBeforeTheFinalDotItIsSentOnceKilledAfterTheServerTookItNoSecondCopy() throws Exception {
		Journey before = dueIn(12);
		Services.stopRa();
		try {
			ChildProcess.killAt("notice.sending", List.of("-Dradesk.notices.lease=1"), "notices");
		} finally {
			Services.startRa();
		}
		Thread.sleep(1500); // the dead runner's lease lapses
		assertEquals(0, mailsTo(before.email), "nothing was accepted before the final dot");
		Services.await(NoticeDesk.class).runJob();
		assertEquals(1, mailsTo(before.email), "the next run sends it, once");

		Journey after = dueIn(12);
		Services.stopRa();
		try {
			ChildProcess.killAt("notice.accepted", List.of("-Dradesk.notices.lease=1"), "notices");
		} finally {
			Services.startRa();
		}
		Thread.sleep(1500);
		assertEquals(1, mailsTo(after.email), "the server took it before the runner died");
		// and the database lost the runner's last commits, its claim among them (H2 was seen to, at
		// kill -9 under load): the notice is back to QUEUED as before the claim; the dot's record
		// beside the database still keeps it from going out twice
		// (PostgreSQL loses no commit: there the claim stands, and the next run does not send it again either)
		if (!radesk.testing.RaProcess.sharedDatabase()) {
			Services.await(Database.class).inTransaction((Connection c) -> {
				try (var ps = c.prepareStatement("update notice set state = 'QUEUED', attempts = attempts - 1, sends = sends - 1"
						+ " where recipient = ? and state = 'SENDING'")) {
					ps.setString(1, after.email);
					assertEquals(1, ps.executeUpdate(), "the runner died with the notice SENDING");
				}
				return null;
			});
		}
		NoticeDesk.Report report = Services.await(NoticeDesk.class).runJob();
		assertEquals(1, mailsTo(after.email), "no second copy: " + report);
		assertTrue(Services.await(NoticeDesk.class).due(Staff.ADMIN).stream().noneMatch(d -> d.recipient().equals(after.email)),
				"in doubt, not queued again by itself");

		// in doubt, shown at the counter; sent again on demand under the same Message-ID, so a mail
		// program that has the first copy keeps one
		radesk.api.staff.SearchDesk.NoticeLine doubt = Services.await(radesk.api.staff.SearchDesk.class)
				.story(Staff.CLERK, radesk.api.staff.SearchDesk.Kind.CARD, after.card.serial()).notices().get(0);
		assertEquals("IN_DOUBT", doubt.state());
		String firstId = lastTo(after.email).getMessageID();
		Services.await(NoticeDesk.class).resend(Staff.CLERK, doubt.id());
		long deadline = System.currentTimeMillis() + 10_000;
		while (mailsTo(after.email) < 2) {
			assertTrue(System.currentTimeMillis() < deadline, "the re-sent notice arrives");
			Thread.sleep(100);
		}
		assertEquals(firstId, lastTo(after.email).getMessageID(), "the same message, not a second one");
	}

	@Test
	void aSubscriberConfirmsTheirOwnAddressAndChoosesTheLanguageInTheSubscriberEdition() throws Exception {
		Journey j = Journey.toCardInHand();
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		assertFalse(me.email().confirmed());
		assertEquals(j.email, me.email().email());
		Matcher code = Pattern.compile("\\b(\\d{8})\\b").matcher(plainText(lastTo(j.email)));
		assertTrue(code.find());
		radesk.api.SubscriberRa.Refused wrong = org.junit.jupiter.api.Assertions.assertThrows(radesk.api.SubscriberRa.Refused.class,
				() -> me.confirmEmail("00000000".equals(code.group(1)) ? "11111111" : "00000000"));
		assertEquals("EMAIL_CODE_WRONG", wrong.code);
		me.confirmEmail(code.group(1));
		assertTrue(me.email().confirmed(), "confirmed over HTTPS");
		me.noticeLanguage("en");
		assertEquals("en", me.email().language());
		assertEquals("INVALID_INPUT", org.junit.jupiter.api.Assertions.assertThrows(radesk.api.SubscriberRa.Refused.class,
				() -> me.noticeLanguage("fr")).code);
		// a new code within the minute is refused: nobody bombs an address through the RA
		me.sendEmailCode();
		assertEquals("TOO_MANY_REQUESTS", org.junit.jupiter.api.Assertions.assertThrows(radesk.api.SubscriberRa.Refused.class,
				me::sendEmailCode).code);
	}

	@Test
	void remindersStopOnceTheCertificateIsRenewed() throws Exception {
		Journey j = dueIn(20);
		NoticeDesk notices = Services.await(NoticeDesk.class);
		notices.runJob();
		assertEquals(1, mailsTo(j.email), "the first notice");
		radesk.client.RaClient me = SubscriberEdition.logIn(j);
		String old = me.certificates().stream().filter(c -> c.state() == radesk.core.certificate.CertificateState.ON_CARD)
				.findFirst().orElseThrow().serial();
		new radesk.flows.RenewCertificate(me, Services.await(radesk.card.CardTerminal.class)).run(j.card.serial(), old,
				j.pin.toCharArray(), j.pin.toCharArray(), KeyKind.EC_P256, step -> {
				});
		// the old certificate reaches its next stage: renewed, it is noticed no more
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set not_after = ? where serial = ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(6))));
				ps.setString(2, old);
				ps.executeUpdate();
			}
			return null;
		});
		notices.runJob();
		assertEquals(1, mailsTo(j.email), "no reminder after the renewal");
	}

	@Test
	void theCounterSeesWhatIsDueAndTheNoticesInTheStoryAndSendsOneAgain() throws Exception {
		Journey j = dueIn(20);
		NoticeDesk notices = Services.await(NoticeDesk.class);
		radesk.api.staff.SearchDesk search = Services.await(radesk.api.staff.SearchDesk.class);
		String serial = search.story(Staff.CLERK, radesk.api.staff.SearchDesk.Kind.CARD, j.card.serial()).certificates().get(0).serial();
		Instant ends = search.story(Staff.CLERK, radesk.api.staff.SearchDesk.Kind.CARD, j.card.serial()).certificates().get(0).notAfter();
		java.time.YearMonth month = java.time.YearMonth.from(ends.atZone(java.time.ZoneId.of("Asia/Taipei")));

		// 展期到期清單: in its month and unit, with no notice yet; another unit's list has it not
		NoticeDesk.DueForRenewal row = notices.dueForRenewal(Staff.CLERK, "HQ", month).shown().stream()
				.filter(d -> d.certificateSerial().equals(serial)).findFirst().orElseThrow();
		assertEquals("CONFIRMED", row.emailState());
		assertEquals(0, row.stage());
		assertTrue(notices.dueForRenewal(Staff.CLERK, "", month).shown().stream().anyMatch(d -> d.certificateSerial().equals(serial)));
		assertTrue(notices.dueForRenewal(Staff.CLERK, "ZZ9", month).shown().isEmpty(), "no such unit, nothing due");
		assertTrue(notices.dueForRenewal(Staff.CLERK, "HQ", month.plusMonths(2)).shown().stream()
				.noneMatch(d -> d.certificateSerial().equals(serial)), "not due in another month");
		assertEquals(Reason.INVALID_INPUT, org.junit.jupiter.api.Assertions
				.assertThrows(ServiceException.class, () -> notices.dueForRenewal(Staff.CLERK, "H'Q--", month)).reason());

		// the notice is sent; the list and the story show it
		notices.runJob();
		assertEquals(1, mailsTo(j.email));
		String firstId = lastTo(j.email).getMessageID();
		assertEquals("SENT", notices.dueForRenewal(Staff.CLERK, "HQ", month).shown().stream()
				.filter(d -> d.certificateSerial().equals(serial)).findFirst().orElseThrow().noticeState());
		radesk.api.staff.SearchDesk.NoticeLine line = search.story(Staff.CLERK, radesk.api.staff.SearchDesk.Kind.CARD, j.card.serial())
				.notices().get(0);
		assertEquals(30, line.stage());
		assertEquals("SENT", line.state());
		assertEquals(j.email, line.recipient());

		// the mailroom may not re-send; a clerk may, and the subscriber gets a fresh copy
		int audited = AuditCount.all();
		assertEquals(Reason.NOT_PERMITTED,
				org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class, () -> notices.resend(Staff.MAILROOM, line.id())).reason());
		notices.resend(Staff.CLERK, line.id());
		long deadline = System.currentTimeMillis() + 10_000;
		while (mailsTo(j.email) < 2) {
			assertTrue(System.currentTimeMillis() < deadline, "the re-sent notice arrives");
			Thread.sleep(100);
		}
		assertFalse(firstId.equals(lastTo(j.email).getMessageID()), "a copy asked for is a new message");
		assertEquals(Reason.NOT_FOUND,
				org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class, () -> notices.resend(Staff.CLERK, 987_654_321L)).reason());

		// revoked: nothing to renew, so nothing is re-sent — and the refusal is on the record too
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement("update certificate set state = 'REVOKED', revoked_at = ?, revocation_reason = 'KEY_LOST'"
					+ " where serial = ?")) {
				ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now()));
				ps.setString(2, serial);
				ps.executeUpdate();
			}
			return null;
		});
		ServiceException refused = org.junit.jupiter.api.Assertions.assertThrows(ServiceException.class,
				() -> notices.resend(Staff.CLERK, line.id()));
		assertEquals(Reason.WRONG_STATE, refused.reason());
		assertTrue(refused.detail().startsWith("noticeNotDue:"), refused.getMessage());
		try (Connection c = Services.await(Database.class).connect()) {
			List<String> actions = radesk.store.AuditRecords.all(c).stream().skip(audited)
					.filter(e -> e.subject().equals("notice:" + line.id())).map(e -> e.action()).toList();
			assertEquals(List.of("NOTICE_RESEND_REFUSED", "NOTICE_RESENT", "NOTICE_RESEND_REFUSED"), actions.stream()
					.filter(a -> a.startsWith("NOTICE_RESEN")).toList(), actions.toString());
		}
		assertTrue(notices.dueForRenewal(Staff.CLERK, "HQ", month).shown().stream().noneMatch(d -> d.certificateSerial().equals(serial)),
				"a revoked certificate is not due for renewal");
		assertEquals(2, mailsTo(j.email), "nothing more was sent");
	}
}
