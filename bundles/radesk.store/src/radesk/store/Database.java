package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** The RA's records database, migrated to the current schema before anyone gets a connection. */
public interface Database {

	Connection connect() throws SQLException;

	/** Where the records are, for people: a file path or a JDBC address without credentials. */
	String location();

	/**
	 * True when the records are a file of this process's data folder (the embedded H2): whoever opens
	 * them next runs on this machine with this data folder, and can read what this process left
	 * beside them. False for a database that servers share.
	 */
	default boolean embedded() {
		return false;
	}

	/**
	 * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws,
	 * so a refused or failed use case leaves nothing half-written.
	 */
	default <T, X extends Exception> T inTransaction(Tx<T, X> work) throws X {
		try (Connection c = connect()) {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | RuntimeException e) {
				c.rollback();
				throw e;
			} catch (Exception e) {
				c.rollback();
				throw e;
			} finally {
				c.setAutoCommit(true);
			}
		} catch (SQLException e) {
			throw new StoreException("a transaction", e);
		}
	}

	/** Runs {@code work} that only reads (searches, lists): no transaction to commit. */
	default <T, X extends Exception> T read(Tx<T, X> work) throws X {
		try (Connection c = connect()) {
			return work.run(c);
		} catch (SQLException e) {
			throw new StoreException("a read", e);
		}
	}
}
