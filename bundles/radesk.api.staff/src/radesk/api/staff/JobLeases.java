package radesk.api.staff;

import java.time.Duration;

/**
 * Which of the RA's servers runs a scheduled job now. Servers that share one database each
 * schedule every job; before a run, each asks for the job's lease, and only its holder runs it. A
 * holder that dies lets its lease lapse, and the next server to ask takes the job over. On the
 * embedded database there is one server, and it always holds them.
 */
public interface JobLeases {

	/**
	 * Takes or renews the lease of {@code job} for this server until {@code hold} from now: true
	 * when this server is to run it now, false when another server holds it.
	 */
	boolean hold(String job, Duration hold);

	/** Lets every lease of this server go (a clean stop), so others need not wait for them to lapse. */
	void releaseAll();
}
