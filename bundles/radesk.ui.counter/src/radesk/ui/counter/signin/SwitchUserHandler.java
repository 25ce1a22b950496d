package radesk.ui.counter.signin;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;
import radesk.api.staff.StaffDesk;
import radesk.core.Workstation;
import radesk.core.access.Actor;

/** 切換使用者: another member of staff signs in at this workstation; every part follows. */
public final class SwitchUserHandler {

	@Execute
	void execute(@Named("activeShell") Shell shell, StaffDesk staff, radesk.api.CardReaders readers,
			radesk.flows.counter.CounterCardFlows flows, MApplication application) {
		SignInDialog dialog = new SignInDialog(shell, staff, Workstation.name(), false, radesk.client.ServerSettings.connected(),
				readers, flows);
		if (dialog.open() == Window.OK) {
			application.getContext().set(Actor.class, dialog.signedIn());
		}
	}
}
