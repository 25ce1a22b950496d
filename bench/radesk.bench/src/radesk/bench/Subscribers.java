package radesk.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import radesk.store.Database;
import radesk.testing.TestIds;

/** Subscribers written straight into the records for the load benchmarks, each able to log in with a password. */
final class Subscribers {

	private Subscribers() {
	}

	/** {@code n} subscribers with accounts {@code prefix}00000000…, all with the password {@code hash} hashes. */
	static List<String> make(Database db, String prefix, int n, String hash) throws Exception {
		List<String> accounts = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		try (Connection c = db.connect()) {
			c.setAutoCommit(false);
			try (PreparedStatement req = c.prepareStatement("insert into registration_request (channel, state, applicant_name,"
					+ " national_id, email, ra_unit, workstation, received_at, submitted_by) values ('COUNTER', 'DELIVERED', ?, ?, ?,"
					+ " 'HQ', 'bench', ?, 'bench')", java.sql.Statement.RETURN_GENERATED_KEYS);
					PreparedStatement sub = c.prepareStatement("insert into subscriber (account, national_id, name, email, ra_unit,"
							+ " pseudonym, password_hash, request_id, created_at) values (?, ?, ?, ?, 'HQ', ?, ?, ?, ?)")) {
				for (int i = 0; i < n; i++) {
					String id = TestIds.nationalId();
					req.setString(1, "負載" + prefix + i);
					req.setString(2, id);
					req.setString(3, prefix + i + "@example.tw");
					req.setTimestamp(4, now);
					req.executeUpdate();
					long requestId;
					try (var keys = req.getGeneratedKeys()) {
						keys.next();
						requestId = keys.getLong(1);
					}
					String account = String.format("%s%08d", prefix, i);
					sub.setString(1, account);
					sub.setString(2, id);
					sub.setString(3, "負載" + prefix + i);
					sub.setString(4, prefix + i + "@example.tw");
					sub.setString(5, prefix + "-" + i);
					sub.setString(6, hash);
					sub.setLong(7, requestId);
					sub.setTimestamp(8, now);
					sub.executeUpdate();
					accounts.add(account);
				}
			}
			c.commit();
		}
		return accounts;
	}
}
