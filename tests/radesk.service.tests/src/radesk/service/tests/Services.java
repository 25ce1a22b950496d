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

	/** Stops the service and the store, closing the database, so another process can open it. */
	static void stopRa() throws BundleException {
		bundle("radesk.service").stop();
		bundle("radesk.store").stop();
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
