package radesk.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.RegistrationSummary;
import radesk.core.registration.Channel;
import radesk.core.registration.RaUnit;
import radesk.core.registration.RequestState;
import radesk.core.registration.WalkInForm;
import radesk.store.Database;
import radesk.store.RegistrationRecords;
import radesk.store.StoreException;

@Component(service = RegistrationRecords.class)
public final class JdbcRegistrationRecords implements RegistrationRecords {

	private static final String COLUMNS = "id, channel, state, applicant_name, national_id, email, ra_unit, received_at";

	private final Database database;

	@Activate
	public JdbcRegistrationRecords(@Reference Database database) {
		this.database = database;
	}

	@Override
	public List<RaUnit> raUnits() {
		try (Connection c = database.connect();
				ResultSet rs = c.createStatement().executeQuery("select code, name_zh, name_en from ra_unit order by code")) {
			List<RaUnit> units = new ArrayList<>();
			while (rs.next()) {
				units.add(new RaUnit(rs.getString(1), rs.getString(2), rs.getString(3)));
			}
			return units;
		} catch (SQLException e) {
			throw new StoreException("reading RA units", e);
		}
	}

	@Override
	public RegistrationSummary insert(WalkInForm form, Channel channel, RequestState state, String workstation,
			Instant receivedAt) {
		String sql = "insert into registration_request (channel, state, applicant_name, national_id, email, ra_unit, workstation, received_at)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?)";
		try (Connection c = database.connect();
				PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
			ps.setString(1, channel.name());
			ps.setString(2, state.name());
			ps.setString(3, form.name());
			ps.setString(4, form.nationalId());
			ps.setString(5, form.email());
			ps.setString(6, form.raUnit());
			ps.setString(7, workstation);
			ps.setTimestamp(8, Timestamp.from(receivedAt));
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return new RegistrationSummary(keys.getLong(1), channel, state, form.name(), form.nationalId(),
						form.email(), form.raUnit(), receivedAt);
			}
		} catch (SQLException e) {
			throw new StoreException("storing a registration request", e);
		}
	}

	@Override
	public List<RegistrationSummary> newest(int limit) {
		String sql = "select " + COLUMNS + " from registration_request order by received_at desc, id desc limit ?";
		try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setInt(1, limit);
			try (ResultSet rs = ps.executeQuery()) {
				List<RegistrationSummary> rows = new ArrayList<>();
				while (rs.next()) {
					rows.add(new RegistrationSummary(rs.getLong(1), Channel.valueOf(rs.getString(2)),
							RequestState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
							rs.getString(7), rs.getTimestamp(8).toInstant()));
				}
				return rows;
			}
		} catch (SQLException e) {
			throw new StoreException("listing registration requests", e);
		}
	}
}
