package radesk.service.tests;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Looks services up the way the workbench does: in the OSGi registry, once DS has wired them. */
final class Services {

	private Services() {
	}

	static <S> S await(Class<S> type) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
		ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		S service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		if (service == null) {
			throw new AssertionError(type.getName() + " was not registered within 30 s");
		}
		return service;
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
