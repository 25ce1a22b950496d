package radesk.service.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.ServiceException;
import radesk.api.ServiceException.Reason;
import radesk.api.staff.BackupDesk;
import radesk.core.DataFolder;
import radesk.core.access.Actor;
import radesk.core.access.Permission;
import radesk.store.AuditRecords;
import radesk.store.BackupArchive;
import radesk.store.Database;

/**
 * Backups into {@code <data>/backups/radesk-backup-<UTC time>.zip} ({@link BackupArchive}), one at
 * a time, the newest {@code radesk.backup.keep} (default 7) kept; each one audited with its SHA-256,
 * a failed one too. The archive is written beside its final name and moved there whole.
 */
@Component(service = BackupDesk.class)
public final class LocalBackupDesk implements BackupDesk {

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
	private final Database db;
	private final EmbeddedRa ra;

	@Activate
	public LocalBackupDesk(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
	}

	@Override
	public synchronized Backup backUp(Actor admin) throws ServiceException {
		Guard.require(admin, Permission.BACK_UP);
		Instant now = ra.clock.instant();
		if (!backsUpTheRecords()) {
			// BACKUP TO is H2's; a shared database is copied by its own tools, consistently with its replica
			String why = "the records are in " + db.location() + ": back them up with PostgreSQL's own tools (pg_basebackup, a"
					+ " streaming replica), and this data folder's ca/, cards/, ra/ and server/ with them";
			db.inTransaction((Connection c) -> AuditRecords.append(c, admin, "BACKUP_FAILED", "backup", null, why, now));
			throw new ServiceException(Reason.WRONG_STATE, why);
		}
		Path folder = DataFolder.resolve().resolve("backups");
		Path target = folder.resolve("radesk-backup-" + NAME.format(now) + ".zip");
		for (int i = 2; Files.exists(target); i++) {
			target = folder.resolve("radesk-backup-" + NAME.format(now) + "-" + i + ".zip");
		}
		BackupArchive.Made made;
		try (Connection c = db.connect()) {
			made = BackupArchive.write(c, DataFolder.resolve(), target);
		} catch (SQLException | IOException e) {
			String why = e.getMessage();
			db.inTransaction((Connection c) -> AuditRecords.append(c, admin, "BACKUP_FAILED", "backup", null, why, now));
			throw new ServiceException(Reason.WRONG_STATE, "the backup could not be made: " + why);
		}
		BackupArchive.Made done = made;
		db.inTransaction((Connection c) -> AuditRecords.append(c, admin, "BACKUP_MADE", "backup:" + done.file().getFileName(), null,
				done.files() + " files, " + done.bytes() + " bytes, SHA-256 " + done.sha256(), now));
		prune(folder, Integer.getInteger("radesk.backup.keep", 7));
		return new Backup(done.file().toString(), done.files(), done.bytes(), done.sha256(), now);
	}

	@Override
	public boolean backsUpTheRecords() {
		return db.embedded();
	}

	/** The newest {@code keep} backups kept, older ones deleted (names sort by time). */
	private static void prune(Path folder, int keep) {
		List<Path> backups = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "radesk-backup-*.zip")) {
			files.forEach(backups::add);
			backups.sort(null);
			for (int i = 0; i < backups.size() - Math.max(1, keep); i++) {
				Files.deleteIfExists(backups.get(i));
			}
		} catch (IOException e) {
			System.getLogger(LocalBackupDesk.class.getName()).log(System.Logger.Level.WARNING, "old backups could not be removed", e);
		}
	}
}
