package radesk.service.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import radesk.testing.SoftHsm;

/**
 * Debian's Postfix as the RA's mail server, a private instance on loopback: STARTTLS with a
 * certificate made for it, mail to addresses starting "bounce-" refused at RCPT (5.1.1), and
 * everything else relayed to Postfix's smtp-sink, which writes each message to a file. Needs the
 * postfix package and root (Postfix's master runs as root and drops to its own user), as in CI.
 */
final class PostfixOnLoopback implements AutoCloseable {

	final Path dir;
	final int port;
	final Path dump;
	final Path caFile;
	private final Process sink;

	private PostfixOnLoopback(Path dir, int port, Path dump, Path caFile, Process sink) {
		this.dir = dir;
		this.port = port;
		this.dump = dump;
		this.caFile = caFile;
		this.sink = sink;
	}

	static PostfixOnLoopback start() throws Exception {
		if (!Files.isExecutable(Path.of("/usr/sbin/postfix")) || !Files.isExecutable(Path.of("/usr/sbin/smtp-sink"))) {
			throw new AssertionError("Debian's postfix is needed (releng/install-deps.sh installs it)");
		}
		Path dir = Files.createTempDirectory("postfix");
		// Postfix's daemons drop to the postfix user: they must be able to reach their folders
		Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
		Path etc = Files.createDirectories(dir.resolve("etc"));
		Path data = Files.createDirectories(dir.resolve("data"));
		Path dump = Files.createDirectories(dir.resolve("dump"));
		Files.createDirectories(dir.resolve("spool"));
		int port = freePort();
		int sinkPort = freePort();
		SoftHsm.run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
				etc.resolve("key.pem").toString(), "-out", etc.resolve("cert.pem").toString(), "-days", "2", "-subj", "/CN=127.0.0.1",
				"-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
		Files.writeString(etc.resolve("main.cf"), String.join("\n",
				"compatibility_level = 3.6", "queue_directory = " + dir.resolve("spool"), "data_directory = " + data,
				"mail_owner = postfix", "setgid_group = postdrop", "inet_interfaces = 127.0.0.1", "inet_protocols = ipv4",
				"myhostname = localhost", "mydomain = radesk.test", "mydestination =", "relay_domains = *",
				"mynetworks = 127.0.0.0/8", "relayhost = [127.0.0.1]:" + sinkPort,
				"smtpd_tls_cert_file = " + etc.resolve("cert.pem"), "smtpd_tls_key_file = " + etc.resolve("key.pem"),
				"smtpd_tls_security_level = may",
				"smtpd_recipient_restrictions = check_recipient_access regexp:" + etc.resolve("access") + ", permit_mynetworks, reject",
				// what goes wrong at start is printed (no syslog in a container)
				"maillog_file = /dev/stdout", ""), StandardCharsets.UTF_8);
		Files.writeString(etc.resolve("access"), "/^bounce-/ REJECT 5.1.1 no such mailbox\n");
		List<String> master = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("/etc/postfix/master.cf"))) {
			master.add(line.startsWith("smtp      inet") ? "127.0.0.1:" + port + " inet n - n - - smtpd" : line);
		}
		Files.write(etc.resolve("master.cf"), master);
		// Postfix runs an instance of another configuration only when the default one names it
		Path defaults = Path.of("/etc/postfix/main.cf");
		String now = Files.exists(defaults) ? Files.readString(defaults) : "compatibility_level = 3.6\n";
		Files.writeString(defaults, now + (now.endsWith("\n") ? "" : "\n") + "alternate_config_directories = " + etc + "\n");
		SoftHsm.run("chown", "postfix", data.toString(), dump.toString());
		Process sink = new ProcessBuilder("/usr/sbin/smtp-sink", "-u", "postfix", "-d", dump + "/%M.", "127.0.0.1:" + sinkPort, "10")
				.redirectErrorStream(true).redirectOutput(dir.resolve("sink.log").toFile()).start();
		SoftHsm.run("/usr/sbin/postfix", "-c", etc.toString(), "start");
		long deadline = System.currentTimeMillis() + 20_000;
		while (true) {
			try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
				break;
			} catch (java.io.IOException notYet) {
				if (System.currentTimeMillis() > deadline) {
					throw new AssertionError("postfix did not listen on " + port);
				}
				Thread.sleep(100);
			}
		}
		return new PostfixOnLoopback(dir, port, dump, etc.resolve("cert.pem"), sink);
	}

	private static int freePort() throws java.io.IOException {
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			return free.getLocalPort();
		}
	}

	/** The messages the sink received so far (Postfix relays within a second or two). */
	List<String> delivered() throws Exception {
		SoftHsm.runAllowingFailure("/usr/sbin/postqueue", "-c", dir.resolve("etc").toString(), "-f");
		List<String> out = new ArrayList<>();
		try (var files = Files.list(dump)) {
			for (Path f : files.toList()) {
				out.add(Files.readString(f, StandardCharsets.ISO_8859_1));
			}
		}
		return out;
	}

	@Override
	public void close() throws Exception {
		SoftHsm.runAllowingFailure("/usr/sbin/postfix", "-c", dir.resolve("etc").toString(), "stop");
		sink.destroy();
		sink.waitFor(10, TimeUnit.SECONDS);
	}
}
