package radesk.api.staff;

import java.time.Instant;

import radesk.api.ServiceException;
import radesk.core.access.Actor;

/**
 * Backups of the records and the keys they need, made while the RA runs: on demand by an
 * administrator, and by the RA server on its schedule. Restored on the host with the RA stopped
 * ({@code radesk-restore.sh}).
 */
public interface BackupDesk {

	/** One backup: its file (owner-only: it holds the CA's keys), how many files it holds, its size and SHA-256. */
	record Backup(String file, int files, long bytes, String sha256, Instant at) {
	}

	/** Backs up now, into the data folder's {@code backups/}, keeping the newest {@code radesk.backup.keep} (7). */
	Backup backUp(Actor admin) throws ServiceException;

	/**
	 * False when the records are in a shared database, which its own tools back up: then
	 * {@link #backUp} refuses, and the server schedules no backup of its own.
	 */
	default boolean backsUpTheRecords() {
		return true;
	}
}
