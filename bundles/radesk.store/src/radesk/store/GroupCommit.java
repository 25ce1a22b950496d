package radesk.store;

import java.sql.Connection;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The writes of many threads, committed together by one writer: what has been handed in while the
 * previous commit was being made goes into the next transaction, each work in a savepoint of its own
 * (one refused work undoes only itself), and a caller learns its outcome only once the commit that
 * holds its work is durable. A durable commit costs the same for one row as for a hundred (the
 * store writes its changed pages once), so under load this turns one commit per row into one per
 * group, without weakening what a caller may rely on after {@link #write} returns. One writer is
 * also one transaction at a time: no two of the group's writes wait on each other's locks.
 */
public final class GroupCommit implements AutoCloseable {

	private record Work(Tx<?, ?> tx, CompletableFuture<Object> done) {
	}

	private static final Work STOP = new Work(null, null);
	private final Database db;
	private final int most;
	private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
	private final Thread writer;
	private volatile boolean closed;

	/** A writer thread named {@code name}, committing at most {@code most} works a transaction. */
	public GroupCommit(Database db, String name, int most) {
		this.db = db;
		this.most = Math.max(1, most);
		this.writer = new Thread(this::loop, name);
		writer.setDaemon(true);
		writer.start();
	}

	/** Hands {@code work} in; the future completes once the transaction holding it is committed (or failed). */
	@SuppressWarnings("unchecked")
	public <T> CompletableFuture<T> submit(Tx<T, ?> work) {
		CompletableFuture<Object> done = new CompletableFuture<>();
		if (closed) {
			done.completeExceptionally(new IllegalStateException("the group writer is closed"));
		} else {
			queue.add(new Work(work, done));
		}
		return (CompletableFuture<T>) done;
	}

	/**
	 * Runs {@code work} in the next group and returns once it is committed, with its result or its
	 * exception. An interrupt does not cut the wait short (the work may be committed all the same,
	 * and the caller must know): it is kept for the caller to see afterwards.
	 */
	public <T> T write(Tx<T, ?> work) throws Exception {
		return await(submit(work));
	}

	/** Waits for everything handed in so far to be committed. */
	public void flush() throws Exception {
		write(c -> null);
	}

	/** Waits for {@code done} to complete, whatever interrupts come; its exception thrown as the work's. */
	public static <T> T await(CompletableFuture<T> done) throws Exception {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return done.get();
				} catch (InterruptedException e) {
					interrupted = true;
				} catch (ExecutionException e) {
					throw e.getCause() instanceof Exception cause ? cause : e;
				}
			}
		} finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void loop() {
		List<Work> group = new ArrayList<>();
		while (true) {
			group.clear();
			try {
				group.add(queue.take());
			} catch (InterruptedException e) {
				continue; // only close() ends the writer, after what was handed in
			}
			queue.drainTo(group, most - 1);
			boolean stop = group.remove(STOP);
			if (!group.isEmpty()) {
				commit(group);
			}
			if (stop) {
				return;
			}
		}
	}

	private void commit(List<Work> group) {
		Object[] results = new Object[group.size()];
		Exception[] refused = new Exception[group.size()];
		try {
			db.inTransaction((Connection c) -> {
				for (int i = 0; i < group.size(); i++) {
					Savepoint before = c.setSavepoint();
					try {
						results[i] = group.get(i).tx().run(c);
						c.releaseSavepoint(before);
					} catch (Exception e) {
						c.rollback(before);
						refused[i] = e;
					}
				}
				return null;
			});
		} catch (Exception | Error e) {
			group.forEach(w -> w.done().completeExceptionally(e));
			return;
		}
		for (int i = 0; i < group.size(); i++) {
			if (refused[i] != null) {
				group.get(i).done().completeExceptionally(refused[i]);
			} else {
				group.get(i).done().complete(results[i]);
			}
		}
	}

	/** Commits what was handed in, then ends the writer. */
	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		queue.add(STOP);
		try {
			writer.join(TimeUnit.MINUTES.toMillis(5));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
