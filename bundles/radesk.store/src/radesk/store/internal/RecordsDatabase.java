package radesk.store.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import radesk.core.DataFolder;
import radesk.store.Database;
import radesk.store.DatabaseSettings;

/**
 * The RA's records as the installation says: PostgreSQL when {@code database.properties} names it
 * ({@link DatabaseSettings}), else the embedded H2 file of the data folder. Chosen once, when the
 * service starts; a settings file that cannot be used stops the start with its reason, rather than
 * falling back to an empty embedded database that would look like a new RA.
 */
@Component(service = Database.class)
public final class RecordsDatabase implements Database {

	private final OwnedDatabase records;

	@Activate
	public RecordsDatabase() throws IOException {
		Optional<DatabaseSettings> settings = DatabaseSettings.load(DataFolder.resolve());
		this.records = settings.isPresent() ? new PostgresDatabase(settings.get()) : new EmbeddedH2Database();
		System.getLogger(RecordsDatabase.class.getName()).log(System.Logger.Level.INFO, "the RA's records: " + records.location());
	}

	@Override
	public Connection connect() throws SQLException {
		return records.connect();
	}

	@Override
	public String location() {
		return records.location();
	}

	@Override
	public boolean embedded() {
		return records.embedded();
	}

	@Deactivate
	void close() {
		records.close();
	}
}
