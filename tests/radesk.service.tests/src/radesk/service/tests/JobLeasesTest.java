package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import radesk.api.staff.JobLeases;
import radesk.core.TimeSource;
import radesk.store.Database;
import radesk.store.Leases;

/**
 * One runner per scheduled job among servers sharing the records: of many asking at once exactly
 * one gets the lease, the others are told it is held; a dead holder's lease lapses and the next to
 * ask takes it over; a clean stop lets it go at once.
 */
class JobLeasesTest {

	@Test
	void ofEightServersAskingAtOnceOneRunsTheJobAndADeadOnesLeaseIsTakenOver() throws Exception {
		Database db = Services.await(Database.class);
		String job = "race-" + UUID.randomUUID().toString().substring(0, 8);
		Instant now = TimeSource.clock().instant();
		CyclicBarrier start = new CyclicBarrier(8);
		ExecutorService servers = Executors.newFixedThreadPool(8);
		List<Future<Leases.Outcome>> asked = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String holder = "server-" + i;
			asked.add(servers.submit(() -> {
				start.await();
				return db.inTransaction((Connection c) -> Leases.take(c, job, holder, now, now.plusSeconds(60)));
			}));
		}
		int taken = 0;
		for (Future<Leases.Outcome> f : asked) {
			Leases.Outcome outcome = f.get(); // a refusal, never an error
			taken += outcome == Leases.Outcome.TAKEN ? 1 : 0;
			assertTrue(outcome == Leases.Outcome.TAKEN || outcome == Leases.Outcome.HELD_ELSEWHERE, outcome.toString());
		}
		servers.shutdown();
		assertEquals(1, taken, "exactly one server runs the job");
		String holder = db.read((Connection c) -> {
			try (var rs = c.createStatement().executeQuery("select holder from job_lease where name = '" + job + "'")) {
				rs.next();
				return rs.getString(1);
			}
		});
		String other = holder.equals("server-0") ? "server-1" : "server-0";
		assertEquals(Leases.Outcome.RENEWED, db.inTransaction((Connection c) -> Leases.take(c, job, holder, now.plusSeconds(30),
				now.plusSeconds(90))), "its holder renews it");
		assertEquals(Leases.Outcome.HELD_ELSEWHERE, db.inTransaction((Connection c) -> Leases.take(c, job, other, now.plusSeconds(89),
				now.plusSeconds(150))), "still held, if only for a second");
		// the holder dies: nobody renews, the lease lapses, the next server to ask runs the job
		assertEquals(Leases.Outcome.TAKEN, db.inTransaction((Connection c) -> Leases.take(c, job, other, now.plusSeconds(91),
				now.plusSeconds(151))), "taken over once lapsed");
		assertEquals(Leases.Outcome.HELD_ELSEWHERE, db.inTransaction((Connection c) -> Leases.take(c, job, holder, now.plusSeconds(92),
				now.plusSeconds(152))), "the old holder, back, does not run it beside the new one");
		db.inTransaction((Connection c) -> {
			Leases.release(c, job, other);
			return null;
		});
		assertEquals(Leases.Outcome.TAKEN, db.inTransaction((Connection c) -> Leases.take(c, job, holder, now.plusSeconds(93),
				now.plusSeconds(153))), "let go at a clean stop: taken at once");
	}

	@Test
	void theServersOwnLeasesHoldWhileItIsTheOnlyOneAndAnotherHolderKeepsItOut() throws Exception {
		JobLeases leases = Services.await(JobLeases.class);
		String job = "solo-" + UUID.randomUUID().toString().substring(0, 8);
		assertTrue(leases.hold(job, Duration.ofMinutes(2)), "the only server runs its jobs");
		assertTrue(leases.hold(job, Duration.ofMinutes(2)), "and goes on running them");
		Database db = Services.await(Database.class);
		try {
			TimeSource.advance(Duration.ofMinutes(3)); // this server stalled past its lease; another took the job
			Instant later = TimeSource.clock().instant();
			assertEquals(Leases.Outcome.TAKEN, db.inTransaction((Connection c) -> Leases.take(c, "job:" + job, "other-server", later,
					later.plusSeconds(120))));
			assertFalse(leases.hold(job, Duration.ofMinutes(2)), "the stalled server does not run it beside the other");
		} finally {
			TimeSource.reset();
		}
	}
}
