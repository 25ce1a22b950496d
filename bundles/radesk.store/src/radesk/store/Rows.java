package radesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The few JDBC moves every table needs, with parameters bound by type. */
final class Rows {

	@FunctionalInterface
	interface Mapper<T> {
		T map(ResultSet rs) throws SQLException;
	}

	private Rows() {
	}

	static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			try (ResultSet rs = ps.executeQuery()) {
				List<T> rows = new ArrayList<>();
				while (rs.next()) {
					rows.add(mapper.map(rs));
				}
				return rows;
			}
		}
	}

	static <T> Optional<T> one(Connection c, String sql, Mapper<T> mapper, Object... args) throws SQLException {
		List<T> rows = list(c, sql, mapper, args);
		return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
	}

	static int update(Connection c, String sql, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, args);
			return ps.executeUpdate();
		}
	}

	/** An update guarded by the row version: zero rows means someone else changed the row first. */
	static void updateVersioned(Connection c, String what, String sql, Object... args) throws SQLException {
		if (update(c, sql, args) != 1) {
			throw new ConcurrentChangeException(what);
		}
	}

	static long insert(Connection c, String sql, Object... args) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
			bind(ps, args);
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void bind(PreparedStatement ps, Object... args) throws SQLException {
		for (int i = 0; i < args.length; i++) {
			Object a = args[i];
			if (a instanceof Instant instant) {
				ps.setTimestamp(i + 1, Timestamp.from(instant));
			} else if (a instanceof Enum<?> e) {
				ps.setString(i + 1, e.name());
			} else {
				ps.setObject(i + 1, a);
			}
		}
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
