package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import radesk.core.review.FormKind;
import radesk.core.review.FormState;

/** Review forms inside a transaction. */
public final class Forms {

	private static final String COLUMNS = "id, kind, state, subject, detail, submitted_by, received_at, row_version";

	private Forms() {
	}

	public static long insert(Connection c, FormKind kind, FormState state, String subject, String detail, String submittedBy,
			Instant at) throws SQLException {
		return Rows.insert(c, "insert into form_request (kind, state, subject, detail, submitted_by, received_at)"
				+ " values (?, ?, ?, ?, ?, ?)", kind, state, subject, detail, submittedBy, at);
	}

	public static Optional<FormRow> find(Connection c, long id) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from form_request where id = ?", rs -> new FormRow(rs.getLong(1),
				FormKind.valueOf(rs.getString(2)), FormState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
				rs.getString(6), Rows.instant(rs, "received_at"), rs.getInt(8)), id);
	}

	public static void move(Connection c, FormRow row, FormState to, String decidedBy, String rejectReason) throws SQLException {
		Rows.updateVersioned(c, "form " + row.id(), "update form_request set state = ?, decided_by = coalesce(?, decided_by),"
				+ " reject_reason = coalesce(?, reject_reason), row_version = row_version + 1 where id = ? and row_version = ?", to,
				decidedBy, rejectReason, row.id(), row.version());
	}
}
