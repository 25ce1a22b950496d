package radesk.service.tests;


import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;

/** Looks services up the way the workbench does: in the OSGi registry, once DS has wired them. */
final class Services {

	private Services() {
	}

	static <S> S await(Class<S> type) {
		return radesk.testing.OsgiServices.await(type);
	}

	/**
	 * Stops the service and the store, closing the database, so another process can open it: and
	 * makes sure it is closed (this JVM holds no lock on its file any more), since a connection
	 * still open somewhere would keep it open behind the other process's back.
	 */
	static void stopRa() throws BundleException {
		bundle("radesk.service").stop();
		bundle("radesk.store").stop();
		java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("radesk.data"), "db", "radesk.mv.db");
		long deadline = System.currentTimeMillis() + 10_000;
		while (true) {
			try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
				java.nio.channels.FileLock lock = channel.tryLock();
				if (lock != null) {
					lock.release();
					return;
				}
			} catch (java.nio.channels.OverlappingFileLockException | java.io.IOException stillOpen) {
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

	static void startRa() throws BundleException {
		bundle("radesk.store").start();
		bundle("radesk.service").start();
	}

	private static Bundle bundle(String symbolicName) {
		for (Bundle b : FrameworkUtil.getBundle(Services.class).getBundleContext().getBundles()) {
			if (b.getSymbolicName().equals(symbolicName)) {
				return b;
			}
		}
		throw new AssertionError(symbolicName + " is not installed");
	}

	/** Stops and starts a bundle: its components are torn down and built anew, as after a restart. */
	static void restart(String symbolicName) throws BundleException {
		BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
		for (Bundle b : context.getBundles()) {
			if (b.getSymbolicName().equals(symbolicName)) {
				b.stop();
				b.start();
				return;
			}
		}
		throw new AssertionError(symbolicName + " is not installed");
	}
}
