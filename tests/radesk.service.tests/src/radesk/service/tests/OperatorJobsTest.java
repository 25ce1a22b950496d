package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.SessionDesk;
import radesk.api.staff.AuditTrail;
import radesk.core.TimeSource;
import radesk.testing.SoftHsm;

/** The operator jobs the RA server runs on its schedule: the audit trail verified and exported, signed; expired sessions purged. */
class OperatorJobsTest {

	@Test
	void theAuditTrailIsExportedWholeAndOpensslVerifiesItsSignatureWithTheAnchorKey() throws Exception {
		AuditTrail audit = Services.await(AuditTrail.class);
		assertEquals(Reason.NOT_PERMITTED, assertThrows(ServiceException.class, () -> audit.export(Staff.CLERK)).reason());
		AuditTrail.Export made = audit.export(Staff.ADMIN);
		assertTrue(made.intact(), "the chain holds");
		List<String> lines = Files.readAllLines(Path.of(made.file()), StandardCharsets.UTF_8);
		assertEquals(made.entries(), lines.size());
		assertTrue(lines.get(0).contains("\"prevHash\":\"" + "0".repeat(64) + "\""), "from the chain's start: " + lines.get(0));
		assertTrue(AuditCount.all() >= made.entries(), "every entry up to the export");

		Path dir = Files.createTempDirectory("audit-export");
		Path pub = dir.resolve("anchor.pem");
		SoftHsm.run("openssl", "pkey", "-pubin", "-inform", "DER", "-in",
				Path.of(System.getProperty("radesk.data"), "ra", "audit-anchor.pub").toString(), "-out", pub.toString());
		String verified = SoftHsm.runAllowingFailure("openssl", "dgst", "-sha256", "-verify", pub.toString(), "-signature",
				made.signatureFile(), made.file());
		assertTrue(verified.contains("Verified OK"), verified);
		Path changed = dir.resolve("changed.jsonl");
		Files.writeString(changed, Files.readString(Path.of(made.file())).replaceFirst("\"action\":\"", "\"action\": \""));
		String refused = SoftHsm.runAllowingFailure("openssl", "dgst", "-sha256", "-verify", pub.toString(), "-signature",
				made.signatureFile(), changed.toString());
		assertTrue(refused.toLowerCase(java.util.Locale.ROOT).contains("verification failure"), "one byte changed: " + refused);
		assertTrue(Services.await(AuditTrail.class).about(Staff.ADMIN, "audit-export:" + Path.of(made.file()).getFileName()).stream()
				.anyMatch(e -> e.action().equals("AUDIT_EXPORTED")));
	}

	@Test
	void expiredCaptchasAndSessionsArePurgedAndThePurgeIsAudited() throws Exception {
		SessionDesk sessions = Services.await(SessionDesk.class);
		sessions.keepCaptcha("purge-probe-" + System.nanoTime(), "0".repeat(64), "192.0.2.77");
		try {
			TimeSource.advance(Duration.ofMinutes(10));
			assertTrue(sessions.purgeExpired(Staff.ADMIN) >= 1, "the captcha past its five minutes is gone");
			assertEquals(0, sessions.purgeExpired(Staff.ADMIN), "nothing left to purge");
		} finally {
			TimeSource.reset();
		}
		assertFalse(Services.await(AuditTrail.class).about(Staff.ADMIN, "sessions").stream()
				.noneMatch(e -> e.action().equals("EXPIRED_PURGED")), "audited");
	}
}
