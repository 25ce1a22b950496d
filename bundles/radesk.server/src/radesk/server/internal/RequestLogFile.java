package radesk.server.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.util.component.AbstractLifeCycle;

/**
 * The server's request log, {@code <folder>/requests.N.log} (10 MiB each, five kept, {@code .0} the
 * newest), one line a request with its time. A request thread only puts its line in a queue; one
 * writer thread writes what has gathered and flushes once per batch, so logging costs a request
 * neither a lock on the file nor a write of its own (it had cost a third of an OCSP answer). A
 * flood faster than the disk fills the queue: lines are then dropped, never waited for, and how
 * many is written into the log as soon as there is room.
 */
final class RequestLogFile extends AbstractLifeCycle implements RequestLog.Writer {

	/** The folder of the request log when no server log installed one (a benchmark); without either, the general log. */
	static final String PROPERTY = "radesk.server.requestLog";
	private static volatile RequestLogFile installed;

	/**
	 * The server's request log writer: into the file {@link #install installed} (by the server product
	 * as it starts, which may be after the listener opened), else into the general log.
	 */
	static RequestLog.Writer writer() {
		String folder = System.getProperty(PROPERTY);
		if (folder != null && installed == null) {
			install(Path.of(folder));
		}
		org.eclipse.jetty.server.Slf4jRequestLogWriter general = new org.eclipse.jetty.server.Slf4jRequestLogWriter();
		try {
			general.start();
		} catch (Exception e) {
			throw new IllegalStateException("the general log takes no requests: " + e.getMessage(), e);
		}
		return line -> {
			RequestLogFile file = installed;
			if (file != null) {
				file.write(line);
			} else {
				general.write(line);
			}
		};
	}

	/** The request log of the process, {@code <folder>/requests.N.log}, written until the JVM exits. */
	static synchronized void install(Path folder) {
		if (installed != null) {
			return;
		}
		RequestLogFile file = new RequestLogFile(folder);
		try {
			file.start();
		} catch (Exception e) {
			System.getLogger(RequestLogFile.class.getName()).log(System.Logger.Level.ERROR,
					"the request log in " + folder + " cannot be opened: requests go to the general log", e);
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				file.stop();
			} catch (Exception e) {
				// the JVM is going away either way
			}
		}, "radesk-request-log-close"));
		installed = file;
	}
	private static final long LIMIT = 10L * 1024 * 1024;
	private static final int KEPT = 5;
	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

	private record Stamp(long second, String text) {
	}

	private final Path folder;
	private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(65_536);
	private final AtomicLong dropped = new AtomicLong();
	private Thread writer;
	private volatile Stamp stamp = new Stamp(-1, "");
	private volatile boolean closing;
	private BufferedWriter out;
	private long written;
	private long toldAt = System.nanoTime() - TimeUnit.MINUTES.toNanos(2);

	private RequestLogFile(Path folder) {
		this.folder = folder;
	}

	/** Started and stopped with the server (Jetty's request log starts and stops its writer). */
	@Override
	protected void doStart() throws IOException {
		Files.createDirectories(folder);
		closing = false;
		open();
		writer = new Thread(this::drain, "radesk-request-log");
		writer.setDaemon(true);
		writer.start();
	}

	@Override
	public void write(String line) {
		long now = System.currentTimeMillis();
		Stamp s = stamp;
		if (s.second() != now / 1000) {
			s = new Stamp(now / 1000, SECOND.format(Instant.ofEpochSecond(now / 1000)));
			stamp = s;
		}
		long millis = now % 1000;
		String stamped = s.text() + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".") + millis + "Z " + line;
		if (!lines.offer(stamped)) {
			dropped.incrementAndGet();
		}
	}

	private void drain() {
		List<String> batch = new ArrayList<>(1024);
		while (!closing || !lines.isEmpty()) {
			try {
				String first = lines.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				lines.drainTo(batch, 4096);
				long lost = dropped.getAndSet(0);
				if (lost > 0) {
					batch.add(SECOND.format(Instant.now()) + "Z request log: " + lost + " line(s) dropped, the disk could not keep up");
				}
				for (String line : batch) {
					append(line);
				}
				out.flush();
			} catch (InterruptedException e) {
				closing = true;
			} catch (IOException | RuntimeException e) {
				// a full disk, a folder taken away: the lines of this batch are counted lost, told once a minute at most
				dropped.addAndGet(batch.size());
				long now = System.nanoTime();
				if (now - toldAt > TimeUnit.MINUTES.toNanos(1)) {
					toldAt = now;
					System.getLogger(RequestLogFile.class.getName()).log(System.Logger.Level.ERROR,
							"the request log " + folder.resolve("requests.0.log") + " cannot be written: " + e);
				}
				reopenAfterFailure();
			} finally {
				batch.clear();
			}
		}
	}

	private void append(String line) throws IOException {
		if (written >= LIMIT) {
			rotate();
		}
		out.write(line);
		out.write('\n');
		written += line.length() + 1;
	}

	/** After a failed write the file is opened afresh, so that the log goes on once the disk has room again. */
	private void reopenAfterFailure() {
		try {
			out.close();
		} catch (IOException | RuntimeException ignored) {
			// it failed already
		}
		try {
			open();
		} catch (IOException | RuntimeException e) {
			// tried again at the next batch
		}
	}

	/** requests.0.log becomes .1, .1 becomes .2 …, the oldest goes; a new .0 is begun. */
	private void rotate() throws IOException {
		out.close();
		Files.deleteIfExists(file(KEPT - 1));
		for (int g = KEPT - 2; g >= 0; g--) {
			if (Files.exists(file(g))) {
				Files.move(file(g), file(g + 1), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		open();
	}

	private void open() throws IOException {
		Path current = file(0);
		written = Files.exists(current) ? Files.size(current) : 0;
		out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
				StandardCharsets.UTF_8), 64 * 1024);
	}

	private Path file(int generation) {
		return folder.resolve("requests." + generation + ".log");
	}

	/** What is queued is written, then the file closed (the server stopping). */
	@Override
	protected void doStop() throws IOException, InterruptedException {
		closing = true;
		writer.join(5_000);
		if (!writer.isAlive()) {
			out.close(); // still writing after 5 s (a disk that hangs): left to end with the JVM rather than raced
		}
	}
}
