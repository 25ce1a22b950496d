package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import radesk.core.registration.Channel;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;

/** Registration requests inside a transaction. */
public final class Requests {

	private static final String COLUMNS = "id, channel, state, applicant_name, national_id, email, ra_unit, submitted_by,"
			+ " decided_by, reject_reason, subscriber_id, received_at, row_version, phone, address, organization, business_number,"
			+ " documents";

	private Requests() {
	}

	public static long insert(Connection c, WalkInForm form, Channel channel, RequestState state, String submittedBy,
			String workstation, Instant at) throws SQLException {
		return Rows.insert(c, "insert into registration_request (channel, state, applicant_name, national_id, email, ra_unit,"
				+ " workstation, received_at, submitted_by, phone, address, organization, business_number, documents)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", channel, state, form.name(), form.nationalId(), form.email(),
				form.raUnit(), workstation, at, submittedBy, emptyToNull(form.phoneDigits()), emptyToNull(form.address()),
				emptyToNull(form.organization()), emptyToNull(form.businessNumber()), documents(form));
	}

	public static Optional<RequestRow> find(Connection c, long id) throws SQLException {
		return Rows.one(c, "select " + COLUMNS + " from registration_request where id = ?", Requests::row, id);
	}

	/**
	 * The review queue (審核): requests in review, oldest first, optionally of one RA unit or
	 * channel, or received before a moment.
	 */
	public static java.util.List<RequestRow> inReview(Connection c, String raUnit, Channel channel, Instant receivedBefore,
			int limit) throws SQLException {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from registration_request where state = 'IN_REVIEW'");
		java.util.List<Object> args = new java.util.ArrayList<>();
		if (raUnit != null) {
			sql.append(" and ra_unit = ?");
			args.add(raUnit);
		}
		if (channel != null) {
			sql.append(" and channel = ?");
			args.add(channel);
		}
		if (receivedBefore != null) {
			sql.append(" and received_at < ?");
			args.add(receivedBefore);
		}
		sql.append(" order by received_at, id limit ?");
		args.add(limit);
		return Rows.list(c, sql.toString(), Requests::row, args.toArray());
	}

	private static RequestRow row(java.sql.ResultSet rs) throws SQLException {
		return new RequestRow(rs.getLong(1), Channel.valueOf(rs.getString(2)), RequestState.valueOf(rs.getString(3)),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				rs.getString(10), (Long) rs.getObject(11, Long.class), Rows.instant(rs, "received_at"), rs.getInt(13),
				nullToEmpty(rs.getString(14)), nullToEmpty(rs.getString(15)), nullToEmpty(rs.getString(16)),
				nullToEmpty(rs.getString(17)), nullToEmpty(rs.getString(18)));
	}

	private static String emptyToNull(String s) {
		return s == null || s.isEmpty() ? null : s;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	private static String documents(WalkInForm form) {
		return form.documents().isEmpty() ? null
				: form.documents().stream().map(Enum::name).collect(java.util.stream.Collectors.joining(","));
	}

	/** The form as it was stored, for review and slips. */
	public static WalkInForm form(RequestRow r) {
		java.util.Set<radesk.core.registration.ProofDocument> documents = java.util.EnumSet.noneOf(radesk.core.registration.ProofDocument.class);
		for (String d : r.documents().split(",")) {
			if (!d.isBlank()) {
				documents.add(radesk.core.registration.ProofDocument.valueOf(d.strip()));
			}
		}
		return new WalkInForm(r.applicantName(), r.nationalId(), r.email(), r.raUnit(), r.phone(), r.address(), r.organization(),
				r.businessNumber(), documents);
	}

	/** Inserts many forms in one JDBC batch; returns their ids in order. */
	public static long[] insertAll(Connection c, java.util.List<WalkInForm> forms, Channel channel, RequestState state,
			String submittedBy, String workstation, Instant at) throws SQLException {
		try (java.sql.PreparedStatement ps = c.prepareStatement("insert into registration_request (channel, state, applicant_name,"
				+ " national_id, email, ra_unit, workstation, received_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				java.sql.Statement.RETURN_GENERATED_KEYS)) {
			java.sql.Timestamp when = java.sql.Timestamp.from(at);
			for (WalkInForm form : forms) {
				ps.setString(1, channel.name());
				ps.setString(2, state.name());
				ps.setString(3, form.name());
				ps.setString(4, form.nationalId());
				ps.setString(5, form.email());
				ps.setString(6, form.raUnit());
				ps.setString(7, workstation);
				ps.setTimestamp(8, when);
				ps.setString(9, submittedBy);
				ps.addBatch();
			}
			ps.executeBatch();
			long[] ids = new long[forms.size()];
			try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
				for (int i = 0; i < ids.length && keys.next(); i++) {
					ids[i] = keys.getLong(1);
				}
			}
			return ids;
		}
	}

	/** Of these ID numbers, the ones with a registration pending or a subscriber account already. */
	public static java.util.Set<String> alreadyRegistered(Connection c, java.util.Collection<String> nationalIds) throws SQLException {
		java.util.Set<String> found = new java.util.HashSet<>();
		if (nationalIds.isEmpty()) {
			return found;
		}
		String marks = String.join(",", java.util.Collections.nCopies(nationalIds.size(), "?"));
		Object[] args = nationalIds.toArray();
		found.addAll(Rows.list(c, "select national_id from registration_request where state in ('RECEIVED', 'IN_REVIEW', 'APPROVED')"
				+ " and national_id in (" + marks + ")", rs -> rs.getString(1), args));
		found.addAll(Rows.list(c, "select national_id from subscriber where national_id in (" + marks + ")", rs -> rs.getString(1), args));
		return found;
	}

	/** Requests pending or done for this ID number that block a new one. */
	public static boolean hasOpenRequest(Connection c, String nationalId) throws SQLException {
		return Rows.one(c, "select 1 from registration_request where national_id = ? and state in"
				+ " ('RECEIVED', 'IN_REVIEW', 'APPROVED')", rs -> 1, nationalId).isPresent();
	}

	public static void move(Connection c, RequestRow row, RequestState to) throws SQLException {
		Rows.updateVersioned(c, "request " + row.id(), "update registration_request set state = ?, row_version = row_version + 1"
				+ " where id = ? and row_version = ?", to, row.id(), row.version());
	}

	public static void decide(Connection c, RequestRow row, RequestState to, String decidedBy, String reason, Instant at)
			throws SQLException {
		Rows.updateVersioned(c, "request " + row.id(), "update registration_request set state = ?, decided_by = ?,"
				+ " reject_reason = ?, decided_at = ?, row_version = row_version + 1 where id = ? and row_version = ?", to,
				decidedBy, reason, at, row.id(), row.version());
	}

	public static void registered(Connection c, RequestRow row, long subscriberId) throws SQLException {
		Rows.updateVersioned(c, "request " + row.id(), "update registration_request set state = ?, subscriber_id = ?,"
				+ " row_version = row_version + 1 where id = ? and row_version = ?", RequestState.REGISTERED, subscriberId,
				row.id(), row.version());
	}

	/** Every request made with this ID number, oldest first (a rejected one may be followed by a new one). */
	public static java.util.List<RequestRow> byNationalId(Connection c, String nationalId) throws SQLException {
		return Rows.list(c, "select " + COLUMNS + " from registration_request where national_id = ? order by received_at, id",
				Requests::row, nationalId);
	}
}
