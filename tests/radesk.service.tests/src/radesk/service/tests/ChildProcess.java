package radesk.service.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link CrashChild} in a JVM of its own on the class path of this test runtime's bundles,
 * waits until it reports the checkpoint, and kills it there with SIGKILL (kill -9): no shutdown
 * hook, no finally block, no closing of the database runs.
 */
final class ChildProcess {

	private ChildProcess() {
	}

	/** The JVM option that gives a child this runtime's records: PostgreSQL's settings in the suite's second run. */
	static List<String> databaseOptions() {
		return radesk.testing.RaProcess.sharedDatabase() ? List.of("-Dradesk.database=" + System.getProperty("radesk.database"))
				: List.of();
	}

	static String classPath() {
		return radesk.testing.RaProcess.classPath();
	}

	/** Runs the child until it reaches {@code checkpoint}, then kills it; fails if it never gets there. */
	static void killAt(String checkpoint, String... args) throws Exception {
		killAt(checkpoint, List.of(), args);
	}

	/** As {@link #killAt(String, String...)}, the child's JVM started with {@code options} too. */
	static void killAt(String checkpoint, List<String> options, String... args) throws Exception {
		Path marker = Files.createTempFile("checkpoint", ".txt");
		Files.delete(marker);
		Process child = start(checkpoint, marker, options, args);
		awaitMarker(child, marker, checkpoint);
		kill(child);
	}

	private static void awaitMarker(Process child, Path marker, String checkpoint) throws Exception {
		long deadline = System.currentTimeMillis() + 120_000;
		while (!Files.exists(marker)) {
			if (!child.isAlive()) {
				throw new AssertionError("the child ended (" + child.exitValue() + ") before " + checkpoint + ":\n"
						+ Files.readString(output(marker)));
			}
			if (System.currentTimeMillis() > deadline) {
				child.destroyForcibly();
				throw new AssertionError("the child never reached " + checkpoint + ":\n" + Files.readString(output(marker)));
			}
			Thread.sleep(50);
		}
	}

	private static void kill(Process child) throws InterruptedException {
		child.destroyForcibly();
		child.waitFor(30, TimeUnit.SECONDS);
		if (child.isAlive()) {
			throw new AssertionError("the child survived kill -9");
		}
	}

	/**
	 * The RA server ({@link CrashChild} {@code server}) in a JVM of its own on the data folder of
	 * this runtime (whose own RA must be stopped), with captcha answers disclosed on loopback. It
	 * answers until a request reaches {@code checkpoint}, and waits there to be killed.
	 */
	static final class Server implements AutoCloseable {
		private final Process process;
		private final Path marker;
		private final String checkpoint;
		final int port;
		final int staffPort;

		private Server(Process process, Path marker, String checkpoint, int port, int staffPort) {
			this.process = process;
			this.marker = marker;
			this.checkpoint = checkpoint;
			this.port = port;
			this.staffPort = staffPort;
		}

		String address() {
			return "https://localhost:" + port + "/api/v1/";
		}

		String staffAddress() {
			return "https://localhost:" + staffPort + "/api/v1/";
		}

		/** Waits until a request has reached the checkpoint, then kills the server with SIGKILL. */
		void killAtCheckpoint() throws Exception {
			awaitMarker(process, marker, checkpoint);
			kill(process);
		}

		/** What the server printed on its console so far. */
		String console() throws java.io.IOException {
			return Files.readString(output(marker));
		}

		@Override
		public void close() throws InterruptedException {
			if (process.isAlive()) {
				kill(process);
			}
		}
	}

	static Server server(String checkpoint) throws Exception {
		return server(checkpoint, List.of());
	}

	/**
	 * The RA server in a JVM of its own on a data folder of its own (a fresh installation's first
	 * start): on PostgreSQL with a new, empty database of its own as well.
	 */
	static Server freshServer(Path data) throws Exception {
		List<String> options = new ArrayList<>(List.of("-Dradesk.data=" + data));
		if (radesk.testing.RaProcess.sharedDatabase()) {
			options.add("-Dradesk.database="
					+ SuiteDatabases.beside(data, "radesk_test_", null, "a fresh installation's own database (ChildProcess.freshServer)"));
		}
		return server("(none)", options);
	}

	static Server server(String checkpoint, List<String> extra) throws Exception {
		int port;
		int staffPort;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0); java.net.ServerSocket other = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
			staffPort = other.getLocalPort();
		}
		Path marker = Files.createTempFile("checkpoint", ".txt");
		Files.delete(marker);
		List<String> options = new ArrayList<>(List.of("-Dradesk.server.port=" + port, "-Dradesk.server.staff.port=" + staffPort, "-Dradesk.server.publish.port=0",
				"-Dradesk.server.captcha=disclosed", "-Dradesk.test.clock=movable"));
		options.addAll(extra);
		Process child = start(checkpoint, marker, options, "server");
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
				return new Server(child, marker, checkpoint, port, staffPort);
			} catch (java.io.IOException notYet) {
				if (!child.isAlive() || System.currentTimeMillis() > deadline) {
					child.destroyForcibly();
					throw new AssertionError("the server child never listened:\n" + Files.readString(output(marker)));
				}
				Thread.sleep(100);
			}
		}
	}

	record Result(int exit, String output) {
	}

	/** Runs a main class of the runtime's bundles in a JVM of its own, to its end. */
	static Result run(String mainClass, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath(), mainClass));
		command.addAll(List.of(args));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			throw new AssertionError(mainClass + " did not finish");
		}
		return new Result(p.exitValue(), out);
	}

	/**
	 * Runs the child to {@code checkpoint}, does {@code meanwhile} there (pull the card), lets the
	 * child go on, and returns how it ended.
	 */
	static Result interruptAt(String checkpoint, Runnable meanwhile, String... args) throws Exception {
		Path marker = Files.createTempFile("checkpoint", ".txt");
		Files.delete(marker);
		Path resume = marker.resolveSibling(marker.getFileName() + ".go");
		Process child = start(checkpoint, marker, List.of("-Dradesk.test.resume=" + resume), args);
		awaitMarker(child, marker, checkpoint);
		meanwhile.run();
		Files.writeString(resume, "go");
		if (!child.waitFor(120, TimeUnit.SECONDS)) {
			child.destroyForcibly();
			throw new AssertionError("the child did not end after " + checkpoint);
		}
		return new Result(child.exitValue(), Files.readString(output(marker)));
	}

	private static Path output(Path marker) {
		return marker.resolveSibling(marker.getFileName() + ".out");
	}

	private static Process start(String checkpoint, Path marker, List<String> options, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", classPath(), "-Dradesk.data=" + System.getProperty("radesk.data"),
				"-Dradesk.test.pauseAt=" + checkpoint, "-Dradesk.test.marker=" + marker));
		command.addAll(databaseOptions()); // options below may name another
		command.addAll(options);
		command.add(CrashChild.class.getName());
		command.addAll(List.of(args));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output(marker).toFile());
		return pb.start();
	}
}
