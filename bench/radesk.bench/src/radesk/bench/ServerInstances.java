package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped {@code radesk-server} product, started as an operator starts it (its own Java, its
 * own script), on this runtime's data folder and PostgreSQL database; and Debian's HAProxy in
 * front of some of them.
 */
final class ServerInstances implements AutoCloseable {

	private final Path home;
	private final Path work;
	private final List<Process> processes = new ArrayList<>();
	private final List<radesk.testing.Haproxy> proxies = new ArrayList<>();

	ServerInstances(Path home, Path work) {
		this.home = home;
		this.work = work;
	}

	/** Whether the product was built in this run (the reactor builds it before the benchmarks). */
	static boolean available(Path home) {
		return Files.isExecutable(home.resolve("radesk-server.sh")) && Files.isExecutable(Path.of("/usr/sbin/haproxy"));
	}

	/** One more server instance; its subscriber port. */
	int start(String... options) throws Exception {
		int port = freePort();
		int staff = freePort();
		Path console = work.resolve("server-" + port + ".log");
		ProcessBuilder b = new ProcessBuilder(home.resolve("radesk-server.sh").toString()).redirectErrorStream(true)
				.redirectOutput(console.toFile());
		b.environment().put("RADESK_WORKSPACE", Files.createTempDirectory(work, "ws").toString());
		b.environment().put("RADESK_JAVA_OPTS", String.join(" ", "-Dradesk.data=" + System.getProperty("radesk.data"),
				"-Dradesk.database=" + System.getProperty("radesk.database"), "-Dradesk.server.port=" + port,
				"-Dradesk.server.staff.port=" + staff, "-Dradesk.server.publish.port=0", "-Dradesk.server.captcha=disclosed", "-Dradesk.test.clock=movable",
				"-Dradesk.server.perClient=1000000", String.join(" ", options)));
		Process p = b.start();
		processes.add(p);
		long deadline = System.currentTimeMillis() + 180_000;
		while (!Files.readString(console).contains("radesk-server: listening")) {
			if (!p.isAlive() || System.currentTimeMillis() > deadline) {
				p.destroyForcibly();
				throw new IllegalStateException("radesk-server did not listen:\n" + Files.readString(console));
			}
			Thread.sleep(200);
		}
		return port;
	}

	/** HAProxy as DEPLOYMENT.md configures it, round robin over {@code servers}; its port once its first checks passed. */
	int proxy(int... servers) throws Exception {
		radesk.testing.Haproxy proxy = radesk.testing.Haproxy.start(1000, servers);
		proxies.add(proxy);
		Thread.sleep(2500); // rise 2, every second
		return proxy.port();
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			return free.getLocalPort();
		}
	}

	/** SIGTERM to all, as an operator stops them; what does not stop in 30 s is killed. */
	@Override
	public void close() throws Exception {
		for (radesk.testing.Haproxy p : proxies) {
			p.close();
		}
		for (Process p : processes) {
			p.toHandle().descendants().forEach(ProcessHandle::destroy);
			p.destroy();
		}
		for (Process p : processes) {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
				p.destroyForcibly();
			}
		}
	}
}
