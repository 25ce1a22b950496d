package radesk.testing;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/**
 * What a crash test needs to hand the RA to a process of its own: this runtime's RA stopped with its
 * H2 file really closed (the other process can open it), started again after, and the class path of
 * this runtime's bundles for the other JVM.
 */
public final class RaProcess {

	private RaProcess() {
	}

	/**
	 * Stops the service and the store, closing the database, and makes sure it is closed (this JVM
	 * holds no lock on its file any more): a connection still open somewhere would keep it open
	 * behind the other process's back.
	 */
	public static void stopRa() throws BundleException {
		bundle("radesk.service").stop();
		bundle("radesk.store").stop();
		if (sharedDatabase()) {
			return; // PostgreSQL: the pool closed with the store, and other processes share it anyway
		}
		Path file = Path.of(System.getProperty("radesk.data"), "db", "radesk.mv.db");
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
				FileLock lock = channel.tryLock();
				if (lock != null) {
					lock.release();
					return;
				}
			} catch (OverlappingFileLockException | java.io.IOException stillOpen) {
				// this JVM's database is still open
			}
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("the RA's database stayed open in this JVM after its bundles stopped");
			}
			try {
				Thread.sleep(50);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	/** True when the records are in a shared database (PostgreSQL, the suite's second run), not an H2 file. */
	public static boolean sharedDatabase() {
		String settings = System.getProperty("radesk.database");
		return settings != null && !settings.isBlank();
	}

	public static void startRa() throws BundleException {
		bundle("radesk.store").start();
		bundle("radesk.service").start();
	}

	private static Bundle bundle(String symbolicName) {
		for (Bundle b : FrameworkUtil.getBundle(RaProcess.class).getBundleContext().getBundles()) {
			if (b.getSymbolicName().equals(symbolicName)) {
				return b;
			}
		}
		throw new AssertionError(symbolicName + " is not installed");
	}

	private static Path installArea() {
		String area = System.getProperty("osgi.install.area", "file:" + System.getProperty("user.dir") + "/");
		return Path.of(java.net.URLDecoder.decode(area.substring(area.indexOf("file:") + "file:".length()), StandardCharsets.UTF_8));
	}

	/** The class path of this runtime's bundles: their jars, or their target/classes in the reactor. */
	public static String classPath() {
		BundleContext context = FrameworkUtil.getBundle(RaProcess.class).getBundleContext();
		Set<String> entries = new LinkedHashSet<>();
		for (Bundle b : context.getBundles()) {
			String location = b.getLocation();
			int file = location.indexOf("file:");
			if (file < 0) {
				continue;
			}
			String path = java.net.URLDecoder.decode(location.substring(file + "file:".length()), StandardCharsets.UTF_8);
			// Equinox keeps locations relative to its install area
			Path p = installArea().resolve(path).normalize();
			if (Files.isDirectory(p) && Files.isDirectory(p.resolve("target/classes"))) {
				p = p.resolve("target/classes");
			}
			entries.add(p.toString());
		}
		return String.join(File.pathSeparator, entries);
	}
}
