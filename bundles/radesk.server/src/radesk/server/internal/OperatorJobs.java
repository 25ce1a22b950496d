package radesk.server.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import radesk.api.PublicationDesk;
import radesk.api.ServiceException;
import radesk.api.staff.AuditTrail;
import radesk.api.staff.BackupDesk;
import radesk.api.staff.JobLeases;
import radesk.core.access.Actor;
import radesk.core.access.Role;

/**
 * The RA server's scheduled operator jobs, on one thread of their own, each logged when it fails
 * (and audited by the service when it changes anything): the CRL made again when due and the OCSP
 * responder's certificate renewed (checked every minute, at once at start); the audit trail's head
 * anchored every hour; expired sessions, captchas and challenges purged every hour; the audit trail
 * verified and exported, signed, every day; the records backed up every {@code radesk.backup.every}
 * hours (24; 0: never), the first one that long after start. Among servers sharing one database,
 * each job but the CRL's runs on the one server that holds its lease ({@link JobLeases}); every
 * server keeps its own CRL files fresh (they are what it serves; their numbers come from the shared
 * records, so relying parties see them grow whichever server answers).
 */
final class OperatorJobs {

	private static final System.Logger LOG = System.getLogger(OperatorJobs.class.getName());
	private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "radesk-operator-jobs");
		t.setDaemon(true);
		return t;
	});

	private final JobLeases leases;

	private OperatorJobs(JobLeases leases) {
		this.leases = leases;
	}

	static OperatorJobs start(PublicationDesk publication, AuditTrail audit, BackupDesk backups, radesk.api.SessionDesk sessions,
			JobLeases leases) {
		OperatorJobs jobs = new OperatorJobs(leases);
		Actor server = new Actor("(RA server)", Role.ADMINISTRATOR, "server host");
		jobs.every(null, 0, TimeUnit.MINUTES.toSeconds(1), "the CRL or the OCSP responder's certificate could not be refreshed",
				publication::refresh);
		jobs.every("audit-anchor", TimeUnit.HOURS.toSeconds(1), TimeUnit.HOURS.toSeconds(1), "the audit trail's head could not be anchored",
				() -> audit.anchor(server));
		jobs.every("session-purge", TimeUnit.MINUTES.toSeconds(10), TimeUnit.HOURS.toSeconds(1), "the expired sessions could not be purged",
				() -> sessions.purgeExpired(server));
		jobs.every("audit-export", TimeUnit.HOURS.toSeconds(2), TimeUnit.HOURS.toSeconds(24), "the audit trail could not be verified and exported", () -> {
			AuditTrail.Export made = audit.export(server);
			LOG.log(made.intact() ? System.Logger.Level.INFO : System.Logger.Level.ERROR, "audit trail " + (made.intact() ? "intact" : "BROKEN")
					+ ": " + made.entries() + " entries exported, signed, to " + made.file());
		});
		long backupHours = Long.getLong("radesk.backup.every", 24);
		if (backupHours > 0 && !backups.backsUpTheRecords()) {
			LOG.log(System.Logger.Level.INFO, "no scheduled backup: the records are in a shared database, which its own tools back"
					+ " up (pg_basebackup, a streaming replica); back the data folder's ca/, cards/, ra/ and server/ up with it");
		} else if (backupHours > 0) {
			jobs.every("backup", TimeUnit.HOURS.toSeconds(backupHours), TimeUnit.HOURS.toSeconds(backupHours), "the scheduled backup failed", () -> {
				BackupDesk.Backup made = backups.backUp(server);
				LOG.log(System.Logger.Level.INFO, "backed up into " + made.file() + " (" + made.bytes() + " bytes, SHA-256 " + made.sha256() + ")");
			});
		}
		return jobs;
	}

	@FunctionalInterface
	private interface Job {
		void run() throws ServiceException;
	}

	/** Runs {@code job} every period; a named one only while this server holds its lease (a period and a minute). */
	private void every(String lease, long firstSeconds, long periodSeconds, String failure, Job job) {
		java.time.Duration hold = java.time.Duration.ofSeconds(periodSeconds + 60);
		thread.scheduleWithFixedDelay(() -> {
			try {
				if (lease != null && !leases.hold(lease, hold)) {
					return; // another server runs it
				}
				job.run();
			} catch (ServiceException | RuntimeException e) {
				LOG.log(System.Logger.Level.ERROR, failure, e);
			}
		}, firstSeconds, periodSeconds, TimeUnit.SECONDS);
	}

	void stop() {
		thread.shutdownNow();
		try {
			leases.releaseAll();
		} catch (RuntimeException e) {
			LOG.log(System.Logger.Level.WARNING, "the job leases could not be let go: they lapse instead", e);
		}
	}
}
