package radesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shipped {@code radesk-server} product, started as an operator starts it (its own Java, its
 * own script), on this runtime's data folder and PostgreSQL database; and Debian's HAProxy in
 * front of some of them, as releng/DEPLOYMENT.md configures it (TLS passed through, /health checked).
 */
final class ServerInstances implements AutoCloseable {

	private final Path home;
	private final Path work;
	private final List<Process> processes = new ArrayList<>();

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

	/** HAProxy on a port of its own, round robin over {@code servers}; its port once it answers /health. */
	int proxy(int... servers) throws Exception {
		int port = freePort();
		StringBuilder cfg = new StringBuilder("""
				global
				    maxconn 8000
				defaults
				    mode tcp
				    timeout connect 2s
				    timeout client 60s
				    timeout server 60s
				    retries 3
				    option redispatch
				frontend subscribers
				    bind 127.0.0.1:%d
				    default_backend ra
				backend ra
				    balance roundrobin
				    option httpchk
				    http-check send meth GET uri /api/v1/health ver HTTP/1.1 hdr Host localhost
				    http-check expect status 200
				    default-server inter 1s fall 3 rise 2 check check-ssl verify none maxconn 4000
				""".formatted(port));
		for (int i = 0; i < servers.length; i++) {
			cfg.append("    server ra").append(i).append(" 127.0.0.1:").append(servers[i]).append('\n');
		}
		Path config = work.resolve("haproxy-" + port + ".cfg");
		Files.writeString(config, cfg);
		Process p = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
				.redirectOutput(work.resolve("haproxy-" + port + ".log").toFile()).start();
		processes.add(p);
		long deadline = System.currentTimeMillis() + 30_000;
		while (true) {
			try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
				Thread.sleep(2500); // the first health checks pass (rise 2, inter 1s)
				return port;
			} catch (java.io.IOException notYet) {
				if (!p.isAlive() || System.currentTimeMillis() > deadline) {
					throw new IllegalStateException("haproxy did not come up: " + Files.readString(work.resolve("haproxy-" + port + ".log")));
				}
				Thread.sleep(200);
			}
		}
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			return free.getLocalPort();
		}
	}

	/** SIGTERM to all, as an operator stops them; what does not stop in 30 s is killed. */
	@Override
	public void close() throws InterruptedException {
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
