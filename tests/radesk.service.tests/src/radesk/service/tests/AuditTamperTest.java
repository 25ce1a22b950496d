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
		Files.createDirectories(copy.resolve("ra"));
		Services.stopRa();
		try {
			if (radesk.testing.RaProcess.sharedDatabase()) {
				// a new database made from the suite's (the RA stopped, so none is connected to it)
				SuiteDatabases.beside(copy, "radesk_test_copy", SuiteDatabases.suiteDatabase(), "a copy of the suite's database");
			} else {
				Files.copy(Path.of(System.getProperty("radesk.data"), "db", "radesk.mv.db"), copy.resolve("db").resolve("radesk.mv.db"));
			}
			Files.copy(Path.of(System.getProperty("radesk.data"), "ra", "audit-anchor.pub"), copy.resolve("ra").resolve("audit-anchor.pub"));
		} finally {
			Services.startRa();
		}
		return copy;
	}

	private static Connection open(Path copy) throws Exception {
		if (radesk.testing.RaProcess.sharedDatabase()) {
			return SuiteDatabases.connect(copy);
		}
		Properties login = new Properties();
		login.put("user", "radesk");
		login.put("password", "");
		return new org.h2.Driver().connect("jdbc:h2:file:" + copy.resolve("db").resolve("radesk")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", login);
	}

	private static long head(Connection c) throws Exception {
		try (ResultSet rs = c.createStatement().executeQuery("select max(seq) from audit_entry")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	@Test
	void aDeletedEntryInTheMiddleIsNamed() throws Exception {
		Journey.toRegisteredSubscriber();
		Path copy = copyOfTheDatabase();
		long deleted;
		try (Connection c = open(copy)) {
			deleted = head(c) - 3;
			c.createStatement().executeUpdate("delete from audit_entry where seq = " + deleted);
		}
		ChildProcess.Result r = ChildProcess.run("radesk.store.VerifyAuditTrail", copy.toString());
		assertEquals(1, r.exit(), r.output());
		assertTrue(r.output().contains("BROKEN at entry " + (deleted + 1) + " "), "the entry after the gap: " + r.output());
	}

	@Test
	void aTailCutOffIsFoundWithTheLastAnchorAndAForgedAnchorIsRefused() throws Exception {
		Journey.toRegisteredSubscriber();
		String anchor = Services.await(radesk.api.staff.AuditTrail.class).anchor(Staff.administrator());
		assertTrue(anchor.startsWith("RA Desk audit anchor v1\nseq: "), anchor);
		Path kept = Files.writeString(Files.createTempFile("anchor", ".txt"), anchor);
		Path copy = copyOfTheDatabase();
		ChildProcess.Result intact = ChildProcess.run("radesk.store.VerifyAuditTrail", copy.toString(), kept.toString());
		assertEquals(0, intact.exit(), intact.output());
		try (Connection c = open(copy)) {
			// an insider cuts the newest entries off: what is left still chains perfectly
			c.createStatement().executeUpdate("delete from audit_entry where seq > " + (head(c) - 5));
		}
		ChildProcess.Result chainOnly = ChildProcess.run("radesk.store.VerifyAuditTrail", copy.toString());
		assertEquals(0, chainOnly.exit(), "the chain alone cannot see a cut tail: " + chainOnly.output());
		ChildProcess.Result withAnchor = ChildProcess.run("radesk.store.VerifyAuditTrail", copy.toString(), kept.toString());
		assertEquals(1, withAnchor.exit(), withAnchor.output());
		assertTrue(withAnchor.output().contains("TRUNCATED"), withAnchor.output());
		// an anchor edited to fit the cut trail no longer carries the RA's signature
		String forged = anchor.replaceFirst("seq: \\d+", "seq: 1");
		Path forgedFile = Files.writeString(Files.createTempFile("forged", ".txt"), forged);
		ChildProcess.Result refused = ChildProcess.run("radesk.store.VerifyAuditTrail", copy.toString(), forgedFile.toString());
		assertEquals(2, refused.exit(), refused.output());
		assertTrue(refused.output().contains("not one the RA signed"), refused.output());
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
		try (Connection c = open(copy)) {
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
