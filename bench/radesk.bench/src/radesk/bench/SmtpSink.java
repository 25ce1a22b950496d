package radesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Postfix's {@code smtp-sink} on loopback, every mail it accepts dumped to a file of its own: the
 * sink both peers of the notices benchmark send to, and the witness that counts each Message-ID.
 */
final class SmtpSink implements AutoCloseable {

	private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\r\\n]+>)");

	final int port;
	private final Path dumps;
	private final Process process;

	SmtpSink(Path dir) throws IOException, InterruptedException {
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		dumps = Files.createDirectories(dir);
		java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("/usr/sbin/smtp-sink"));
		if ("root".equals(System.getProperty("user.name"))) {
			// smtp-sink will not run as root: as nobody, who must reach and write the dump folder
			command.addAll(java.util.List.of("-u", "nobody"));
			Files.setPosixFilePermissions(dir.getParent(), java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
			Files.setPosixFilePermissions(dumps, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
		}
		command.addAll(java.util.List.of("-d", dumps.resolve("m.").toString(), "127.0.0.1:" + port, "256"));
		process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile()).start();
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			try (Socket s = new Socket("127.0.0.1", port)) {
				return;
			} catch (IOException notYet) {
				if (!process.isAlive() || System.currentTimeMillis() > deadline) {
					throw new IOException("smtp-sink did not start on port " + port);
				}
				Thread.sleep(20);
			}
		}
	}

	/** How many mails it has taken so far. */
	long accepted() throws IOException {
		try (Stream<Path> files = Files.list(dumps)) {
			return files.count();
		}
	}

	/** Each Message-ID it took, with how many times. */
	Map<String, Integer> messageIds() throws IOException {
		Map<String, Integer> seen = new HashMap<>();
		try (Stream<Path> files = Files.list(dumps)) {
			for (Path f : (Iterable<Path>) files::iterator) {
				Matcher m = MESSAGE_ID.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
				seen.merge(m.find() ? m.group(1) : "(none)", 1, Integer::sum);
			}
		}
		return seen;
	}

	/** The mean size of what it took, in bytes. */
	long meanSize() throws IOException {
		try (Stream<Path> files = Files.list(dumps)) {
			return Math.round(files.mapToLong(f -> f.toFile().length()).average().orElse(0));
		}
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}
}
