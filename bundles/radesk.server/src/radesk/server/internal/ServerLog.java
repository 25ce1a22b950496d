package radesk.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The server product's log: everything logged through {@link System.Logger} (ours, and Jetty's
 * through the SLF4J fragment) goes to a rotating file {@code <data>/server/logs/radesk-server.N.log}
 * (10 MiB × 5) and to the console; the request log is a file of its own beside it ({@link RequestLogFile}).
 */
final class ServerLog {

	private ServerLog() {
	}

	static Path start(Path data) throws IOException {
		Path folder = Files.createDirectories(data.resolve("server").resolve("logs"));
		System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz %4$s %3$s: %5$s%6$s%n");
		Logger root = Logger.getLogger("");
		for (Handler h : root.getHandlers()) {
			root.removeHandler(h);
		}
		root.addHandler(rotating(folder, "radesk-server"));
		ConsoleHandler console = new ConsoleHandler();
		console.setFormatter(new SimpleFormatter());
		root.addHandler(console);
		root.setLevel(Level.INFO);
		// the request log: requests.N.log beside it, written by RequestLogFile off the request threads
		RequestLogFile.install(folder);
		// Jetty's own chatter (started, stopped) only when something is wrong
		Logger.getLogger("org.eclipse.jetty").setLevel(Level.WARNING);
		return folder;
	}

	/** {@code <folder>/<name>.N.log}: 10 MiB each, five kept, UTF-8. */
	private static FileHandler rotating(Path folder, String name) throws IOException {
		FileHandler file = new FileHandler(folder.resolve(name + ".%g.log").toString(), 10 * 1024 * 1024, 5, true);
		file.setFormatter(new SimpleFormatter());
		file.setEncoding("UTF-8");
		return file;
	}
}
