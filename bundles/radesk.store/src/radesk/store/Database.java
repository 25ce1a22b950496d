package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The RA's records database, migrated to the current schema before anyone gets a connection. */
public interface Database {

	Connection connect() throws SQLException;

	/** Where the records are, for people: a file path or a JDBC address without credentials. */
	String location();
}
