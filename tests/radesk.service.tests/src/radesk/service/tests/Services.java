package radesk.service.tests;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
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
			throw new AssertionError(type.getName() + " was not registered within 30 s" + componentProblems(context));
		}
		return service;
	}

	/** What Declarative Services says about components that are not running, for the failure message. */
	private static String componentProblems(BundleContext context) {
		StringBuilder why = new StringBuilder();
		ServiceTracker<ServiceComponentRuntime, ServiceComponentRuntime> t = new ServiceTracker<>(context,
				ServiceComponentRuntime.class, null);
		t.open();
		ServiceComponentRuntime scr = t.getService();
		if (scr == null) {
			return "; no Declarative Services runtime";
		}
		for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
			if (!d.bundle.symbolicName.startsWith("radesk")) {
				continue;
			}
			for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
				if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
					why.append("\n  ").append(d.name).append(" state ").append(c.state);
					for (var r : c.unsatisfiedReferences) {
						why.append(" missing ").append(r.name);
					}
					if (c.failure != null) {
						// the stack trace's own first line and its deepest cause say enough
						String[] lines = c.failure.split("\n");
						why.append(" failure ").append(lines[0]);
						for (String line : lines) {
							if (line.startsWith("Caused by:")) {
								why.append(" / ").append(line);
							}
						}
					}
				}
			}
		}
		for (org.osgi.framework.Bundle b : context.getBundles()) {
			if (b.getSymbolicName().startsWith("radesk") && b.getState() == org.osgi.framework.Bundle.INSTALLED) {
				why.append("\n  bundle ").append(b.getSymbolicName()).append(" is not resolved");
			}
		}
		return why.toString();
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
