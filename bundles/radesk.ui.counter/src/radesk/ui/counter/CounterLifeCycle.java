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
import radesk.api.staff.StaffDesk;
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
	void start(IEclipseContext context, IEventBroker events) throws InterruptedException {
		LanguageLifeCycle.apply(context);
		if (radesk.client.ServerSettings.connected()) {
			// connected mode: no screen may be made before the RA server's interfaces are there to be found
			await(radesk.api.RaConnection.class);
		}
		events.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE,
				event -> Display.getDefault().asyncExec(() -> signIn(context)));
	}

	private static void signIn(IEclipseContext context) {
		try {
			StaffDesk staff = await(StaffDesk.class);
			SignInDialog dialog = new SignInDialog(Display.getDefault().getActiveShell(), staff, Workstation.name(),
					staff.needsFirstAdministrator(), radesk.client.ServerSettings.connected(), awaitHere(radesk.api.CardReaders.class),
					awaitHere(radesk.flows.counter.CounterCardFlows.class));
			if (dialog.open() == Window.OK) {
				context.set(Actor.class, dialog.signedIn());
				if (!radesk.client.ServerSettings.connected()) {
					NoticeRuns.daily(await(radesk.api.staff.NoticeDesk.class));
				}
			} else {
				context.get(IWorkbench.class).close();
			}
		} catch (ServiceException | InterruptedException e) {
			throw new IllegalStateException("the RA service cannot sign staff in", e);
		}
	}

	/** A service of this workstation itself (its card readers, its card flows), in either mode. */
	static <S> S awaitHere(Class<S> type) throws InterruptedException {
		return await(type, false);
	}

	/** The service of that type — in connected mode the RA server's, never the embedded one. */
	private static <S> S await(Class<S> type) throws InterruptedException {
		return await(type, radesk.client.ServerSettings.connected());
	}

	private static <S> S await(Class<S> type, boolean remote) throws InterruptedException {
		org.osgi.framework.BundleContext bundle = FrameworkUtil.getBundle(CounterLifeCycle.class).getBundleContext();
		ServiceTracker<S, S> tracker;
		try {
			tracker = new ServiceTracker<>(bundle, bundle.createFilter("(&(objectClass=" + type.getName() + ")"
					+ (remote ? "(radesk.remote=true)" : "") + ")"), null);
		} catch (org.osgi.framework.InvalidSyntaxException e) {
			throw new IllegalStateException(e);
		}
		tracker.open();
		S service = tracker.waitForService(SERVICE_WAIT_MS);
		if (service == null) {
			throw new IllegalStateException("the RA service did not start: " + type.getName());
		}
		return service;
	}
}
