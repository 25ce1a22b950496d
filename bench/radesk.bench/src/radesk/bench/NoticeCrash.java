package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import radesk.api.staff.NoticeDesk;
import radesk.store.Database;
import radesk.testing.OsgiServices;
import radesk.testing.RaProcess;

/**
 * The notices job killed with SIGKILL halfway: this runtime's RA stopped (H2 lets one process hold its
 * file), the job started in a JVM of its own ({@link NoticeChild}) with a one-second lease, killed
 * once the sink has taken half of what is due; the RA started again and its job run once the lease
 * has lapsed. Then every notice is counted against the Message-IDs the sink took: none missing, none
 * twice (a notice killed between its final dot and its 250 is IN_DOUBT: delivered once, shown at the
 * counter, never sent again by itself).
 */
final class NoticeCrash {

	private NoticeCrash() {
	}

	static void run(Path dir, int due) throws Exception {
		NoticeBench.reset(OsgiServices.await(Database.class));
		try (SmtpSink sink = new SmtpSink(dir.resolve("notices-crash"))) {
			NoticeBench.settings(sink.port);
			RaProcess.stopRa();
			Path log = dir.resolve("notice-child.log");
			Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", RaProcess.classPath(),
					"-Dradesk.data=" + System.getProperty("radesk.data"), "-Dradesk.notices.lease=1", "-Dfile.encoding=UTF-8",
					NoticeChild.class.getName()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
			long half = Math.max(1, due / 2);
			long deadline = System.currentTimeMillis() + 30 * 60_000L;
			while (sink.accepted() < half && child.isAlive() && System.currentTimeMillis() < deadline) {
				Thread.sleep(2);
			}
			if (!child.isAlive()) {
				RaProcess.startRa();
				throw new IllegalStateException("the notices job ended before it was killed:\n" + Files.readString(log));
			}
			child.destroyForcibly(); // SIGKILL
			child.waitFor(30, TimeUnit.SECONDS);
			long atKill = sink.accepted();
			RaProcess.startRa();
			Thread.sleep(1500); // the dead job's lease lapses
			NoticeDesk desk = OsgiServices.await(NoticeDesk.class);
			java.util.concurrent.ExecutorService restart = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
				Thread t = new Thread(r, "notices after the restart");
				t.setDaemon(true);
				return t;
			});
			NoticeDesk.Report after;
			try {
				after = restart.submit(desk::runJob).get(10, TimeUnit.MINUTES);
			} catch (java.util.concurrent.TimeoutException e) {
				throw new IllegalStateException("the job after the restart did not end in 10 minutes: the records did not recover from"
						+ " kill -9 (rows left locked by a transaction that died?)", e);
			} finally {
				restart.shutdownNow();
			}
			Map<String, Integer> taken = sink.messageIds();
			int missing = 0;
			int inDoubt = 0;
			int inDoubtUndelivered = 0;
			int notices = 0;
			try (Connection c = OsgiServices.await(Database.class).connect();
					PreparedStatement ps = c.prepareStatement("select message_id, state from notice where message_id not like ?")) {
				ps.setString(1, NoticeBench.SEED + "%");
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						notices++;
						boolean delivered = taken.containsKey(rs.getString(1));
						if (rs.getString(2).equals("IN_DOUBT")) {
							// the final dot may or may not have left before the kill: shown at the counter, never sent again by itself
							inDoubt++;
							inDoubtUndelivered += delivered ? 0 : 1;
						} else {
							missing += delivered ? 0 : 1;
						}
					}
				}
			}
			long twice = taken.values().stream().filter(k -> k > 1).count();
			Report.note(String.format(java.util.Locale.ROOT, "notices, kill -9 after %d of %d taken by the sink, then a restart: %d notices,"
					+ " %d missing, %d twice, %d in doubt at the counter (%d of them not taken: the kill came between the record and"
					+ " the final dot); the restart's run: %s", atKill, due, notices, missing, twice, inDoubt, inDoubtUndelivered, after));
			if (notices < due || missing > 0 || twice > 0) {
				throw new IllegalStateException("the outbox lost or doubled notices across kill -9: " + missing + " missing, " + twice
						+ " twice, " + notices + " of " + due);
			}
		}
	}
}
