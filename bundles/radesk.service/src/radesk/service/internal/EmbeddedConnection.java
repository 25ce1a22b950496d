package radesk.service.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.RaConnection;
import radesk.store.Database;

/** The standalone mode: the RA service runs in this process on the embedded database. */
@Component(service = RaConnection.class)
public final class EmbeddedConnection implements RaConnection {

	private final Database database;

	@Activate
	public EmbeddedConnection(@Reference Database database) {
		this.database = database;
	}

	@Override
	public Mode mode() {
		return Mode.EMBEDDED;
	}

	@Override
	public String location() {
		return database.location();
	}
}
