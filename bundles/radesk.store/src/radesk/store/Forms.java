package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import radesk.core.review.FormKind;
import radesk.core.review.FormState;

/** Review forms inside a transaction. */
public final class Forms {

	private static final String COLUMNS = "id, kind, state, subject, detail, submitted_by, received_at, row_version, reason";

	private Forms() {
	}

	public static long insert(Connection c, FormKind kind, FormState state, String subject, String detail, String submittedBy,
			Instant at) throws SQLException {
		return Rows.insert(c, "insert into form_request (kind, state, subject, detail, submitted_by, received_at)"
				+ " values (?, ?, ?, ?, ?, ?)", kind, state, subject, detail, submittedBy, at);
	}

	/** A revocation form carries the reason the subscriber chose. */
	public static void reason(Connection c, long id, String reason) throws SQLException {
		Rows.update(c, "update form_request set reason = ? where id = ?", reason, id);
	}

	private static FormRow row(java.sql.ResultSet rs) throws SQLException {
		return new FormRow(rs.getLong(1), FormKind.valueOf(rs.getString(2)), FormState.valueOf(rs.getString(3)), rs.getString(4),
				rs.getString(5), rs.getString(6), Rows.instant(rs, "received_at"), rs.getInt(8), rs.getString(9));
	}

	public static Optional<FormRow> find(Connection c, long id) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from form_request where id = ?", Forms::row, id);
	}

	/** Forms in one state, oldest first. */
	public static java.util.List<FormRow> inState(Connection c, FormState state, int limit) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from form_request where state = ? order by received_at, id limit ?", Forms::row,
				state, limit);
	}

	public static void move(Connection c, FormRow row, FormState to, String decidedBy, String rejectReason) throws SQLException {
		Rows.updateVersioned(c, "form " + row.id(), "update form_request set state = ?, decided_by = coalesce(?, decided_by),"
				+ " reject_reason = coalesce(?, reject_reason), row_version = row_version + 1 where id = ? and row_version = ?", to,
				decidedBy, rejectReason, row.id(), row.version());
	}

	/** The forms about any of these subjects (card serials, an account, certificate serials). */
	public static java.util.List<FormRow> about(Connection c, java.util.Collection<String> subjects) throws SQLException {
		if (subjects.isEmpty()) {
			return java.util.List.of();
		}
		return Rows.list(c, "select " + COLUMNS + " from form_request where subject in ("
				+ String.join(", ", java.util.Collections.nCopies(subjects.size(), "?")) + ") order by received_at, id", Forms::row,
				subjects.toArray());
	}
}
