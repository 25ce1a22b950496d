package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import radesk.api.EmailDesk;
import radesk.api.staff.NoticeDesk;
import radesk.core.card.KeyKind;
import radesk.store.Database;
import radesk.testing.SoftHsm;

/**
 * 憑證展期通知 through Debian's Postfix on loopback, as an RA would run it: STARTTLS required (the
 * RA trusts only the server's own CA), the notice relayed on signed (openssl smime -verify accepts
 * what arrived), and a recipient Postfix refuses with 5.1.1 at RCPT marked undeliverable at once —
 * no further reminder goes to it.
 */
class PostfixNoticesTest {

	private static void sql(String statement, Object... args) throws Exception {
		Services.await(Database.class).inTransaction((Connection c) -> {
			try (var ps = c.prepareStatement(statement)) {
				for (int i = 0; i < args.length; i++) {
					ps.setObject(i + 1, args[i] instanceof Instant t ? java.sql.Timestamp.from(t) : args[i]);
				}
				ps.executeUpdate();
			}
			return null;
		});
	}

	/** A subscriber whose certificate on the card ends in {@code days}, the address {@code email} (confirmed). */
	private static Journey due(int days, String email) throws Exception {
		Journey j = Journey.toCardInHand();
		SubscriberEdition.apply(SubscriberEdition.logIn(j), j, KeyKind.EC_P256);
		sql("update certificate set not_after = ? where subscriber_id = ?", Instant.now().plus(Duration.ofDays(days)).plusSeconds(3600),
				j.subscriber.subscriberId());
		sql("update subscriber set email = ?, email_verified_at = ? where id = ?", email, Instant.now(), j.subscriber.subscriberId());
		return j;
	}

	private static String lastErrors() {
		try {
			return Services.await(Database.class).inTransaction((Connection c) -> {
				StringBuilder out = new StringBuilder();
				try (var rs = c.createStatement().executeQuery("select recipient, state, last_error from notice order by id desc")) {
					while (rs.next()) {
						out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(": ").append(rs.getString(3)).append('\n');
					}
				}
				return out.toString();
			});
		} catch (Exception e) {
			return e.toString();
		}
	}

	@Test
	void overStartTlsToPostfixSignedAndAHardBounceStopsTheReminders() throws Exception {
		ServerApiTest.connect();
		Path settings = Path.of(System.getProperty("radesk.data"), "notify", "smtp.properties");
		try (PostfixOnLoopback postfix = PostfixOnLoopback.start()) {
			Files.createDirectories(settings.getParent());
			Files.writeString(settings, "host = 127.0.0.1\nport = " + postfix.port + "\nsecurity = starttls-required\ntrust = "
					+ postfix.caFile + "\nsender = ra-notices@radesk.test\nstages = 30,14,7,1\n", StandardCharsets.UTF_8);
			String id = java.util.UUID.randomUUID().toString().substring(0, 8);
			Journey good = due(20, "pf-" + id + "@example.com.tw");
			Journey gone = due(20, "bounce-" + id + "@example.com.tw");

			NoticeDesk notices = Services.await(NoticeDesk.class);
			NoticeDesk.Report report = notices.runJob();
			assertTrue(report.sent() >= 1 && report.bounced() >= 1, () -> report + ": " + lastErrors());

			// what reached the far side: relayed by Postfix after STARTTLS, signed
			String arrived = null;
			for (int i = 0; i < 100 && arrived == null; i++) {
				arrived = postfix.delivered().stream().filter(m -> m.contains("pf-" + id + "@example.com.tw")).findFirst().orElse(null);
				if (arrived == null) {
					Thread.sleep(200);
				}
			}
			assertNotNull(arrived, "the notice went through Postfix");
			assertTrue(arrived.contains("with ESMTPS"), "the RA spoke TLS to Postfix:\n" + arrived.substring(0, Math.min(800, arrived.length())));
			Path eml = Files.writeString(postfix.dir.resolve("notice.eml"), arrived, StandardCharsets.ISO_8859_1);
			Path root = postfix.dir.resolve("root.pem");
			SoftHsm.run("openssl", "x509", "-inform", "DER", "-in",
					Path.of(System.getProperty("radesk.data"), "server", "root.cer").toString(), "-out", root.toString());
			String verdict = SoftHsm.runAllowingFailure("openssl", "smime", "-verify", "-in", eml.toString(), "-CAfile", root.toString(),
					"-out", postfix.dir.resolve("content.txt").toString());
			assertTrue(verdict.contains("Verification successful"), verdict);

			// the refused address: undeliverable, shown as such, and the next stage goes nowhere
			EmailDesk email = Services.await(EmailDesk.class);
			String bounce = email.address(Staff.CLERK, gone.subscriber.account()).undeliverable();
			assertNotNull(bounce, "marked undeliverable");
			assertTrue(bounce.startsWith("5"), bounce);
			sql("update certificate set not_after = ? where subscriber_id = ?", Instant.now().plus(Duration.ofDays(6)),
					gone.subscriber.subscriberId());
			NoticeDesk.Report next = notices.runJob();
			assertEquals(0, next.bounced(), "no second try to a refused address: " + next);
			assertTrue(next.unconfirmed() >= 1, next.toString());
			assertTrue(Services.await(radesk.api.staff.AuditTrail.class).firstBroken(Staff.ADMIN).isEmpty(), "the audit chain holds");
		} finally {
			Files.deleteIfExists(settings);
			sql("update certificate set not_after = ? where state = 'ON_CARD' and not_after < ?", Instant.now().plus(Duration.ofDays(700)),
					Instant.now().plus(Duration.ofDays(60)));
		}
	}
}
