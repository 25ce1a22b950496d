package radesk.service.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import radesk.store.Database;
import radesk.store.GroupCommit;

/** The notice job's writes committed in groups: each work all or nothing, the others unharmed, told only once committed. */
class GroupCommitTest {

	private static Database db;

	@BeforeAll
	static void table() throws Exception {
		db = Services.await(Database.class);
		try (Connection c = db.connect(); Statement s = c.createStatement()) {
			s.execute("create table if not exists group_commit_probe (id int primary key, note varchar(40))");
		}
	}

	private static void insert(Connection c, int id, String note) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement("insert into group_commit_probe (id, note) values (?, ?)")) {
			ps.setInt(1, id);
			ps.setString(2, note);
			ps.executeUpdate();
		}
	}

	private static long count(int from, int to) throws Exception {
		try (Connection c = db.connect();
				PreparedStatement ps = c.prepareStatement("select count(*) from group_commit_probe where id >= ? and id < ?")) {
			ps.setInt(1, from);
			ps.setInt(2, to);
			try (java.sql.ResultSet rs = ps.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	@Test
	void manyThreadsWritingAtOnceLoseNothingAndARefusedWorkUndoesOnlyItself() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try (GroupCommit group = new GroupCommit(db, "probe writer", 16)) {
			List<Future<Integer>> refusals = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int thread = t;
				refusals.add(threads.submit(() -> {
					int refused = 0;
					for (int i = 0; i < 50; i++) {
						int id = 1000 + thread * 50 + i;
						group.write((Connection c) -> {
							insert(c, id, "first");
							return null;
						});
						// the same key again: refused by the database, alone
						try {
							group.write((Connection c) -> {
								insert(c, 5000 + id, "half");
								insert(c, id, "again");
								return null;
							});
						} catch (SQLException expected) {
							refused++;
						}
					}
					return refused;
				}));
			}
			int refused = 0;
			for (Future<Integer> f : refusals) {
				refused += f.get();
			}
			assertEquals(400, refused, "every second write repeats a key and is refused");
			assertEquals(400, count(1000, 1400), "every first write is committed, whatever its group held");
			assertEquals(0, count(6000, 6400), "a refused work leaves nothing of itself: its first row is undone too");
		} finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aWorkThrowingADomainRefusalIsUndoneWhileItsNeighboursInTheSameGroupAreCommitted() throws Exception {
		try (GroupCommit group = new GroupCommit(db, "probe writer", 100)) {
			List<CompletableFuture<Object>> works = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				int id = 20_000 + i;
				works.add(group.submit((Connection c) -> {
					insert(c, id, "maybe");
					if (id % 3 == 0) {
						throw new IllegalStateException("refused: " + id);
					}
					return id;
				}));
			}
			group.flush();
			for (int i = 0; i < 30; i++) {
				int id = 20_000 + i;
				CompletableFuture<Object> done = works.get(i);
				assertTrue(done.isDone(), "told by the time flush returns");
				if (id % 3 == 0) {
					IllegalStateException e = assertThrows(IllegalStateException.class, () -> GroupCommit.await(done));
					assertEquals("refused: " + id, e.getMessage());
				} else {
					assertEquals(id, GroupCommit.await(done));
				}
			}
			assertEquals(20, count(20_000, 20_030));
		}
	}

	@Test
	void anInterruptedCallerStillLearnsTheOutcomeAndKeepsItsInterrupt() throws Exception {
		try (GroupCommit group = new GroupCommit(db, "probe writer", 4)) {
			Thread.currentThread().interrupt();
			Object result = group.write((Connection c) -> {
				insert(c, 30_000, "interrupted caller");
				return "committed";
			});
			assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
			assertEquals("committed", result);
			assertEquals(1, count(30_000, 30_001));
		}
	}

	@Test
	void aClosedWriterRefusesNewWorkButCommitsWhatItWasGiven() throws Exception {
		GroupCommit group = new GroupCommit(db, "probe writer", 4);
		CompletableFuture<Object> before = group.submit((Connection c) -> {
			insert(c, 40_000, "before close");
			return null;
		});
		group.close();
		assertTrue(before.isDone() && !before.isCompletedExceptionally());
		CompletableFuture<Object> after = group.submit((Connection c) -> {
			insert(c, 40_001, "after close");
			return null;
		});
		assertThrows(IllegalStateException.class, () -> GroupCommit.await(after));
		assertEquals(1, count(40_000, 40_002));
	}
}
