package radesk.service.tests;

import java.sql.Connection;

import radesk.store.AuditRecords;
import radesk.store.Database;

/** Reads the audit table directly, as an auditor with database access would. */
final class AuditCount {

	private AuditCount() {
	}

	static int all() throws Exception {
		try (Connection c = Services.await(Database.class).connect()) {
			return AuditRecords.all(c).size();
		}
	}
}
