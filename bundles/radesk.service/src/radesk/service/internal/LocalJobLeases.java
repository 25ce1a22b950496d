package radesk.service.internal;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import radesk.api.staff.JobLeases;
import radesk.store.Database;
import radesk.store.Leases;

/**
 * Job leases in the records (table {@code job_lease}), this process their holder under a name of
 * its own (host, and a random part: two servers on one host differ). A lease taken over from a
 * holder that let it lapse is logged, as the sign that a server died or stalled.
 */
@Component(service = JobLeases.class)
public final class LocalJobLeases implements JobLeases {

	private static final System.Logger LOG = System.getLogger(LocalJobLeases.class.getName());
	private final Database db;
	private final EmbeddedRa ra;
	private final String holder;
	private final Set<String> held = ConcurrentHashMap.newKeySet();

	@Activate
	public LocalJobLeases(@Reference Database db, @Reference EmbeddedRa ra) {
		this.db = db;
		this.ra = ra;
		this.holder = holderName();
	}

	/** A lease holder's name for this process (job_lease.holder): host, process and a random part, at most 100 characters. */
	static String holderName() {
		String host;
		try {
			host = java.net.InetAddress.getLocalHost().getHostName();
		} catch (java.net.UnknownHostException e) {
			host = "localhost";
		}
		String name = host + "/" + ProcessHandle.current().pid() + "/" + Long.toHexString(new java.security.SecureRandom().nextLong());
		return name.length() <= 100 ? name : name.substring(name.length() - 100);
	}

	@Override
	public boolean hold(String job, Duration hold) {
		Instant now = ra.clock.instant();
		Leases.Outcome outcome = db.inTransaction((Connection c) -> Leases.take(c, "job:" + job, holder, now, now.plus(hold)));
		if (outcome == Leases.Outcome.HELD_ELSEWHERE) {
			held.remove(job);
			return false;
		}
		if (held.add(job) && outcome == Leases.Outcome.TAKEN) {
			LOG.log(System.Logger.Level.INFO, "this server (" + holder + ") runs the job " + job + " now");
		}
		return true;
	}

	@Override
	public void releaseAll() {
		for (String job : held) {
			db.inTransaction((Connection c) -> {
				Leases.release(c, "job:" + job, holder);
				return null;
			});
		}
		held.clear();
	}
}
