package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * The headless audit check, run as the administrator would run it: on a copy of the database
 * whose audit table someone edited by hand, it names the edited entry.
 */
class AuditTamperTest {

	private static Path copyOfTheDatabase() throws Exception {
		Path copy = Files.createTempDirectory("audit-copy");
		Files.createDirectories(copy.resolve("db"));
		Services.stopRa();
		try {
			Files.copy(Path.of(System.getProperty("radesk.data"), "db", "radesk.mv.db"), copy.resolve("db").resolve("radesk.mv.db"));
		} finally {
			Services.startRa();
		}
		return copy;
	}

	@Test
	void anIntactTrailIsReportedIntact() throws Exception {
		Journey.toRegisteredSubscriber();
		ChildProcess.Result r = ChildProcess.run("radesk.store.VerifyAuditTrail", copyOfTheDatabase().toString());
		assertEquals(0, r.exit(), r.output());
		assertTrue(r.output().startsWith("audit trail intact: "), r.output());
	}

	@Test
	void anEditedEntryIsNamed() throws Exception {
		Journey.toRegisteredSubscriber();
		Path copy = copyOfTheDatabase();
		long tampered;
		Properties login = new Properties();
		login.put("user", "radesk");
		login.put("password", "");
		try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + copy.resolve("db").resolve("radesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", login)) {
			try (ResultSet rs = c.createStatement().executeQuery("select max(seq) - 2 from audit_entry")) {
				rs.next();
				tampered = rs.getLong(1);
			}
			// an insider changes who approved, leaving the stored hashes as they were
			c.createStatement().executeUpdate("update audit_entry set actor = 'somebody.else' where seq = " + tampered);
		}
		ChildProcess.Result r = ChildProcess.run("radesk.store.VerifyAuditTrail", copy.toString());
		assertEquals(1, r.exit(), r.output());
		assertTrue(r.output().contains("BROKEN at entry " + tampered + " "), r.output());
	}

	@Test
	void aMissingDatabaseIsSaidPlainly() throws Exception {
		ChildProcess.Result r = ChildProcess.run("radesk.store.VerifyAuditTrail", Files.createTempDirectory("empty").toString());
		assertEquals(2, r.exit());
		assertTrue(r.output().contains("no RA Desk database"), r.output());
	}
}
