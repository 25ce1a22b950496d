package radesk.ui.counter;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import radesk.api.ServiceException;
import radesk.api.StaffDesk;
import radesk.core.Workstation;
import radesk.core.access.Actor;
import radesk.ui.common.LanguageLifeCycle;
import radesk.ui.counter.signin.SignInDialog;

/**
 * The counter's start: the chosen language, then — once the window is up — staff sign-in (or the
 * first administrator on a fresh installation), modal over the window. The signed-in member of
 * staff goes into the application's context, from which every part and handler takes the actor
 * it hands to the service; until then the service refuses every call.
 */
public final class CounterLifeCycle {

	private static final long SERVICE_WAIT_MS = 30_000;

	@PostContextCreate
	void start(IEclipseContext context, IEventBroker events) {
		LanguageLifeCycle.apply(context);
		events.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE,
				event -> Display.getDefault().asyncExec(() -> signIn(context)));
	}

	private static void signIn(IEclipseContext context) {
		try {
			StaffDesk staff = await(StaffDesk.class);
			SignInDialog dialog = new SignInDialog(Display.getDefault().getActiveShell(), staff, Workstation.name(),
					staff.needsFirstAdministrator());
			if (dialog.open() == Window.OK) {
				context.set(Actor.class, dialog.signedIn());
			} else {
				context.get(IWorkbench.class).close();
			}
		} catch (ServiceException | InterruptedException e) {
			throw new IllegalStateException("the RA service cannot sign staff in", e);
		}
	}

	private static <S> S await(Class<S> type) throws InterruptedException {
		ServiceTracker<S, S> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(CounterLifeCycle.class).getBundleContext(), type,
				null);
		tracker.open();
		S service = tracker.waitForService(SERVICE_WAIT_MS);
		if (service == null) {
			throw new IllegalStateException("the RA service did not start: " + type.getName());
		}
		return service;
	}
}
