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
		radesk.testing.RaProcess.stopRa();
	}

	static void startRa() throws BundleException {
		radesk.testing.RaProcess.startRa();
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
