package radesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of RA servers on loopback, as releng/DEPLOYMENT.md configures it: TLS
 * passed through (mode tcp), round robin, each server checked on /api/v1/health over TLS every
 * {@code checkMillis} (down after two misses), a connection retried on another server when its
 * server is gone. Used by the scale-out tests and the P8 benchmark.
 */
public record Haproxy(Process process, int port, Path log) implements AutoCloseable {

	/** Started on a free port; returned once it listens (its first health checks may still be under way). */
	public static Haproxy start(long checkMillis, int... servers) throws Exception {
		return start(checkMillis, null, servers);
	}

	/**
	 * The same, connecting to the servers from {@code source} (an address of this host) with the
	 * PROXY protocol (v2, health checks too), when {@code source} is not null.
	 */
	public static Haproxy start(long checkMillis, String source, int... servers) throws Exception {
		int port;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			port = free.getLocalPort();
		}
		StringBuilder cfg = new StringBuilder("""
				global
				    maxconn 4000
				defaults
				    mode tcp
				    timeout connect 2s
				    timeout client 60s
				    timeout server 60s
				    timeout check 5s
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
				    default-server inter %dms fall 2 rise 2 check check-ssl verify none%s
				""".formatted(port, checkMillis, source == null ? "" : " send-proxy-v2 check-send-proxy source " + source));
		for (int i = 0; i < servers.length; i++) {
			cfg.append("    server ra").append(i).append(" 127.0.0.1:").append(servers[i]).append('\n');
		}
		Path config = Files.createTempFile("haproxy", ".cfg");
		Files.writeString(config, cfg);
		Path log = config.resolveSibling(config.getFileName() + ".log");
		Process p = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
		long deadline = System.currentTimeMillis() + 30_000;
		while (true) {
			try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
				return new Haproxy(p, port, log);
			} catch (java.io.IOException notYet) {
				if (!p.isAlive() || System.currentTimeMillis() > deadline) {
					p.destroyForcibly();
					throw new IllegalStateException("haproxy did not come up: " + Files.readString(log));
				}
				Thread.sleep(100);
			}
		}
	}

	/** The subscribers' API through HAProxy. */
	public String address() {
		return "https://localhost:" + port + "/api/v1/";
	}

	@Override
	public void close() throws Exception {
		process.destroy();
		process.waitFor(10, TimeUnit.SECONDS);
	}
}
