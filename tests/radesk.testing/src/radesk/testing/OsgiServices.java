package radesk.testing;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Looks services up the way the workbench does: in the OSGi registry, once Declarative Services
 * has wired them. When one does not come, the failure says which component is stuck and why.
 */
public final class OsgiServices {

	private OsgiServices() {
	}

	public static <S> S await(Class<S> type) {
		SoftHsm.prepare();
		BundleContext context = FrameworkUtil.getBundle(OsgiServices.class).getBundleContext();
		ServiceTracker<S, S> tracker = new ServiceTracker<>(context, type, null);
		tracker.open();
		S service;
		try {
			service = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError("interrupted while waiting for " + type.getName(), e);
		}
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
}
