package radesk.notify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import radesk.store.Notices;

/**
 * The embedded runner's record of every final dot, kept beside the database: one line
 * {@code <notice id> <send number> <epoch second>} appended (one write, before the dot goes out) to a file of the
 * data folder. A write to a file survives the process being killed the moment it returns; H2 2.5's
 * commit was seen not to (killed under load, it came back without its last few reported commits,
 * so notices whose dot had gone out were found SENDING, queued again and sent twice). With this
 * file the database's record of the dot no longer has to be durable before the dot: the next run
 * reads the file and sets IN_DOUBT whatever the database lost ({@link #recover}). Not synced to the
 * disk, as H2's commits are not: a power cut is not covered by either. Only for the embedded
 * database: servers that share one keep the outbox's IN_DOUBT commit before the dot.
 */
final class FinalDots implements AutoCloseable {

	private final Path file;
	private FileChannel out;

	FinalDots(Path file) {
		this.file = file;
	}

	/** Records that the final dot of send number {@code sends} of notice {@code id} is about to go out. */
	synchronized void append(long id, int sends) throws IOException {
		if (out == null) {
			Files.createDirectories(file.getParent());
			out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
		}
		ByteBuffer line = ByteBuffer.wrap((id + " " + sends + " " + System.currentTimeMillis() / 1000 + "\n")
				.getBytes(StandardCharsets.US_ASCII));
		while (line.hasRemaining()) {
			out.write(line);
		}
	}

	@Override
	public synchronized void close() throws IOException {
		if (out != null) {
			out.close();
			out = null;
		}
	}

	/** A recorded dot: the send's number and when (the machine's clock, epoch seconds). */
	record Dot(int sends, long at) {
	}

	/** What a recovery did, and the lines to keep for the next one. */
	record Recovered(List<Notices.Row> doubted, Map<Long, Dot> keep) {
		/** No file (a shared database): nothing doubted, nothing to keep. */
		static final Recovered NONE = new Recovered(List.of(), Map.of());
	}

	/**
	 * How long a line is kept after its send was seen settled: H2 was seen to lose the last commits
	 * before a kill, never ones older than a moment; a minute is far beyond that.
	 */
	private static final long SETTLED_KEPT_SECONDS = 60;

	/**
	 * Run before any sender of this runner starts, with the lease held (no other runner): every dot
	 * recorded whose notice the database still shows before that dot — SENDING with that send number,
	 * or QUEUED with an earlier one (its claim lost too) — is set IN_DOUBT: it may have been accepted,
	 * so it is not sent again by itself. Those lines are kept (the next recovery finds them settled
	 * and drops them, should this transaction be lost as well); lines of settled sends are dropped.
	 */
	Recovered recover(Connection c, String why) throws Exception {
		List<Notices.Row> doubted = new ArrayList<>();
		Map<Long, Dot> keep = new HashMap<>();
		long now = System.currentTimeMillis() / 1000;
		for (Map.Entry<Long, Dot> dot : read().entrySet()) {
			Optional<Notices.Row> row = Notices.find(c, dot.getKey());
			if (row.isEmpty()) {
				continue;
			}
			// only a notice still SENDING or QUEUED can be before its dot (Notices.doubt decides which)
			Notices.State state = row.get().state();
			boolean open = state == Notices.State.SENDING || state == Notices.State.QUEUED;
			if (open && Notices.doubt(c, dot.getKey(), dot.getValue().sends(), why)) {
				doubted.add(row.get());
				keep.put(dot.getKey(), dot.getValue());
			} else if (now - dot.getValue().at() < SETTLED_KEPT_SECONDS) {
				keep.put(dot.getKey(), dot.getValue()); // settled a moment ago: kept until that is surely on disk
			}
		}
		return new Recovered(doubted, keep);
	}

	/** Rewrites the file with only {@code keep}'s lines (after the recovery's transaction is committed). */
	synchronized void keepOnly(Map<Long, Dot> keep) throws IOException {
		close();
		if (keep.isEmpty()) {
			Files.deleteIfExists(file);
			return;
		}
		StringBuilder text = new StringBuilder();
		keep.forEach((id, dot) -> text.append(id).append(' ').append(dot.sends()).append(' ').append(dot.at()).append('\n'));
		Path next = file.resolveSibling(file.getFileName() + ".next");
		Files.writeString(next, text, StandardCharsets.US_ASCII);
		try {
			Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} catch (AtomicMoveNotSupportedException e) {
			Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** {@code <notice id> <send number> <epoch second>}. */
	private static final Pattern LINE = Pattern.compile("([0-9]{1,18}) ([0-9]{1,9}) ([0-9]{1,18})");

	/** The last send recorded per notice (the highest number); a torn last line (killed mid-write) is ignored. */
	Map<Long, Dot> read() throws IOException {
		Map<Long, Dot> dots = new HashMap<>();
		String text;
		try {
			text = Files.readString(file, StandardCharsets.ISO_8859_1);
		} catch (NoSuchFileException e) {
			return dots;
		}
		// only whole lines: a write cut short never returned, so its dot never went out
		for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
			Matcher parts = LINE.matcher(line.strip());
			if (parts.matches()) {
				Dot dot = new Dot(Integer.parseInt(parts.group(2)), Long.parseLong(parts.group(3)));
				dots.merge(Long.parseLong(parts.group(1)), dot, (a, b) -> a.sends() >= b.sends() ? a : b);
			}
		}
		return dots;
	}
}
