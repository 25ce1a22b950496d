package radesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import radesk.core.access.Actor;
import radesk.core.audit.AuditChain;
import radesk.core.audit.AuditEntry;

/**
 * The audit trail table. Entries are appended inside the transaction of the change they record,
 * so a change and its entry are committed, or rolled back, together.
 */
public final class AuditRecords {

	private AuditRecords() {
	}

	public static AuditEntry append(Connection c, Actor actor, String action, String subject, Object before, Object after,
			Instant at) throws SQLException {
		Rows.update(c, "update counters set last_used = last_used + 1 where name = 'audit_seq'");
		long seq = Rows.one(c, "select last_used from counters where name = 'audit_seq'", rs -> rs.getLong(1)).orElseThrow() - 1;
		String prev = seq == 0 ? AuditChain.GENESIS
				: Rows.one(c, "select hash from audit_entry where seq = ?", rs -> rs.getString(1), seq).orElseThrow();
		AuditEntry e = AuditChain.next(seq, prev, at, actor.account(), actor.role().name(), actor.workstation(), action, subject,
				text(before), text(after));
		try (PreparedStatement ps = c.prepareStatement(INSERT)) {
			bind(ps, e);
			ps.executeUpdate();
		}
		return e;
	}

	/** What one entry of a batch says; who, when and the chain come from {@link #appendAll}. */
	public record Change(String action, String subject, Object before, Object after) {
	}

	/**
	 * Appends many entries by one actor in one go: the sequence numbers are taken at once (one row
	 * lock), the chain is computed here and the rows go in as one JDBC batch.
	 */
	public static void appendAll(Connection c, Actor actor, List<Change> changes, Instant at) throws SQLException {
		if (changes.isEmpty()) {
			return;
		}
		Rows.update(c, "update counters set last_used = last_used + ? where name = 'audit_seq'", changes.size());
		long last = Rows.one(c, "select last_used from counters where name = 'audit_seq'", rs -> rs.getLong(1)).orElseThrow();
		long seq = last - changes.size();
		String prev = seq == 0 ? AuditChain.GENESIS
				: Rows.one(c, "select hash from audit_entry where seq = ?", rs -> rs.getString(1), seq).orElseThrow();
		try (PreparedStatement ps = c.prepareStatement(INSERT)) {
			for (Change change : changes) {
				AuditEntry e = AuditChain.next(seq, prev, at, actor.account(), actor.role().name(), actor.workstation(),
						change.action(), change.subject(), text(change.before()), text(change.after()));
				bind(ps, e);
				ps.addBatch();
				seq = e.seq();
				prev = e.hash();
			}
			ps.executeBatch();
		}
	}

	private static final String INSERT = "insert into audit_entry (seq, at, actor, role, workstation, action,"
			+ " subject, before_state, after_state, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private static void bind(PreparedStatement ps, AuditEntry e) throws SQLException {
		ps.setLong(1, e.seq());
		ps.setTimestamp(2, Timestamp.from(e.at()));
		ps.setString(3, e.actor());
		ps.setString(4, e.role());
		ps.setString(5, e.workstation());
		ps.setString(6, e.action());
		ps.setString(7, e.subject());
		ps.setString(8, e.before());
		ps.setString(9, e.after());
		ps.setString(10, e.prevHash());
		ps.setString(11, e.hash());
	}

	private static String text(Object state) {
		if (state == null) {
			return null;
		}
		String s = state.toString();
		return s.length() > 1000 ? s.substring(0, 1000) : s;
	}

	public static List<AuditEntry> all(Connection c) throws SQLException {
		return query(c, "");
	}

	/** The newest entry (the chain's head), if any: read alone, not by walking the trail. */
	public static Optional<AuditEntry> head(Connection c) throws SQLException {
		return query(c, " where seq = (select max(seq) from audit_entry)").stream().findFirst();
	}

	private static List<AuditEntry> query(Connection c, String where, String... args) throws SQLException {
		List<AuditEntry> entries = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement("select seq, at, actor, role, workstation, action, subject,"
				+ " before_state, after_state, prev_hash, hash from audit_entry" + where + " order by seq")) {
			for (int i = 0; i < args.length; i++) {
				ps.setString(i + 1, args[i]);
			}
			ResultSet rs = ps.executeQuery();
			while (rs.next()) {
				entries.add(new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
						rs.getString(11)));
			}
		}
		return entries;
	}

	/** The first entry whose chain does not hold, if any. */
	public static Optional<AuditEntry> verify(Connection c) throws SQLException {
		return AuditChain.firstBroken(all(c));
	}

	/** The entries about one subject (e.g. {@code subscriber:12}), oldest first. */
	public static List<AuditEntry> about(Connection c, String subject) throws SQLException {
		return query(c, " where subject = ?", subject);
	}

	/** The entries about any of these subjects, oldest first: one person's whole story. */
	public static List<AuditEntry> aboutAll(Connection c, java.util.Collection<String> subjects) throws SQLException {
		if (subjects.isEmpty()) {
			return List.of();
		}
		return query(c, " where subject in (" + String.join(", ", java.util.Collections.nCopies(subjects.size(), "?")) + ")",
				subjects.toArray(String[]::new));
	}
}
