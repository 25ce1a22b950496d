package radesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done inside one transaction; it may fail with a domain exception, which rolls it back. */
@FunctionalInterface
public interface Tx<T, X extends Exception> {

	T run(Connection c) throws SQLException, X;
}
