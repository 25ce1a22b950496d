package radesk.store.internal;

import radesk.store.Database;

/** A database this process opened (its pool, its H2 file), and closes when the RA stops. */
interface OwnedDatabase extends Database {

	void close();
}
